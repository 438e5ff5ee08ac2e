import IKECore
import IKEEngine
import IKEPolicy

// RFC 2409 section 5: main mode takes six messages (SA, then KE and nonces, then the
// encrypted identities and authentication), aggressive mode three, with the identities
// and one KE payload in the first two, so its transforms must share one group. The
// authentication method and the lifetime are attributes of each transform, so a method
// mismatch or a refused lifetime is NO-PROPOSAL-CHOSEN. Section 5.5: each phase 2 entry
// takes a quick mode (three messages) whose identities must lie inside the responder's
// selectors (no narrowing), with PFS from the start when configured.

/// Plans one IKEv1 direction.
enum IKEv1DirectionPlanner {
    static func plan(initiator: EndProfile, responder: EndProfile, keysAgree: Bool?)
        -> DirectionPlan
    {
        let mode = initiator.phase1.mode
        let exchange = mode == .main ? "Main Mode" : "Aggressive Mode"
        var offered = initiator.phase1.proposals.proposals.flatMap(\.ikev1Phase1)
        if mode == .aggressive, let group = offered.first?.group {
            offered = offered.filter { $0.group == group }
        }
        let configured = responder.phase1.proposals.proposals.flatMap(\.ikev1Phase1)
        let order = responder.phase1.order
        let judgement = IKEv1LifetimeJudgement(
            proposed: initiator.phase1.lifetimeSeconds,
            proposedKilobytes: initiator.phase1.lifetimeKilobytes,
            own: responder.phase1.lifetimeSeconds,
            ownKilobytes: responder.phase1.lifetimeKilobytes,
            check: responder.phase1.lifetimeCheck)
        let methodsAgree = AuthKind.ikev1Agree(initiator.auth.local, responder.auth.remote)
        let modesAgree = mode == responder.phase1.mode
        let chosen =
            judgement.negotiated != nil && methodsAgree && modesAgree
            ? IKEv1Transforms.select(offered: offered, configured: configured, order: order)
            : nil
        let negotiated = judgement.negotiated ?? initiator.phase1.lifetimeSeconds
        let lifetime = LifetimePrediction(
            initiatorSeconds: initiator.phase1.lifetimeSeconds,
            responderSeconds: responder.phase1.lifetimeSeconds,
            negotiatedSeconds: judgement.negotiated, responderLifetimeNotify: judgement.notify,
            rekeyBy: initiator.label, rekeyByRole: .initiator,
            rekeyAt: negotiated - negotiated / 10,
            expiresAt: negotiated)
        let phase1 = Phase1Prediction(
            offered: offered.map(IKEv1Transforms.proposal),
            configured: configured.map(IKEv1Transforms.proposal), order: order,
            selected: chosen.map(IKEv1Transforms.proposal),
            keyExchangeGroup: mode == .aggressive ? offered.first?.group : nil,
            invalidKERoundTrip: false, mode: mode, lifetime: lifetime)
        var exchanges = [
            PredictedExchange(
                name: exchange,
                purpose: mode == .main
                    ? "SA, KE and nonces, then encrypted identities and authentication"
                        + (judgement.notify ? "; RESPONDER-LIFETIME" : "")
                    : "SA, KE, nonce and identities, then authentication"
                        + (judgement.notify ? "; RESPONDER-LIFETIME" : ""),
                messages: mode == .main ? 6 : 3, initiator: initiator.label)
        ]

        guard chosen != nil else {
            let failure = phase1Failure(
                initiator, responder, exchange: exchange, judgement: judgement,
                methodsAgree: methodsAgree, modesAgree: modesAgree)
            return DirectionPlan(
                initiator: initiator.label, responder: responder.label, version: .v1,
                phase1: phase1, authentication: nil, children: [], ikeRekey: nil,
                exchanges: exchanges, failure: failure)
        }
        let authentication = AuthPlanner.predict(
            initiator: initiator, responder: responder, keysAgree: keysAgree, exchange: exchange,
            keyFirst: mode == .main)
        if let failure = authentication.failure {
            return DirectionPlan(
                initiator: initiator.label, responder: responder.label, version: .v1,
                phase1: phase1, authentication: authentication, children: [], ikeRekey: nil,
                exchanges: exchanges, failure: failure)
        }

        let children = initiator.children.map {
            IKEv1QuickModePlanner.plan($0, initiator: initiator, responder: responder)
        }
        for child in children {
            exchanges.append(
                PredictedExchange(
                    name: "Quick Mode",
                    purpose: "IPsec SA '\(child.name)': SA, nonces"
                        + (child.keyExchangeGroup.map { ", KE(\(Transform.dhGroup($0).keyword))" }
                            ?? "")
                        + ", identities"
                        + (child.lifetime?.responderLifetimeNotify == true
                            ? "; RESPONDER-LIFETIME" : ""),
                    messages: 3, initiator: initiator.label))
        }
        return DirectionPlan(
            initiator: initiator.label, responder: responder.label, version: .v1,
            phase1: phase1, authentication: authentication, children: children, ikeRekey: nil,
            exchanges: exchanges, failure: nil)
    }

