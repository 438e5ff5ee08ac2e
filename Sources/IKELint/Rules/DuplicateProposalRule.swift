import IKEDiagnostics

/// Proposals written twice in one list.
struct DuplicateProposalRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L023", name: "duplicate-proposal",
        summary: "the same proposal twice in one list",
        explanation: """
            A proposal equal to an earlier one in the same list (the same transforms, \
            however written: a keyword string and a map can be equal) can never be \
            selected and only lengthens the SA payload. It usually comes from merging \
            two configurations.

            Fix: remove the repeat.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for list in context.proposalLists {
            let proposals = list.proposals
            let cores = proposals.map(\.proposal)
            for (index, later) in proposals.enumerated() {
                guard let first = cores[..<index].firstIndex(of: cores[index]) else { continue }
                out.append(
                    finding(
                        "proposal \(index + 1) repeats proposal \(first + 1) "
                            + "('\(later.keywordString)')",
                        at: later.span,
                        notes: [
                            DiagnosticNote(
                                "proposal \(first + 1) is here", at: proposals[first].span)
                        ],
                        fixIts: []))
            }
        }
        return out
    }
}
