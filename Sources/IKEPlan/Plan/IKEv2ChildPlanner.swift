import IKECore
import IKEEngine
import IKEPolicy

// RFC 7296 sections 1.3.1 and 2.9: the responder takes a Child SA request with the first
// of its entries of the same protocol whose selectors overlap both TSi and TSr, narrows
// them, and selects a proposal. In IKE_AUTH the proposals carry no D-H group: the keys
// come from the IKE SA's exchange (section 1.2), so PFS first shows at a rekey.
// Transport mode is granted only when both ends are configured for it (section 1.3.1).

/// Plans the Child SAs of one IKEv2 direction.
enum IKEv2ChildPlanner {
    static func plan(
        _ child: ChildProfile, first: Bool, initiator: EndProfile, responder: EndProfile
    ) -> ChildPrediction {
        let exchange = first ? "IKE_AUTH" : "CREATE_CHILD_SA"
        let phase = NegotiationFailure.Phase.childSA(child.name)
        let offeredAll = child.proposals.coreProposals
        let offered = first ? withoutGroups(offeredAll) : offeredAll
        let group = first ? nil : child.firstPFSGroup

        // Which entry of the responder takes it, and the narrowed selectors.
        guard let match = SelectorMatch.find(child, initiator: initiator, responder: responder)
        else {
            let failure = selectorFailure(child, initiator, responder, exchange, phase)
            return ChildPrediction(
                name: child.name, responderName: nil, exchange: exchange,
                ipsecProtocol: child.ipsecProtocol, requestedMode: child.mode, mode: nil,
                offered: offered, configured: [], order: responder.phase1.order, selected: nil,
                keyExchangeGroup: group, invalidKERoundTrip: false,
                proposedInitiatorSelectors: child.localSelectors,
                proposedResponderSelectors: child.remoteSelectors, initiatorSelectors: [],
                responderSelectors: [], selectorsAssumed: false, lifetime: nil, rekey: nil,
                failure: failure)
        }
        let theirs = match.entry
        let configuredAll = theirs.proposals.coreProposals
        let configured = first ? withoutGroups(configuredAll) : configuredAll

        // The proposal.
        let selection = ProposalPredictor.select(
            offered: offeredAll, configured: configuredAll, order: responder.phase1.order,
            ignoringGroups: first)
        let selectedGroup = selection?.proposal.dhGroups.first
        let invalidKE = selectedGroup != nil && selectedGroup != group
        var failure: PredictedFailure?
        if selection == nil {
            failure = proposalFailure(
                child, theirs, initiator, responder, exchange: exchange, phase: phase,
                ignoringGroups: first)
        }

        // The mode: transport only when both ends want it.
        let mode: EncapsulationMode =
            child.mode == .transport && theirs.mode == .transport ? .transport : .tunnel
        if failure == nil, child.mode == .transport, mode == .tunnel {
            let location = theirs.location.child("mode", span: nil)
            failure = PredictedFailure(
                code: .modeMismatch, phase: phase, exchange: exchange, notify: nil,
                refusedBy: initiator.label, refusedByRole: .initiator,
                reason: "\(initiator.label) needs transport mode, \(responder.label) grants "
                    + "tunnel mode for '\(theirs.name)'",
                changes: [
                    SuggestedChange(
                        summary: "set 'mode: transport' in \(location)", location: location)
                ])
        }

        let lifetime = LifetimePrediction.ikev2(
            initiator: initiator, initiatorSeconds: child.lifetimeSeconds, responder: responder,
            responderSeconds: theirs.lifetimeSeconds)
        let rekey =
            failure == nil
            ? RekeyPlanner.child(
                child, theirs: theirs, initiator: initiator, responder: responder,
                lifetime: lifetime) : nil
        return ChildPrediction(
            name: child.name, responderName: theirs.name, exchange: exchange,
            ipsecProtocol: child.ipsecProtocol, requestedMode: child.mode,
            mode: failure == nil ? mode : nil, offered: offered, configured: configured,
            order: responder.phase1.order, selected: selection?.proposal,
            keyExchangeGroup: group, invalidKERoundTrip: invalidKE,
            proposedInitiatorSelectors: child.localSelectors,
            proposedResponderSelectors: child.remoteSelectors,
            initiatorSelectors: match.initiatorSide, responderSelectors: match.responderSide,
            selectorsAssumed: match.assumed, lifetime: lifetime, rekey: rekey, failure: failure)
    }

    /// The CREATE_CHILD_SA exchanges of a Child SA after the first.
    static func exchanges(for child: ChildPrediction, by initiator: String) -> [PredictedExchange] {
        let pfs = child.keyExchangeGroup.map { ", KE(\(Transform.dhGroup($0).keyword))" } ?? ""
        var exchanges = [
            PredictedExchange(
                name: "CREATE_CHILD_SA",
                purpose: "Child SA '\(child.name)': SA, nonces\(pfs), TSi, TSr"
                    + (child.invalidKERoundTrip ? "; answered INVALID_KE_PAYLOAD" : ""),
                messages: 2, initiator: initiator)
        ]
        if child.invalidKERoundTrip {
            let group = child.selected?.dhGroups.first.map { Transform.dhGroup($0).keyword } ?? ""
            exchanges.append(
                PredictedExchange(
                    name: "CREATE_CHILD_SA", purpose: "repeated with KE(\(group))", messages: 2,
                    initiator: initiator))
        }
        return exchanges
    }

    /// Proposals without D-H groups, each once (as an initiator sends them in IKE_AUTH).
    static func withoutGroups(_ proposals: [Proposal]) -> [Proposal] {
        var result: [Proposal] = []
        for var proposal in proposals {
            proposal.dhGroups = []
            if !result.contains(proposal) { result.append(proposal) }
        }
        return result
    }

