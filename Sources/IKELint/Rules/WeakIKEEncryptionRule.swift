import IKEDiagnostics

/// Ciphers for the IKE SA that RFC 8247 or RFC 9395 advise against (or, under `cnsa`,
/// anything but AES-256).
struct WeakIKEEncryptionRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L001", name: "weak-ike-encryption",
        summary: "a phase 1 cipher the algorithm RFCs advise against",
        explanation: """
            The IKE SA protects the identities, the authentication and every later key \
            exchange; a cipher broken or weakened there exposes everything negotiated \
            under it.

            RFC 8247 section 3.1 lists the ciphers for IKEv2: ENCR_AES_CBC is MUST, \
            ENCR_AES_GCM_16, ENCR_CHACHA20_POLY1305 and ENCR_AES_CCM_8 are SHOULD, 3DES \
            is only MAY and DES is MUST NOT. RFC 9395 section 3 deprecates the ciphers \
            only IKEv1 ever used (Blowfish, CAST, IDEA, RC5, 3IDEA and the DES variants). \
            ikec applies the same table to IKEv1 phase 1.

            Severity follows the profile: MUST NOT is an error; Deprecated a warning \
            (default) or a note (legacy). Under 'cnsa' (RFC 9206) anything but AES-256 \
            in GCM-16 or CBC is an error.

            Fix: use aes256gcm16 or aes128gcm16 (with a PRF), or aes256/aes128 with an \
            SHA-2 integrity algorithm.
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] {
        AlgorithmFindings.check(
            self, context, type: .encryption, uses: [.ike], purpose: "for the IKE SA")
    }
}
