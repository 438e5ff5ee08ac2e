import IKEDiagnostics

/// PRFs that RFC 8247 advises against.
struct WeakPRFRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L003", name: "weak-prf",
        summary: "a pseudorandom function the algorithm RFCs advise against",
        explanation: """
            The PRF derives every key of the IKE SA and of its Child SAs (RFC 7296 \
            section 2.13 and 2.14). RFC 8247 section 3.2: PRF_HMAC_SHA2_256 is MUST, \
            PRF_HMAC_SHA2_512 SHOULD+, PRF_AES128_XCBC SHOULD, PRF_HMAC_SHA1 MUST- and \
            PRF_HMAC_MD5 MUST NOT. RFC 9395 deprecates PRF_HMAC_TIGER.

            Only PRFs written explicitly (prfsha1, or under 'prf:') are judged here; one \
            implied by an integrity keyword is judged with that keyword by \
            weak-ike-integrity.

            Severity: MUST NOT is an error, MUST- a note. Under 'cnsa' only \
            PRF_HMAC_SHA2_384 is allowed.

            Fix: use prfsha256, prfsha384 or prfsha512.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        AlgorithmFindings.check(self, context, type: .prf, uses: [.ike], purpose: "as the PRF")
    }
}
