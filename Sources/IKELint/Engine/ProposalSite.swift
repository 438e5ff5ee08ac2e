import IKECore
import IKEDiagnostics
import IKEPolicy

/// One proposal where a peer uses it: phase 1, or a phase 2 entry; with its position in
/// the list and the IKE version that types it. A struct of two references and a few
/// integers: building a policy's thousands of sites allocates nothing per site, and a copy
/// is two retains.
struct ProposalSite: Sendable {
    /// The peer.
    let peer: Peer
    /// The peer's position in the policy.
    let peerIndex: Int
    /// The phase 2 entry's index, or nil for phase 1.
    private let entryIndex: Int?

    /// The phase 2 entry, or nil for phase 1.
    var entry: Phase2Entry? { entryIndex.map { peer.phase2[$0] } }
    /// Whether the site is in phase 2.
    var isPhase2: Bool { entryIndex != nil }
    /// The proposal.
    let proposal: PolicyProposal
    /// Its position in the list (0 first).
    let index: Int
    /// IKE, ESP or AH.
    let use: AlgorithmUse

    private init(
        peer: Peer, peerIndex: Int, entryIndex: Int?, proposal: PolicyProposal, index: Int,
        use: AlgorithmUse
    ) {
        self.peer = peer
        self.peerIndex = peerIndex
        self.entryIndex = entryIndex
        self.proposal = proposal
        self.index = index
        self.use = use
    }

    /// Every site of a policy: each peer's phase 1 proposals, then each phase 2 entry's.
    static func all(in policy: CheckedPolicy) -> [ProposalSite] {
        var sites: [ProposalSite] = []
        // A guess (a peer has a few proposals in all) that saves most regrowing.
        sites.reserveCapacity(policy.peers.count * 4)
        for (peerIndex, peer) in policy.peers.enumerated() {
            for (index, proposal) in peer.phase1.proposals.proposals.enumerated() {
                sites.append(
                    ProposalSite(
                        peer: peer, peerIndex: peerIndex, entryIndex: nil, proposal: proposal,
                        index: index, use: .ike))
            }
            for (entryIndex, entry) in peer.phase2.enumerated() {
                let use: AlgorithmUse = entry.effectiveProtocol == .ah ? .ah : .esp
                for (index, proposal) in entry.proposals.proposals.enumerated() {
                    sites.append(
                        ProposalSite(
                            peer: peer, peerIndex: peerIndex, entryIndex: entryIndex,
                            proposal: proposal, index: index, use: use))
                }
            }
        }
        return sites
    }

    /// The transforms written in `proposal`, without the PRFs implied by an integrity
    /// keyword (those share the keyword's span and are judged with it).
    static func writtenTransforms(_ proposal: PolicyProposal) -> [Located<Transform>] {
        // Most proposals name no integrity algorithm (AEAD) or an explicit PRF.
        let transforms = proposal.transforms
        guard transforms.contains(where: { $0.value.type == .integrity }),
            transforms.contains(where: { $0.value.type == .prf })
        else { return transforms }
        let integritySpans = proposal.transforms.filter { $0.value.type == .integrity }
            .map(\.span)
        guard !integritySpans.isEmpty else { return proposal.transforms }
        return proposal.transforms.filter { transform in
            !(transform.value.type == .prf && integritySpans.contains(transform.span))
        }
    }

    /// A written proposal and what it is used for.
    struct Place: Hashable {
        let span: SourceSpan
        let use: AlgorithmUse

        /// Hashes the start and the use (a use's raw value is a string, its ordinal is
        /// enough); `==` compares the whole span.
        func hash(into hasher: inout Hasher) {
            hasher.combine(span.start.line &* 4096 &+ span.start.column)
            hasher.combine(use.ordinal)
        }
    }

    /// This site's proposal and use.
    var place: Place { Place(span: proposal.span, use: use) }

    /// "phase 1" or "phase 2 entry 'lan'".
    var placeName: String {
        guard let entry else { return "phase 1" }
        return "phase 2 entry '\(entry.name.value)'"
    }
}
