import IKEDiagnostics

/// Proposals that an earlier proposal of the same list makes unreachable.
struct ShadowedProposalRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L022", name: "shadowed-proposal",
        summary: "a proposal that can never be selected because an earlier one covers it",
        explanation: """
            Proposals are tried in order. When every combination of transforms that a \
            later proposal offers is also offered by an earlier one, the earlier one \
            always matches first: as a responder ikec (and strongSwan) walks its own list \
            in order, and as an initiator the peer finds the earlier proposal before the \
            later one. The later proposal is dead configuration, and often a sign that \
            the order is not the intended one (a broad proposal placed before a narrow, \
            preferred one).

            Exact repeats are reported by duplicate-proposal instead.

            Fix: remove the later proposal, or move it before the one that covers it.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for list in context.proposalLists {
            let proposals = list.proposals
            let cores = proposals.map(\.proposal)
            for (index, later) in proposals.enumerated() {
                let earlier = cores[..<index]
                guard !earlier.contains(cores[index]),
                    let cover = earlier.firstIndex(where: {
                        ProposalMatching.covers($0, cores[index])
                    })
                else { continue }
                out.append(
                    finding(
                        "proposal \(index + 1) can never be selected: proposal \(cover + 1) "
                            + "offers everything it does",
                        at: later.span,
                        notes: [
                            DiagnosticNote(
                                "proposal \(cover + 1) is here", at: proposals[cover].span)
                        ]))
            }
        }
        return out
    }
}
