import IKECore
import IKEDiagnostics
import IKEPolicy

/// Every proposal list of a policy: each peer's phase 1 and each phase 2 entry's.
enum ProposalLists {
    /// Each written list once: a named set used by many peers in the same phase is judged
    /// once (its proposals, and so the findings, are the same every time).
    static func all(in policy: CheckedPolicy) -> [ProposalList] {
        // Named uses are few and compared in a list; inline lists are told apart by place.
        var sets: [(String, SecurityProtocol?)] = []
        var places = Set<Place>()
        var out: [ProposalList] = []
        func add(_ list: ProposalList) {
            if let name = list.setName?.value {
                let key = (name, list.proposals.first?.protocolID)
                guard !sets.contains(where: { $0 == key }) else { return }
                sets.append(key)
            } else {
                guard places.insert(Place(span: list.span)).inserted else { return }
            }
            out.append(list)
        }
        for peer in policy.peers {
            add(peer.phase1.proposals)
            for entry in peer.phase2 { add(entry.proposals) }
        }
        return out
    }

    /// A list's place, hashed by where it starts (`==` compares the whole span).
    private struct Place: Hashable {
        let span: SourceSpan

        func hash(into hasher: inout Hasher) {
            hasher.combine(span.start.line &* 4096 &+ span.start.column)
        }
    }
}
