import IKEDiagnostics

/// Named proposal sets that no peer uses.
struct UnusedProposalSetRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L033", name: "unused-proposal-set",
        summary: "a named proposal set that no peer uses",
        explanation: """
            A set in the top-level 'proposals:' map that no phase 1 or phase 2 names is \
            dead configuration; readers may believe it is in force. It is often left \
            over from a migration, or the set a peer was meant to use.

            Fix: remove it, or use it ('proposals: NAME').
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var used = Set<String>()
        for peer in context.policy.peers {
            if let name = peer.phase1.proposals.setName { used.insert(name.value) }
            for entry in peer.phase2 {
                if let name = entry.proposals.setName { used.insert(name.value) }
            }
        }
        return context.policy.proposalSets.compactMap { set in
            guard !used.contains(set.name.value) else { return nil }
            return finding("proposal set '\(set.name.value)' is never used", at: set.name.span)
        }
    }
}
