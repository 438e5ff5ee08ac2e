import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 1.3: the responder of CREATE_CHILD_SA selects a proposal, and when it
// includes a D-H group (PFS) the KE payload must be for that group, else it answers
// INVALID_KE_PAYLOAD naming the group (section 1.3) and keeps no state; no acceptable
// proposal is NO_PROPOSAL_CHOSEN. An SA payload for protocol IKE rekeys the IKE SA
// (section 1.3.2); REKEY_SA names the Child SA being replaced (section 1.3.3).

extension IKEv2Session {
    /// Answers a CREATE_CHILD_SA request.
    func respondCreateChild(_ inner: [IKEv2Payload], messageID: UInt32, est: inout Established)
        -> [SessionAction]
    {
        func answer(_ payloads: [IKEv2Payload]) -> SessionAction {
            respond(
                on: false, messageID: messageID, exchange: .createChildSA, inner: payloads,
                est: &est)
        }
        var saPayload: IKEv2SAPayload?
        var nonce: [UInt8]?
        var peerKE: IKEv2KeyExchangePayload?
        var rekeySPI: [UInt8]?
        for payload in inner {
            switch payload {
            case .securityAssociation(let sa): saPayload = sa
            case .nonce(let value): nonce = value.data
            case .keyExchange(let ke): peerKE = ke
            case .notify(let notify) where notify.type == .rekeySA: rekeySPI = notify.spi
            default: break
            }
        }
        guard let saPayload, let nonce, NonceAndKeyExchange.isAcceptableNonce(nonce) else {
            return [answer([.notify(IKEv2NotifyPayload(type: .invalidSyntax))])]
        }
        if saPayload.proposals.first?.securityProtocol == .ike {
            return respondIKERekey(
                saPayload, peerNonce: nonce, peerKE: peerKE, messageID: messageID, est: &est)
        }

        // Which Child SA a rekey replaces: REKEY_SA carries the peer's inbound SPI.
        var rekeying: ChildSA?
        if let rekeySPI {
            let spi = UInt32(truncatingIfNeeded: bigEndianValue(rekeySPI))
            guard rekeySPI.count == 4,
                let old = est.children.first(where: { $0.outboundSPI == spi })
            else {
                let refusal = failure(
                    .childSANotFound, phase: .childRekey("?"), exchange: .createChildSA,
                    notify: .childSANotFound, refusedBy: role,
                    reason: "peer asked to rekey a Child SA we do not have")
                return [
                    answer([.notify(IKEv2NotifyPayload(type: .childSANotFound))]),
                    .failed(refusal),
                ]
            }
            rekeying = old
        }
        guard let offer = ChildOffer(inner) else {
            return [answer([.notify(IKEv2NotifyPayload(type: .invalidSyntax))])]
        }

        switch decideChild(
            offer, exchange: .createChildSA, rekeying: rekeying, ignoringGroups: false)
        {
        case .refused(let notify, let refusal):
            return [answer([.notify(IKEv2NotifyPayload(type: notify))]), .failed(refusal)]
        case .granted(let child, let choice, let local, let remote, let mode):
            // PFS: the KE payload must be for the selected group.
            var keyPair: DHKeyPair?
            var secret: SecretBytes?
            if let group = choice.proposal.dhGroups.first {
                guard let peerKE, peerKE.groupNumber == group.rawValue else {
                    return [
                        answer([.notify(.invalidKEPayload(acceptedGroupNumber: group.rawValue))])
                    ]
                }
                guard let pair = try? NonceAndKeyExchange.keyPair(group, random: random),
                    let shared = NonceAndKeyExchange.sharedSecret(pair, peer: peerKE)
                else {
                    let phase: NegotiationFailure.Phase =
                        rekeying == nil ? .childSA(child.name) : .childRekey(child.name)
                    return [
                        answer([.notify(IKEv2NotifyPayload(type: .invalidSyntax))]),
                        .failed(
                            failure(
                                .invalidKeyExchange, phase: phase, exchange: .createChildSA,
                                notify: .invalidSyntax, refusedBy: role,
                                reason: "peer's KE payload is not a valid \(group) value")),
                    ]
                }
                keyPair = pair
                secret = shared
            }

            let ourNonce = random.bytes(NonceAndKeyExchange.nonceLength(configuration.ikev2))
            let spi = ChildSATask.newSPI(random)
            let installed: ChildSA
            do {
                installed = try ChildSATask.makeChildSA(
                    configuration: child, proposal: choice.proposal, inboundSPI: spi,
                    outboundSPI: UInt32(truncatingIfNeeded: bigEndianValue(choice.peerSPI)),
                    localSelectors: local, remoteSelectors: remote, mode: mode,
                    keyMaterial: est.sa.keyMaterial, sharedSecret: secret, initiatorNonce: nonce,
                    responderNonce: ourNonce, exchangeRole: .responder,
                    udpEncapsulation: usesUDPEncapsulation,
                    generation: rekeying.map { $0.generation + 1 } ?? 0)
            } catch {
                return [
                    answer([.notify(IKEv2NotifyPayload(type: .noProposalChosen))]),
                    .failed(cryptoFailure(error, exchange: .createChildSA)),
                ]
            }

            var response: [IKEv2Payload] = []
            for payload in grantPayloads(
                choice: choice, spi: spi, local: local, remote: remote, mode: mode)
            {
                response.append(payload)
                if case .securityAssociation = payload {
                    response.append(.nonce(IKEv2NoncePayload(data: ourNonce)))
                    if let keyPair { response.append(NonceAndKeyExchange.payload(keyPair)) }
                }
            }
            let send = answer(response)
            if let old = rekeying {
                est.children.removeAll { $0.inboundSPI == old.inboundSPI }
                est.children.append(installed)
                est.replacedChildren.append(old)
                return [send, .childSARekeyed(old: old, new: installed)]
            }
            est.children.append(installed)
            return [send, .childSAEstablished(installed)]
        }
    }

