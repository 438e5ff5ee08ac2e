import IKEDiagnostics

/// Integrity algorithms for the IKE SA that RFC 8247 advises against.
struct WeakIKEIntegrityRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L002", name: "weak-ike-integrity",
        summary: "a phase 1 integrity algorithm the algorithm RFCs advise against",
        explanation: """
            The integrity algorithm authenticates every IKE message after the first \
            exchange. RFC 8247 section 3.3: AUTH_HMAC_SHA2_256_128 is MUST, \
            AUTH_HMAC_SHA2_512_256 SHOULD, AUTH_HMAC_SHA1_96 MUST- (still allowed, \
            on its way out), and AUTH_HMAC_MD5_96, AUTH_DES_MAC and AUTH_KPDK_MD5 MUST \
            NOT.

            When a proposal has no explicit PRF, the integrity keyword also chooses the \
            PRF (as strongSwan does); that implied PRF is judged here, with the keyword, \
            rather than by weak-prf.

            Severity: MUST NOT is an error, MUST- a note (nothing under 'legacy'). Under \
            'cnsa' only AUTH_HMAC_SHA2_384_192 is allowed.

            Fix: use sha256, sha384 or sha512, or an AEAD cipher (aes256gcm16) which \
            needs no integrity algorithm.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        AlgorithmFindings.check(
            self, context, type: .integrity, uses: [.ike], purpose: "for the IKE SA")
    }
}
