import IKEDiagnostics

/// Diffie-Hellman groups for the IKE SA that RFC 8247 advises against.
struct WeakDHGroupRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L004", name: "weak-dh-group",
        summary: "a phase 1 Diffie-Hellman group the algorithm RFCs advise against",
        explanation: """
            The Diffie-Hellman exchange is the only source of forward secrecy: the IKE \
            SA's keys are no stronger than its group. RFC 8247 section 3.4: the 2048-bit \
            MODP group (14) is MUST, ECP-256 (19) and Curve25519 (31) SHOULD; the \
            1024-bit (2) and 1536-bit (5) MODP groups and the RFC 5114 groups with small \
            subgroups (22, 23, 24) SHOULD NOT; the 768-bit group (1) MUST NOT.

            Severity: MUST NOT is an error; SHOULD NOT a warning (default) or a note \
            (legacy). Under 'cnsa' only ECP-384 (20) or MODP groups of 3072 bits or more \
            (15 to 18) are allowed.

            Fix: use ecp256, x25519, ecp384 or modp3072.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        AlgorithmFindings.check(
            self, context, type: .dhGroup, uses: [.ike], purpose: "for the IKE SA")
    }
}
