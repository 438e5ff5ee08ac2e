import IKEPolicy

/// Every proposal list of a policy: each peer's phase 1 and each phase 2 entry's.
enum ProposalLists {
    static func all(in policy: CheckedPolicy) -> [ProposalList] {
        policy.peers.flatMap { peer in
            [peer.phase1.proposals] + peer.phase2.map(\.proposals)
        }
    }
}
