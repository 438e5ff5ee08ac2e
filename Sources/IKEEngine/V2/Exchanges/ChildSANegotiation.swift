import IKECore
import IKECrypto
import IKEWire

// The Child SA part shared by IKE_AUTH and CREATE_CHILD_SA (RFC 7296 sections 1.3.1 and
// 2.9): the responder matches the selectors to a configured Child SA, narrows them and
// selects a proposal; the initiator checks that what was granted is within what it asked.

/// A Child SA request as received.
struct ChildOffer {
    /// The SA payload.
    var sa: IKEv2SAPayload
    /// TSi.
    var initiatorSelectors: [TrafficSelector]
    /// TSr.
    var responderSelectors: [TrafficSelector]
    /// Whether USE_TRANSPORT_MODE was sent.
    var wantsTransport: Bool

    /// The offer in `inner`, or nil when SA, TSi or TSr is missing.
    init?(_ inner: [IKEv2Payload]) {
        var sa: IKEv2SAPayload?
        var tsi: [TrafficSelector]?
        var tsr: [TrafficSelector]?
        var transport = false
        for payload in inner {
            switch payload {
            case .securityAssociation(let value): sa = value
            case .trafficSelectorInitiator(let value): tsi = value.trafficSelectors
            case .trafficSelectorResponder(let value): tsr = value.trafficSelectors
            case .notify(let notify) where notify.type == .useTransportMode: transport = true
            default: break
            }
        }
        guard let sa, let tsi, let tsr else { return nil }
        self.sa = sa
        initiatorSelectors = tsi
        responderSelectors = tsr
        wantsTransport = transport
    }
}

/// The responder's decision on a Child SA request.
enum ChildDecision {
    /// Granted: the configuration, the choice, the narrowed selectors and the mode.
    case granted(
        configuration: ChildConfiguration, choice: ProposalChoice, local: [TrafficSelector],
        remote: [TrafficSelector], mode: IPsecMode)
    /// Refused with this notification and failure.
    case refused(IKEv2NotifyType, NegotiationFailure)
}

/// The initiator's reading of a Child SA answer.
enum ChildAnswer {
    /// The Child SA is up.
    case established(ChildSA)
    /// The responder refused it.
    case refused(NegotiationFailure)
    /// The responder granted something we cannot use; the SA exists and must be deleted.
    case unacceptable(ChildSA, NegotiationFailure)
}

extension IKEv2Session {
    /// The responder's decision on `offer`. `rekeying` restricts the match to that Child
    /// SA's configuration; `ignoringGroups` is set in IKE_AUTH.
    func decideChild(
        _ offer: ChildOffer, exchange: IKEv2ExchangeType, rekeying: ChildSA?,
        ignoringGroups: Bool
    ) -> ChildDecision {
        let candidates = configuration.children.filter {
            rekeying == nil || $0.name == rekeying?.name
        }
        let offeredProtocol = offer.sa.proposals.first?.securityProtocol
        let fallbackName = rekeying?.name ?? configuration.children.first?.name ?? "(none)"
        func phase(_ name: String) -> NegotiationFailure.Phase {
            rekeying == nil ? .childSA(name) : .childRekey(name)
        }

        guard
            let match = ChildSATask.matchConfiguration(
                candidates, protocolID: offeredProtocol,
                initiatorSelectors: offer.initiatorSelectors,
                responderSelectors: offer.responderSelectors, local: configuration.local,
                remote: configuration.remote)
        else {
            let proposed =
                "TSi \(offer.initiatorSelectors.map(\.description).joined(separator: " "))"
                + ", TSr \(offer.responderSelectors.map(\.description).joined(separator: " "))"
            return .refused(
                .tsUnacceptable,
                failure(
                    .trafficSelectorsUnacceptable, phase: phase(fallbackName), exchange: exchange,
                    notify: .tsUnacceptable, refusedBy: role,
                    reason: "no configured Child SA covers the proposed selectors (\(proposed))"))
        }

        let configured = match.configuration.proposals
        guard
            let choice = ProposalSelection.select(
                offered: offer.sa.proposals, configured: configured,
                preference: configuration.proposalPreference, ignoringGroups: ignoringGroups)
        else {
            let offered = ProposalSelection.offeredProposals(offer.sa.proposals)
            return .refused(
                .noProposalChosen,
                failure(
                    .noProposalChosen, phase: phase(match.configuration.name), exchange: exchange,
                    notify: .noProposalChosen, refusedBy: role,
                    reason: "no \(match.configuration.protocolID == .ah ? "AH" : "ESP") proposal "
                        + "offered for Child SA '\(match.configuration.name)' is acceptable",
                    proposals: NegotiationFailure.ProposalLists(
                        received: ignoringGroups
                            ? offered.map(ProposalSelection.withoutGroups) : offered,
                        configured: ignoringGroups
                            ? configured.map(ProposalSelection.withoutGroups) : configured)))
        }
        guard choice.peerSPI.count == 4 else {
            return .refused(
                .invalidSyntax,
                failure(
                    .invalidSyntax, phase: phase(match.configuration.name), exchange: exchange,
                    notify: .invalidSyntax, refusedBy: role,
                    reason: "the selected proposal carries an SPI of \(choice.peerSPI.count) octets"
                ))
        }
        let mode: IPsecMode =
            offer.wantsTransport && match.configuration.mode == .transport ? .transport : .tunnel
        return .granted(
            configuration: match.configuration, choice: choice, local: match.local,
            remote: match.remote, mode: mode)
    }

