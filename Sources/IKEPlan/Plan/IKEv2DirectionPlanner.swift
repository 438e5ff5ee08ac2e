import IKECore
import IKEEngine
import IKEPolicy

// RFC 7296 section 1.2: IKE_SA_INIT (with a repeat after INVALID_KE_PAYLOAD when the
// responder selects another group than the initiator's first KE payload), then IKE_AUTH
// with the first Child SA; each further Child SA takes a CREATE_CHILD_SA exchange
// (section 1.3.1). Rekeys are CREATE_CHILD_SA exchanges too (sections 1.3.2, 1.3.3).

/// Plans one IKEv2 direction.
enum IKEv2DirectionPlanner {
    static func plan(initiator: EndProfile, responder: EndProfile, keysAgree: Bool?)
        -> DirectionPlan
    {
        let offered = initiator.phase1.proposals.coreProposals
        let configured = responder.phase1.proposals.coreProposals
        let order = responder.phase1.order
        let selection = ProposalPredictor.select(
            offered: offered, configured: configured, order: order)
        let group = offered.first?.dhGroups.first
        let lifetime = LifetimePrediction.ikev2(
            initiator: initiator, initiatorSeconds: initiator.phase1.lifetimeSeconds,
            responder: responder, responderSeconds: responder.phase1.lifetimeSeconds)
        let selectedGroup = selection?.proposal.dhGroups.first
        let invalidKE = selection != nil && selectedGroup != group
        let phase1 = Phase1Prediction(
            offered: offered, configured: configured, order: order,
            selected: selection?.proposal, keyExchangeGroup: group, invalidKERoundTrip: invalidKE,
            mode: nil, lifetime: lifetime)

        // IKE_SA_INIT, and its repeat after INVALID_KE_PAYLOAD.
        let count = "\(offered.count) proposal\(offered.count == 1 ? "" : "s")"
        var exchanges = [
            PredictedExchange(
                name: "IKE_SA_INIT",
                purpose: "SA(\(count)), KE(\(keyword(group))), nonces, NAT detection"
                    + (invalidKE ? "; answered INVALID_KE_PAYLOAD(\(keyword(selectedGroup)))" : ""),
                messages: 2, initiator: initiator.label)
        ]
        guard selection != nil else {
            let failure = phase1Failure(initiator, responder, offered, configured)
            return DirectionPlan(
                initiator: initiator.label, responder: responder.label, version: .v2,
                phase1: phase1, authentication: nil, children: [], ikeRekey: nil,
                exchanges: exchanges, failure: failure)
        }
        if invalidKE {
            exchanges.append(
                PredictedExchange(
                    name: "IKE_SA_INIT",
                    purpose: "repeated with KE(\(keyword(selectedGroup)))", messages: 2,
                    initiator: initiator.label))
        }

        // IKE_AUTH: both identities and AUTH payloads, and the first Child SA.
        let authentication = AuthPlanner.predict(
            initiator: initiator, responder: responder, keysAgree: keysAgree,
            exchange: "IKE_AUTH")
        let first = initiator.children.first.map { " and Child SA '\($0.name)'" } ?? ""
        exchanges.append(
            PredictedExchange(
                name: "IKE_AUTH", purpose: "identities, authentication\(first)", messages: 2,
                initiator: initiator.label))
        if let failure = authentication.failure {
            return DirectionPlan(
                initiator: initiator.label, responder: responder.label, version: .v2,
                phase1: phase1, authentication: authentication, children: [], ikeRekey: nil,
                exchanges: exchanges, failure: failure)
        }

        // Child SAs, then the IKE SA's first rekey.
        var children: [ChildPrediction] = []
        for (index, child) in initiator.children.enumerated() {
            let prediction = IKEv2ChildPlanner.plan(
                child, first: index == 0, initiator: initiator, responder: responder)
            children.append(prediction)
            guard index > 0 else { continue }
            exchanges.append(
                contentsOf: IKEv2ChildPlanner.exchanges(for: prediction, by: initiator.label))
        }
        let rekey = RekeyPlanner.ikeSA(
            initiator: initiator, responder: responder, lifetime: lifetime)
        return DirectionPlan(
            initiator: initiator.label, responder: responder.label, version: .v2,
            phase1: phase1, authentication: authentication, children: children, ikeRekey: rekey,
            exchanges: exchanges, failure: nil)
    }

    /// NO_PROPOSAL_CHOSEN in IKE_SA_INIT, with the nearest miss and the smallest change.
    private static func phase1Failure(
        _ initiator: EndProfile, _ responder: EndProfile, _ offered: [Proposal],
        _ configured: [Proposal]
    ) -> PredictedFailure {
        let miss = NearestMiss.find(offered: offered, configured: configured)
        let change = miss.flatMap {
            ProposalChangeAdvisor.change(
                for: $0,
                initiator: .init(label: initiator.label, list: initiator.phase1.proposals),
                responder: .init(label: responder.label, list: responder.phase1.proposals))
        }
        return PredictedFailure(
            code: .noProposalChosen, phase: .ikeSA, exchange: "IKE_SA_INIT",
            notify: "NO_PROPOSAL_CHOSEN", refusedBy: responder.label, refusedByRole: .responder,
            reason: "no IKE proposal of \(initiator.label) is acceptable to \(responder.label)",
            nearestMiss: miss, changes: change.map { [$0] } ?? [])
    }

    /// A group's keyword, or `none`.
    static func keyword(_ group: DHGroup?) -> String {
        group.map { Transform.dhGroup($0).keyword } ?? "none"
    }
}
