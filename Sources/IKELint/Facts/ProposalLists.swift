import IKECore
import IKEDiagnostics
import IKEPolicy

/// Every proposal list of a policy: each peer's phase 1 and each phase 2 entry's.
enum ProposalLists {
    /// Each written list once: a named set used by many peers in the same phase is judged
    /// once (its proposals, and so the findings, are the same every time).
    static func all(in policy: CheckedPolicy) -> [ProposalList] {
        var seen = Set<Key>()
        var out: [ProposalList] = []
        func add(_ list: ProposalList) {
            let key: Key
            if let name = list.setName?.value {
                key = .set(name, list.proposals.first?.protocolID)
            } else {
                key = .inline(list.span)
            }
            if seen.insert(key).inserted { out.append(list) }
        }
        for peer in policy.peers {
            add(peer.phase1.proposals)
            for entry in peer.phase2 { add(entry.proposals) }
        }
        return out
    }

    private enum Key: Hashable {
        case set(String, SecurityProtocol?)
        case inline(SourceSpan)
    }
}
