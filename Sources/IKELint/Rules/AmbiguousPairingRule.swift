import IKEDiagnostics

/// Peers that several of the files given alongside could be the far end of.
struct AmbiguousPairingRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L038", name: "ambiguous-pairing",
        summary: "several files given alongside fit one peer; cross-file checks skipped",
        explanation: """
            The cross-file rules (no-common-proposal, invalid-ke-round-trip, \
            pfs-weaker-than-phase1 with a predicted group) need to know which file \
            describes a peer's far end: the one whose gateway the peer names (its 'id' \
            and its addresses fit) and which names our gateway back. When several files \
            fit, as happens when linting a folder of examples or of templates that reuse \
            addresses, ikec does not guess and skips those checks for the peer.

            Fix: lint the two files of a pair together ('ikec lint a.yaml b.yaml'), or \
            give each gateway its own identity.
            """,
        defaultSeverity: .note)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.ambiguousPairs.map { ambiguity in
            let paths = ambiguity.candidates.map { "'\($0.source.path)'" }
            let listed = paths.joined(separator: ", ")
            return finding(
                "peer '\(ambiguity.localPeer.name.value)' fits \(paths.count) files: \(listed)",
                at: ambiguity.localPeer.name.span,
                notes: [DiagnosticNote("cross-file checks are skipped for this peer")])
        }
    }
}
