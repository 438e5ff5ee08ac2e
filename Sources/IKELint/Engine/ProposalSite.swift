import IKECore
import IKEDiagnostics
import IKEPolicy

/// One proposal where a peer uses it: phase 1, or a phase 2 entry; with its position in
/// the list and the IKE version that types it. A class: rules iterate the sites many times,
/// and copying the peer with each would dominate the lint's cost.
final class ProposalSite: Sendable {
    /// The peer, shared by all its sites.
    private let owner: PeerRecord
    /// The phase 2 entry's index, or nil for phase 1.
    private let entryIndex: Int?

    /// The peer.
    var peer: Peer { owner.peer }
    /// The phase 2 entry, or nil for phase 1.
    var entry: Phase2Entry? { entryIndex.map { owner.peer.phase2[$0] } }
    /// Whether the site is in phase 2.
    var isPhase2: Bool { entryIndex != nil }
    /// The proposal.
    let proposal: PolicyProposal
    /// Its position in the list (0 first).
    let index: Int
    /// IKE, ESP or AH.
    let use: AlgorithmUse

    private init(
        owner: PeerRecord, entryIndex: Int?, proposal: PolicyProposal, index: Int,
        use: AlgorithmUse
    ) {
        self.owner = owner
        self.entryIndex = entryIndex
        self.proposal = proposal
        self.index = index
        self.use = use
        self.writtenTransforms = Self.written(proposal)
    }

    /// Every site of a policy: each peer's phase 1 proposals, then each phase 2 entry's.
    static func all(in policy: CheckedPolicy) -> [ProposalSite] {
        var sites: [ProposalSite] = []
        for peer in policy.peers {
            let owner = PeerRecord(peer)
            for (index, proposal) in peer.phase1.proposals.proposals.enumerated() {
                sites.append(
                    ProposalSite(
                        owner: owner, entryIndex: nil, proposal: proposal, index: index,
                        use: .ike))
            }
            for (entryIndex, entry) in peer.phase2.enumerated() {
                let use: AlgorithmUse = entry.effectiveProtocol == .ah ? .ah : .esp
                for (index, proposal) in entry.proposals.proposals.enumerated() {
                    sites.append(
                        ProposalSite(
                            owner: owner, entryIndex: entryIndex, proposal: proposal,
                            index: index, use: use))
                }
            }
        }
        return sites
    }

    /// The transforms written in the proposal, without the PRFs implied by an integrity
    /// keyword (those share the keyword's span and are judged with it).
    let writtenTransforms: [Located<Transform>]

    private static func written(_ proposal: PolicyProposal) -> [Located<Transform>] {
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
    }

    /// This site's proposal and use.
    var place: Place { Place(span: proposal.span, use: use) }

    /// "phase 1" or "phase 2 entry 'lan'".
    var placeName: String {
        guard let entry else { return "phase 1" }
        return "phase 2 entry '\(entry.name.value)'"
    }
}

/// A peer held once by reference for all of its proposal sites.
private final class PeerRecord: Sendable {
    let peer: Peer

    init(_ peer: Peer) { self.peer = peer }
}