    private static func phase1Failure(
        _ initiator: EndProfile, _ responder: EndProfile, exchange: String,
        judgement: IKEv1LifetimeJudgement, methodsAgree: Bool, modesAgree: Bool
    ) -> PredictedFailure {
        if !modesAgree {
            let location = responder.phase1.location.child("mode", span: nil)
            // A responder not configured for the initiator's exchange drops its first
            // message; no answer comes back.
            return PredictedFailure(
                code: .noResponse, phase: .ikeSA, exchange: exchange, notify: nil,
                refusedBy: responder.label, refusedByRole: .responder,
                reason: "\(initiator.label) uses \(initiator.phase1.mode.rawValue) mode, "
                    + "\(responder.label) \(responder.phase1.mode.rawValue) mode; the responder "
                    + "drops the first message and the initiator gets no answer",
                changes: [
                    SuggestedChange(
                        summary: "set 'mode: \(initiator.phase1.mode.rawValue)' in \(location)",
                        location: location)
                ])
        }
        if !methodsAgree {
            let location = responder.auth.location
            return PredictedFailure(
                code: .noProposalChosen, phase: .ikeSA, exchange: exchange,
                notify: "NO-PROPOSAL-CHOSEN", refusedBy: responder.label,
                refusedByRole: .responder,
                reason: "wrong auth method: IKEv1 negotiates it in the proposal; "
                    + "\(initiator.label) proposes '\(initiator.auth.local)', "
                    + "\(responder.label) accepts '\(responder.auth.remote)'",
                changes: [
                    SuggestedChange(
                        summary: "set 'method: \(initiator.auth.local)' in \(location)",
                        location: location)
                ])
        }
        if judgement.negotiated == nil {
            let location = responder.phase1.location.child("lifetime-check", span: nil)
            return PredictedFailure(
                code: .noProposalChosen, phase: .ikeSA, exchange: exchange,
                notify: "NO-PROPOSAL-CHOSEN", refusedBy: responder.label,
                refusedByRole: .responder,
                reason: "\(initiator.label) proposes a lifetime of "
                    + "\(PlanText.duration(initiator.phase1.lifetimeSeconds)), longer than "
                    + "\(responder.label)'s "
                    + "\(PlanText.duration(responder.phase1.lifetimeSeconds)), "
                    + "and \(responder.label) rejects longer lifetimes",
                changes: [
                    SuggestedChange(
                        summary: "set 'lifetime-check: notify' in \(location)", location: location)
                ])
        }
        let miss = NearestMiss.find(
            offered: initiator.phase1.proposals.proposals.flatMap(\.ikev1Phase1).map(
                IKEv1Transforms.proposal),
            configured: responder.phase1.proposals.proposals.flatMap(\.ikev1Phase1).map(
                IKEv1Transforms.proposal))
        let change = ProposalChangeAdvisor.wholeProposal(
            initiator: .init(label: initiator.label, list: initiator.phase1.proposals),
            responder: .init(label: responder.label, list: responder.phase1.proposals))
        return PredictedFailure(
            code: .noProposalChosen, phase: .ikeSA, exchange: exchange,
            notify: "NO-PROPOSAL-CHOSEN", refusedBy: responder.label, refusedByRole: .responder,
            reason: "no ISAKMP transform of \(initiator.label) is acceptable to "
                + "\(responder.label)",
            nearestMiss: miss, changes: change.map { [$0] } ?? [])
    }
}