    private static func proposalFailure(
        _ child: ChildProfile, _ theirs: ChildProfile, _ initiator: EndProfile,
        _ responder: EndProfile, exchange: String, phase: NegotiationFailure.Phase,
        ignoringGroups: Bool
    ) -> PredictedFailure {
        let miss = NearestMiss.find(
            offered: child.proposals.coreProposals, configured: theirs.proposals.coreProposals,
            ignoringGroups: ignoringGroups)
        let change = miss.flatMap {
            ProposalChangeAdvisor.change(
                for: $0, initiator: .init(label: initiator.label, list: child.proposals),
                responder: .init(label: responder.label, list: theirs.proposals))
        }
        let kind = child.ipsecProtocol == .ah ? "AH" : "ESP"
        return PredictedFailure(
            code: .noProposalChosen, phase: phase, exchange: exchange,
            notify: "NO_PROPOSAL_CHOSEN", refusedBy: responder.label, refusedByRole: .responder,
            reason: "no \(kind) proposal of \(initiator.label) for '\(child.name)' is acceptable "
                + "to \(responder.label)'s '\(theirs.name)'",
            nearestMiss: miss, changes: change.map { [$0] } ?? [])
    }

    /// TS_UNACCEPTABLE: no entry of the responder overlaps both sides.
    private static func selectorFailure(
        _ child: ChildProfile, _ initiator: EndProfile, _ responder: EndProfile,
        _ exchange: String, _ phase: NegotiationFailure.Phase
    ) -> PredictedFailure {
        let candidates = responder.children.filter { $0.ipsecProtocol == child.ipsecProtocol }
        let nearest = candidates.first { $0.name == child.name } ?? candidates.first
        let proposed =
            "\(PlanText.selectors(child.localSelectors)) === "
            + "\(PlanText.selectors(child.remoteSelectors))"
        guard let nearest else {
            let location = PolicyLocation(
                file: responder.file, keyPath: "\(responder.peerKeyPath).phase2", span: nil)
            return PredictedFailure(
                code: .trafficSelectorsUnacceptable, phase: phase, exchange: exchange,
                notify: "TS_UNACCEPTABLE", refusedBy: responder.label, refusedByRole: .responder,
                reason: "\(responder.label) has no \(child.ipsecProtocol.rawValue) phase 2 entry "
                    + "for \(initiator.label)'s '\(child.name)' (\(proposed))",
                changes: [
                    SuggestedChange(
                        summary: "add a phase 2 entry '\(child.name)' to \(location)",
                        location: location)
                ])
        }
        var changes: [SuggestedChange] = []
        let allowed =
            "\(PlanText.selectors(nearest.remoteSelectors)) === "
            + "\(PlanText.selectors(nearest.localSelectors))"
        if SelectorNarrowing.narrow(child.remoteSelectors, to: nearest.localSelectors).isEmpty {
            let location = nearest.localSelectorsLocation
            changes.append(
                SuggestedChange(
                    summary: "add '\(PlanText.selectors(child.remoteSelectors))' to \(location)",
                    location: location))
        }
        if SelectorNarrowing.narrow(child.localSelectors, to: nearest.remoteSelectors).isEmpty {
            let location = nearest.remoteSelectorsLocation
            changes.append(
                SuggestedChange(
                    summary: "add '\(PlanText.selectors(child.localSelectors))' to \(location)",
                    location: location))
        }
        return PredictedFailure(
            code: .trafficSelectorsUnacceptable, phase: phase, exchange: exchange,
            notify: "TS_UNACCEPTABLE", refusedBy: responder.label, refusedByRole: .responder,
            reason: "\(initiator.label) proposes \(proposed) for '\(child.name)'; "
                + "\(responder.label)'s '\(nearest.name)' allows \(allowed)",
            changes: changes)
    }
}

/// The responder's entry for a Child SA request and the narrowed selectors.
struct SelectorMatch {
    /// The responder's entry.
    let entry: ChildProfile
    /// TSi after narrowing.
    let initiatorSide: [TrafficSelector]
    /// TSr after narrowing.
    let responderSide: [TrafficSelector]
    /// Whether the selectors were taken as proposed because one side is unknown.
    let assumed: Bool

    /// The first entry of `responder` of the same protocol whose selectors overlap both
    /// sides of `child`'s request. A mirror whose peer address is unknown matches its
    /// entry of the same name, with the selectors as proposed.
    static func find(_ child: ChildProfile, initiator: EndProfile, responder: EndProfile)
        -> SelectorMatch?
    {
        let candidates = responder.children.filter { $0.ipsecProtocol == child.ipsecProtocol }
        let unknown =
            child.localSelectors.isEmpty || child.remoteSelectors.isEmpty
            || candidates.contains { $0.localSelectors.isEmpty || $0.remoteSelectors.isEmpty }
        if unknown, initiator.isMirror || responder.isMirror {
            guard let same = candidates.first(where: { $0.name == child.name }) else { return nil }
            return SelectorMatch(
                entry: same, initiatorSide: child.localSelectors,
                responderSide: child.remoteSelectors, assumed: true)
        }
        for entry in candidates {
            let responderSide = SelectorNarrowing.narrow(
                child.remoteSelectors, to: entry.localSelectors)
            let initiatorSide = SelectorNarrowing.narrow(
                child.localSelectors, to: entry.remoteSelectors)
            if !responderSide.isEmpty && !initiatorSide.isEmpty {
                return SelectorMatch(
                    entry: entry, initiatorSide: initiatorSide, responderSide: responderSide,
                    assumed: false)
            }
        }
        return nil
    }
}
