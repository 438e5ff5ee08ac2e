import IKEDiagnostics

/// ESP ciphers that RFC 8221 or RFC 9395 advise against.
struct WeakESPEncryptionRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L005", name: "weak-esp-encryption",
        summary: "a phase 2 ESP cipher the algorithm RFCs advise against",
        explanation: """
            ESP's cipher protects the traffic itself. RFC 8221 section 5: ENCR_AES_GCM_16 \
            and ENCR_AES_CBC are MUST, ENCR_CHACHA20_POLY1305 and ENCR_AES_CCM_8 SHOULD, \
            ENCR_3DES SHOULD NOT (its 64-bit block leaks after a few gigabytes, the \
            SWEET32 attack), and DES, Blowfish, 3IDEA and the DES variants MUST NOT. RFC \
            9395 section 3 deprecates CAST, IDEA and RC5 as well.

            ENCR_NULL is not judged here; esp-null-encryption reports it.

            Severity: MUST NOT is an error; SHOULD NOT and Deprecated warnings (default) \
            or notes (legacy). Under 'cnsa' only AES-256 in GCM-16 or CBC is allowed.

            Fix: use aes256gcm16 or aes128gcm16, or aes256/aes128 with sha256.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        AlgorithmFindings.check(
            self, context, type: .encryption, uses: [.esp], purpose: "for ESP")
    }
}
