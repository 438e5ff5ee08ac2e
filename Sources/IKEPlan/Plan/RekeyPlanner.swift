import IKECore
import IKEEngine
import IKEPolicy

// RFC 7296 sections 1.3.2 and 1.3.3: a rekey is a CREATE_CHILD_SA exchange started by
// either end. A Child SA rekey carries the rekeying end's proposals with their D-H groups
// and a KE payload for the first proposal's first group when PFS is configured: a PFS
// group the other end does not accept, invisible in IKE_AUTH, fails here. An IKE SA
// rekey always carries a KE payload.

/// Plans first rekeys (IKEv2).
enum RekeyPlanner {
    /// The first rekey of the Child SA made from `child` (the initiator's entry) and
    /// `theirs` (the responder's), by the end whose lifetime runs out first.
    static func child(
        _ child: ChildProfile, theirs: ChildProfile, initiator: EndProfile,
        responder: EndProfile, lifetime: LifetimePrediction
    ) -> RekeyPrediction {
        let byInitiator = lifetime.rekeyByRole == .initiator
        let (rekeyer, other) = byInitiator ? (initiator, responder) : (responder, initiator)
        let (ours, peers) = byInitiator ? (child, theirs) : (theirs, child)
        let offered = ours.proposals.coreProposals
        let configured = peers.proposals.coreProposals
        let selection = ProposalPredictor.select(
            offered: offered, configured: configured, order: other.phase1.order)
        let group = ours.firstPFSGroup
        let selectedGroup = selection?.proposal.dhGroups.first

        var failure: PredictedFailure?
        if selection == nil {
            let miss = NearestMiss.find(offered: offered, configured: configured)
            let change = miss.flatMap {
                ProposalChangeAdvisor.change(
                    for: $0, initiator: .init(label: rekeyer.label, list: ours.proposals),
                    responder: .init(label: other.label, list: peers.proposals))
            }
            let pfsOnly = miss.map { $0.differences.map(\.type) == [.dhGroup] } ?? false
            failure = PredictedFailure(
                code: .noProposalChosen, phase: .childRekey(child.name),
                exchange: "CREATE_CHILD_SA", notify: "NO_PROPOSAL_CHOSEN", refusedBy: other.label,
                refusedByRole: byInitiator ? .responder : .initiator,
                reason: pfsOnly
                    ? "the PFS groups do not agree; IKE_AUTH carries no PFS group, so this "
                        + "shows only at the first rekey"
                    : "no proposal of \(rekeyer.label) for rekeying '\(ours.name)' is "
                        + "acceptable to \(other.label)",
                nearestMiss: miss, changes: change.map { [$0] } ?? [])
        }
        return RekeyPrediction(
            subject: .child(child.name), by: rekeyer.label, byRole: lifetime.rekeyByRole,
            entryName: ours.name, at: lifetime.rekeyAt, exchange: "CREATE_CHILD_SA",
            offered: offered, configured: configured, order: other.phase1.order,
            selected: selection?.proposal, keyExchangeGroup: group,
            invalidKERoundTrip: selectedGroup != nil && selectedGroup != group, failure: failure)
    }

    /// The IKE SA's first rekey, by the end whose IKE lifetime runs out first.
    static func ikeSA(initiator: EndProfile, responder: EndProfile, lifetime: LifetimePrediction)
        -> RekeyPrediction
    {
        let byInitiator = lifetime.rekeyByRole == .initiator
        let (rekeyer, other) = byInitiator ? (initiator, responder) : (responder, initiator)
        let offered = rekeyer.phase1.proposals.coreProposals
        let configured = other.phase1.proposals.coreProposals
        let selection = ProposalPredictor.select(
            offered: offered, configured: configured, order: other.phase1.order)
        let group = offered.first?.dhGroups.first
        let selectedGroup = selection?.proposal.dhGroups.first

        var failure: PredictedFailure?
        if selection == nil {
            let miss = NearestMiss.find(offered: offered, configured: configured)
            let change = miss.flatMap {
                ProposalChangeAdvisor.change(
                    for: $0, initiator: .init(label: rekeyer.label, list: rekeyer.phase1.proposals),
                    responder: .init(label: other.label, list: other.phase1.proposals))
            }
            failure = PredictedFailure(
                code: .noProposalChosen, phase: .ikeRekey, exchange: "CREATE_CHILD_SA",
                notify: "NO_PROPOSAL_CHOSEN", refusedBy: other.label,
                refusedByRole: byInitiator ? .responder : .initiator,
                reason: "no IKE proposal of \(rekeyer.label) is acceptable to \(other.label) "
                    + "when \(rekeyer.label) rekeys",
                nearestMiss: miss, changes: change.map { [$0] } ?? [])
        }
        return RekeyPrediction(
            subject: .ikeSA, by: rekeyer.label, byRole: lifetime.rekeyByRole, entryName: nil,
            at: lifetime.rekeyAt, exchange: "CREATE_CHILD_SA", offered: offered,
            configured: configured, order: other.phase1.order, selected: selection?.proposal,
            keyExchangeGroup: group,
            invalidKERoundTrip: selection != nil && selectedGroup != group, failure: failure)
    }
}
