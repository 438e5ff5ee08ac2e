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
            for (index, later) in list.proposals.enumerated() {
                guard
                    let first = list.proposals[..<index].firstIndex(where: {
                        $0.proposal == later.proposal
                    })
                else { continue }
                out.append(
                    finding(
                        "proposal \(index + 1) repeats proposal \(first + 1) "
                            + "('\(later.keywordString)')",
                        at: later.span,
                        notes: [
                            DiagnosticNote(
                                "proposal \(first + 1) is here", at: list.proposals[first].span)
                        ],
                        fixIts: []))
            }
        }
        return out
    }
}
