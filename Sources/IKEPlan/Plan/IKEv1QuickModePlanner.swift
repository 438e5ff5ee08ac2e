import IKECore
import IKEEngine
import IKEPolicy

// RFC 2409 section 5.5 and RFC 2407 section 4.6.2: quick mode carries one identity per
// side (the client IDs); the responder needs an entry whose selectors contain them and
// a transform equal to one of its own (cipher, integrity, PFS group, ESN, and the
// encapsulation mode). With PFS the one KE payload is sent before a transform is chosen,
// so only transforms of the first transform's group can be accepted (IKEv1 has no
// INVALID_KE_PAYLOAD to recover with). ikec plans the first selector of each side: IKEv1
// has no way to carry more in one quick mode.

/// Plans IKEv1 quick modes.
enum IKEv1QuickModePlanner {
    static func plan(_ child: ChildProfile, initiator: EndProfile, responder: EndProfile)
        -> ChildPrediction
    {
        let phase = NegotiationFailure.Phase.childSA(child.name)
        let protocolID = child.ipsecProtocol.securityProtocol
        let written = child.proposals.proposals.flatMap(\.ikev1Phase2)
        let group = written.first?.pfsGroup
        let offered = written.filter { $0.pfsGroup == group }
        let local = Array(child.localSelectors.prefix(1))
        let remote = Array(child.remoteSelectors.prefix(1))
        let assumed = initiator.isMirror || responder.isMirror
        func prediction(
            responderName: String?, configured: [Proposal], selected: Proposal?,
            lifetime: LifetimePrediction?, rekey: RekeyPrediction?, failure: PredictedFailure?
        ) -> ChildPrediction {
            ChildPrediction(
                name: child.name, responderName: responderName, exchange: "Quick Mode",
                ipsecProtocol: child.ipsecProtocol, requestedMode: child.mode,
                mode: failure == nil ? child.mode : nil,
                offered: offered.map { IKEv1Transforms.proposal($0, protocolID: protocolID) },
                configured: configured, order: responder.phase1.order, selected: selected,
                keyExchangeGroup: group, invalidKERoundTrip: false,
                proposedInitiatorSelectors: local, proposedResponderSelectors: remote,
                initiatorSelectors: failure == nil ? local : [],
                responderSelectors: failure == nil ? remote : [], selectorsAssumed: assumed,
                lifetime: lifetime, rekey: rekey, failure: failure)
        }

        // The responder's entry: its selectors must contain both identities.
        let entry = responder.children.first { theirs in
            guard theirs.ipsecProtocol == child.ipsecProtocol else { return false }
            if assumed { return theirs.name == child.name }
            return local.allSatisfy {
                SelectorNarrowing.isContained($0, in: theirs.remoteSelectors)
            }
                && remote.allSatisfy {
                    SelectorNarrowing.isContained($0, in: theirs.localSelectors)
                }
        }
        guard let theirs = entry else {
            let failure = PredictedFailure(
                code: .trafficSelectorsUnacceptable, phase: phase, exchange: "Quick Mode",
                notify: "INVALID-ID-INFORMATION", refusedBy: responder.label,
                refusedByRole: .responder,
                reason: "no phase 2 entry of \(responder.label) contains "
                    + "\(PlanText.selectors(local)) === \(PlanText.selectors(remote)) "
                    + "(IKEv1 does not narrow)")
            return prediction(
                responderName: nil, configured: [], selected: nil, lifetime: nil, rekey: nil,
                failure: failure)
        }

        // The transform, with the lifetime judged by the responder's policy.
        let configured = theirs.proposals.proposals.flatMap(\.ikev1Phase2)
        let judgement = IKEv1LifetimeJudgement(
            proposed: child.lifetimeSeconds, proposedKilobytes: Self.kilobytes(child.lifetimeBytes),
            own: theirs.lifetimeSeconds, ownKilobytes: Self.kilobytes(theirs.lifetimeBytes),
            check: responder.phase1.lifetimeCheck)
        let chosen =
            judgement.negotiated != nil && child.mode == theirs.mode
            ? IKEv1Transforms.select(
                offered: offered, configured: configured, order: responder.phase1.order) : nil
        let negotiated = judgement.negotiated ?? child.lifetimeSeconds
        let lifetime = LifetimePrediction(
            initiatorSeconds: child.lifetimeSeconds, responderSeconds: theirs.lifetimeSeconds,
            negotiatedSeconds: judgement.negotiated, responderLifetimeNotify: judgement.notify,
            rekeyBy: initiator.label, rekeyByRole: .initiator,
            rekeyAt: negotiated - negotiated / 10,
            expiresAt: negotiated)
        let configuredProposals = configured.map {
            IKEv1Transforms.proposal($0, protocolID: protocolID)
        }
        guard let chosen else {
            let reason: String
            var change = ProposalChangeAdvisor.wholeProposal(
                initiator: .init(label: initiator.label, list: child.proposals),
                responder: .init(label: responder.label, list: theirs.proposals))
            if child.mode != theirs.mode {
                reason =
                    "\(initiator.label) proposes \(child.mode.rawValue) mode, "
                    + "\(responder.label)'s '\(theirs.name)' uses \(theirs.mode.rawValue) mode"
            } else if judgement.negotiated == nil {
                reason =
                    "\(initiator.label) proposes a lifetime of "
                    + "\(PlanText.duration(child.lifetimeSeconds)), longer than "
                    + "\(responder.label)'s \(PlanText.duration(theirs.lifetimeSeconds)), and "
                    + "\(responder.label) rejects longer lifetimes"
            } else if offered.count < written.count,
                let usable = IKEv1Transforms.select(
                    offered: written, configured: configured, order: responder.phase1.order)
            {
                let location = child.proposals.location
                change = SuggestedChange(
                    summary: "use one PFS group ('\(PlanText.group(usable.pfsGroup))', which "
                        + "\(responder.label) accepts) in every proposal of \(location)",
                    location: location)
                reason =
                    "\(responder.label) would accept a transform of another PFS group, but "
                    + "\(initiator.label)'s KE payload is for \(PlanText.group(group)), its first "
                    + "transform's group: every transform of an IKEv1 quick mode needs the same "
                    + "PFS group"
            } else {
                reason =
                    "no IPsec transform of \(initiator.label) for '\(child.name)' is "
                    + "acceptable to \(responder.label)'s '\(theirs.name)'"
            }
            let miss = NearestMiss.find(
                offered: offered.map { IKEv1Transforms.proposal($0, protocolID: protocolID) },
                configured: configuredProposals)
            let failure = PredictedFailure(
                code: .noProposalChosen, phase: phase, exchange: "Quick Mode",
                notify: "NO-PROPOSAL-CHOSEN", refusedBy: responder.label,
                refusedByRole: .responder, reason: reason, nearestMiss: miss,
                changes: change.map { [$0] } ?? [])
            return prediction(
                responderName: theirs.name, configured: configuredProposals, selected: nil,
                lifetime: lifetime, rekey: nil, failure: failure)
        }

        // The rekey is a new quick mode with the same transforms, started by the
        // original initiator when the negotiated lifetime runs out.
        let selected = IKEv1Transforms.proposal(chosen, protocolID: protocolID)
        let rekey = RekeyPrediction(
            subject: .child(child.name), by: initiator.label, byRole: .initiator,
            entryName: child.name, at: negotiated, exchange: "Quick Mode",
            offered: offered.map { IKEv1Transforms.proposal($0, protocolID: protocolID) },
            configured: configuredProposals, order: responder.phase1.order, selected: selected,
            keyExchangeGroup: group, invalidKERoundTrip: false, failure: nil)
        return prediction(
            responderName: theirs.name, configured: configuredProposals, selected: selected,
            lifetime: lifetime, rekey: rekey, failure: nil)
    }

    /// Octets as IKEv1's kilobytes (1024 octets, rounded up).
    static func kilobytes(_ bytes: UInt64?) -> UInt64? {
        bytes.map { $0 / 1024 + ($0 % 1024 == 0 ? 0 : 1) }
    }
}
