import IKEDiagnostics

/// PFS groups of phase 2 that RFC 8247's group table advises against.
struct WeakPFSGroupRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L007", name: "weak-pfs-group",
        summary: "a phase 2 PFS group the algorithm RFCs advise against",
        explanation: """
            A PFS group in phase 2 adds a fresh Diffie-Hellman exchange to each Child SA \
            (RFC 7296 section 1.3.1), so that its keys survive a later compromise of the \
            IKE SA. A weak group gives that promise no weight. The groups are Transform \
            Type 4 values, judged by the table of RFC 8247 section 3.4: MODP-768 MUST \
            NOT; MODP-1024, MODP-1536 and the RFC 5114 groups 22 to 24 SHOULD NOT.

            Severity: MUST NOT is an error; SHOULD NOT a warning (default) or a note \
            (legacy). Under 'cnsa' only ECP-384 or MODP groups of 3072 bits or more.

            Fix: use the phase 1 group (ecp256, x25519, ecp384, modp3072).
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        AlgorithmFindings.check(
            self, context, type: .dhGroup, uses: [.esp, .ah], purpose: "for PFS")
    }
}
