import IKECore
import IKEDiagnostics
import IKEPolicy

/// IKEv2 initiators whose first key share the responder is predicted to refuse.
struct InvalidKERoundTripRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L024", name: "invalid-ke-round-trip",
        summary: "the first key share an IKEv2 initiator sends will likely be refused",
        explanation: """
            An IKEv2 initiator sends its Diffie-Hellman public value in IKE_SA_INIT for \
            one group only: the first group of its first proposal. If the responder \
            selects another group, it answers INVALID_KE_PAYLOAD naming the group it \
            wants, and the initiator starts over (RFC 7296 section 1.2 and 1.3): one \
            lost round trip on every connection and rekey, and with some peers a failed \
            first attempt.

            With both files of a pair ('ikec lint a.yaml b.yaml'), ikec pairs them (a \
            peer in each names the other gateway by address or identity) and predicts \
            the responder's choice with its proposal-order (its own order by default, \
            as strongSwan does); the finding is a warning when that choice differs from \
            the key share.

            With one file, a note: when the first group appears in no later proposal \
            while at least two later proposals share another group, a peer that accepts \
            one of those will ask for that group.

            Fix: put the group the peer prefers first, for example make the first \
            proposal's first group the one both sides list first.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let paired = Set(context.pairs.map(\.localPeer.name.value))
        for pair in context.pairs where pair.localPeer.ikeVersion == .v2 {
            if let finding = predicted(pair, context) { out.append(finding) }
        }
        for peer in context.policy.peers
        where peer.ikeVersion == .v2 && !paired.contains(peer.name.value) {
            if let finding = heuristic(peer, context) { out.append(finding) }
        }
        return out
    }

    /// Both files known: the responder's selection decides.
    private func predicted(_ pair: PolicyPair, _ context: LintContext) -> Diagnostic? {
        let offered = pair.localPeer.phase1.proposals
        guard let share = Self.keyShare(offered),
            let selection = ProposalMatching.select(
                offered: offered.coreProposals,
                responder: pair.remotePeer.phase1.proposals.coreProposals,
                order: pair.remotePeer.phase1.effectiveProposalOrder),
            let chosen = selection.proposal.dhGroups.first, chosen != share.group
        else { return nil }
        let remoteName = pair.remote.gateway.name.value
        let token = context.text(at: share.span) ?? share.group.keyword
        var notes: [DiagnosticNote] = []
        let responderProposal = pair.remotePeer.phase1.proposals.proposals[
            selection.responderIndex]
        if let place = responderProposal.transforms.first(where: {
            $0.value == .dhGroup(chosen)
        }) {
            notes.append(
                DiagnosticNote(
                    "'\(remoteName)' (\(pair.remote.source.path)) selects '\(chosen.keyword)' here",
                    at: place.span))
        }
        notes.append(
            DiagnosticNote("the responder answers INVALID_KE_PAYLOAD and the exchange restarts"))
        return finding(
            "first key share '\(token)' will be refused: '\(remoteName)' selects "
                + "'\(chosen.keyword)'",
            at: share.span, notes: notes)
    }

    /// One file: a first group that only the first proposal offers, while later
    /// proposals agree on another.
    private func heuristic(_ peer: Peer, _ context: LintContext) -> Diagnostic? {
        let proposals = peer.phase1.proposals.proposals
        guard let share = Self.keyShare(peer.phase1.proposals), proposals.count >= 3 else {
            return nil
        }
        let later = proposals.dropFirst().map(\.proposal.dhGroups)
        guard !later.contains(where: { $0.contains(share.group) }) else { return nil }
        var counts: [DHGroup: Int] = [:]
        for groups in later {
            for group in Set(groups) { counts[group, default: 0] += 1 }
        }
        guard let (common, count) = counts.max(by: { $0.value < $1.value }), count >= 2 else {
            return nil
        }
        let token = context.text(at: share.span) ?? share.group.keyword
        return finding(
            "first key share '\(token)' is offered by the first proposal only; \(count) "
                + "later proposals use '\(common.keyword)'",
            at: share.span, severity: .note,
            notes: [
                DiagnosticNote(
                    "a peer that accepts a later proposal answers INVALID_KE_PAYLOAD first")
            ])
    }

    /// The group an initiator sends its key share for, with its place.
    private static func keyShare(_ list: ProposalList) -> (group: DHGroup, span: SourceSpan)? {
        guard let first = list.proposals.first,
            let located = first.transforms.first(where: { $0.value.type == .dhGroup }),
            case .dhGroup(let group) = located.value
        else { return nil }
        return (group, located.span)
    }
}