    /// The responder's payloads granting a Child SA.
    func grantPayloads(
        choice: ProposalChoice, spi: UInt32, local: [TrafficSelector],
        remote: [TrafficSelector], mode: IPsecMode
    ) -> [IKEv2Payload] {
        var payloads: [IKEv2Payload] = []
        if mode == .transport {
            payloads.append(.notify(IKEv2NotifyPayload(type: .useTransportMode)))
        }
        payloads.append(
            .securityAssociation(
                ProposalSelection.answer(choice, spi: ChildSATask.spiOctets(spi))))
        payloads.append(.trafficSelectorInitiator(IKEv2TrafficSelectorPayload(remote)))
        payloads.append(.trafficSelectorResponder(IKEv2TrafficSelectorPayload(local)))
        return payloads
    }

    /// The initiator's reading of the Child SA part of a response.
    func acceptChildAnswer(
        _ request: ChildRequest, inner: [IKEv2Payload], exchange: IKEv2ExchangeType,
        phase: NegotiationFailure.Phase, keyMaterial: IKEv2KeyMaterial,
        sharedSecret: SecretBytes?, initiatorNonce: [UInt8], responderNonce: [UInt8],
        generation: Int
    ) -> ChildAnswer {
        if let notify = Self.errorNotify(in: inner) {
            return .refused(
                failure(
                    Self.code(for: notify.type), phase: phase, exchange: exchange,
                    notify: notify.type, refusedBy: role.peer,
                    reason: "responder answered \(notify.type) for Child SA "
                        + "'\(request.configuration.name)'"))
        }
        guard let offer = ChildOffer(inner),
            let (proposal, spi) = ProposalSelection.acceptAnswer(
                offer.sa, offered: request.proposals),
            spi.count == 4
        else {
            return .refused(
                failure(
                    .invalidSyntax, phase: phase, exchange: exchange, notify: nil, refusedBy: role,
                    reason: "the Child SA answer lacks SA, TSi or TSr, or selects a proposal "
                        + "we did not offer"))
        }
        let outboundSPI = UInt32(truncatingIfNeeded: bigEndianValue(spi))
        let mode: IPsecMode = offer.wantsTransport ? .transport : .tunnel
        let child: ChildSA
        do {
            child = try ChildSATask.makeChildSA(
                configuration: request.configuration, proposal: proposal,
                inboundSPI: request.spi, outboundSPI: outboundSPI,
                localSelectors: offer.initiatorSelectors,
                remoteSelectors: offer.responderSelectors, mode: mode, keyMaterial: keyMaterial,
                sharedSecret: sharedSecret, initiatorNonce: initiatorNonce,
                responderNonce: responderNonce, exchangeRole: .initiator,
                udpEncapsulation: usesUDPEncapsulation, generation: generation)
        } catch {
            return .refused(
                failure(
                    .cryptoFailure, phase: phase, exchange: exchange, notify: nil,
                    refusedBy: role, reason: "Child SA keys could not be derived: \(error)"))
        }

        guard ChildSATask.isSubset(offer.initiatorSelectors, of: request.initiatorSelectors),
            ChildSATask.isSubset(offer.responderSelectors, of: request.responderSelectors)
        else {
            return .unacceptable(
                child,
                failure(
                    .trafficSelectorsUnacceptable, phase: phase, exchange: exchange,
                    notify: .tsUnacceptable, refusedBy: role,
                    reason: "responder granted selectors outside those proposed"))
        }
        // Section 1.3.1: a responder that will not use transport mode answers in tunnel
        // mode; a configuration that requires transport mode cannot use the result.
        if request.configuration.mode == .transport && mode == .tunnel {
            return .unacceptable(
                child,
                failure(
                    .modeMismatch, phase: phase, exchange: exchange, notify: nil, refusedBy: role,
                    reason: "transport mode was requested but the responder granted tunnel mode"))
        }
        return .established(child)
    }
}