    /// Answers a request to rekey the IKE SA.
    private func respondIKERekey(
        _ saPayload: IKEv2SAPayload, peerNonce: [UInt8], peerKE: IKEv2KeyExchangePayload?,
        messageID: UInt32, est: inout Established
    ) -> [SessionAction] {
        func answer(_ payloads: [IKEv2Payload]) -> SessionAction {
            respond(
                on: false, messageID: messageID, exchange: .createChildSA, inner: payloads,
                est: &est)
        }
        guard
            let choice = ProposalSelection.select(
                offered: saPayload.proposals, configured: configuration.ikeProposals,
                preference: configuration.proposalPreference),
            let group = choice.proposal.dhGroups.first
        else {
            let refusal = failure(
                .noProposalChosen, phase: .ikeRekey, exchange: .createChildSA,
                notify: .noProposalChosen, refusedBy: role,
                reason: "no IKE proposal offered for the rekey is acceptable",
                proposals: NegotiationFailure.ProposalLists(
                    received: ProposalSelection.offeredProposals(saPayload.proposals),
                    configured: configuration.ikeProposals))
            return [
                answer([.notify(IKEv2NotifyPayload(type: .noProposalChosen))]), .failed(refusal),
            ]
        }
        guard let peerKE, peerKE.groupNumber == group.rawValue else {
            return [answer([.notify(.invalidKEPayload(acceptedGroupNumber: group.rawValue))])]
        }
        guard choice.peerSPI.count == 8,
            let keyPair = try? NonceAndKeyExchange.keyPair(group, random: random),
            let secret = NonceAndKeyExchange.sharedSecret(keyPair, peer: peerKE)
        else {
            return [
                answer([.notify(IKEv2NotifyPayload(type: .invalidSyntax))]),
                .failed(
                    failure(
                        .invalidKeyExchange, phase: .ikeRekey, exchange: .createChildSA,
                        notify: .invalidSyntax, refusedBy: role,
                        reason: "the IKE SA rekey request has a bad SPI or KE payload")),
            ]
        }

        var spi = random.uint64()
        while spi == 0 { spi = random.uint64() }
        let nonce = random.bytes(NonceAndKeyExchange.nonceLength(configuration.ikev2))
        let peerSPI = bigEndianValue(choice.peerSPI)
        let keys: IKEv2KeyMaterial
        do {
            keys = try IKEv2KeyMaterial.rekeyed(
                from: est.sa.keyMaterial, proposal: choice.proposal, sharedSecret: secret,
                initiatorNonce: peerNonce, responderNonce: nonce, initiatorSPI: peerSPI,
                responderSPI: spi, weAreInitiator: false)
        } catch {
            return [
                answer([.notify(IKEv2NotifyPayload(type: .noProposalChosen))]),
                .failed(cryptoFailure(error, exchange: .createChildSA)),
            ]
        }
        var spiOctets: [UInt8] = []
        appendBigEndian(spi, to: &spiOctets)
        let send = answer([
            .securityAssociation(ProposalSelection.answer(choice, spi: spiOctets)),
            .nonce(IKEv2NoncePayload(data: nonce)),
            NonceAndKeyExchange.payload(keyPair),
        ])
        let newSA = SecurityAssociationContext(
            initiatorSPI: peerSPI, responderSPI: spi, weAreInitiator: false, keyMaterial: keys,
            nextRequestID: 0, expectedRequestID: 0, lastResponse: nil,
            generation: est.sa.generation + 1)
        return [send, replaceIKESA(with: newSA, est: &est, deleteOld: false)]
    }
}
