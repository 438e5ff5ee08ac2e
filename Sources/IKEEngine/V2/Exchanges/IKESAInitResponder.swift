import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 1.2 and 2.7: the responder selects one proposal, checks that the KE
// payload is for the selected group (else INVALID_KE_PAYLOAD naming it, keeping no
// state), and answers SA, KE, Nr with its NAT detection hashes. Section 2.6: under a
// cookie policy a request without the right COOKIE is answered with one, statelessly.

extension IKEv2Session {
    /// Answers an IKE_SA_INIT request in the idle state.
    func respondToInit(_ message: IKEv2Message, datagram: Datagram) -> [SessionAction] {
        let header = message.header
        var saPayload: IKEv2SAPayload?
        var kePayload: IKEv2KeyExchangePayload?
        var nonce: [UInt8]?
        for payload in message.payloads {
            switch payload {
            case .securityAssociation(let sa): saPayload = sa
            case .keyExchange(let ke): kePayload = ke
            case .nonce(let value): nonce = value.data
            default: break
            }
        }
        guard let saPayload, let kePayload, let nonce,
            NonceAndKeyExchange.isAcceptableNonce(nonce)
        else {
            return [
                .discarded(
                    DiscardedMessage(
                        reason: .malformed,
                        detail: "IKE_SA_INIT request lacks SA, KE or a valid Ni"))
            ]
        }
        record(header, payloads: message.payloads, inner: nil, datagram: datagram, sent: false)
        track(datagram)

        // Section 2.6: demand a cookie before keeping any state.
        if configuration.ikev2.requireCookie {
            let expected = try? CookieChallenge.cookie(
                secret: cookieSecret, nonce: nonce, initiatorSPI: header.initiatorSPI,
                source: datagram.source)
            let received: IKEv2NotifyPayload? =
                if case .notify(let first)? = message.payloads.first, first.type == .cookie {
                    first
                } else { nil }
            guard let expected, received?.data == expected else {
                return answerStatelessly(
                    header, notify: IKEv2NotifyPayload(type: .cookie, data: expected ?? []))
            }
        }

        // Section 2.7: select one proposal, or refuse.
        guard
            let choice = ProposalSelection.select(
                offered: saPayload.proposals, configured: configuration.ikeProposals,
                preference: configuration.proposalPreference),
            let group = choice.proposal.dhGroups.first
        else {
            let refusal = failure(
                .noProposalChosen, phase: .ikeSA, exchange: .ikeSAInit,
                notify: .noProposalChosen, refusedBy: .responder,
                reason: "no IKE proposal offered by the initiator is acceptable",
                proposals: NegotiationFailure.ProposalLists(
                    received: ProposalSelection.offeredProposals(saPayload.proposals),
                    configured: configuration.ikeProposals))
            var actions = answerStatelessly(
                header, notify: IKEv2NotifyPayload(type: .noProposalChosen))
            actions.append(close(refusal))
            return actions
        }

        // Section 1.2: the KE payload must be for the selected group.
        guard kePayload.groupNumber == group.rawValue else {
            return answerStatelessly(
                header, notify: .invalidKEPayload(acceptedGroupNumber: group.rawValue))
        }
        do {
            return try completeInitResponse(
                message, datagram: datagram, choice: choice, group: group, peerKE: kePayload,
                peerNonce: nonce)
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeSAInit))]
        }
    }

    /// An IKE_SA_INIT response carrying only `notify`, with no state kept.
    private func answerStatelessly(_ request: IKEv2Header, notify: IKEv2NotifyPayload)
        -> [SessionAction]
    {
        let header = IKEv2Header(
            initiatorSPI: request.initiatorSPI, responderSPI: 0, exchangeType: .ikeSAInit,
            flags: .response, messageID: 0)
        let payloads: [IKEv2Payload] = [.notify(notify)]
        guard let octets = try? IKEv2Message(header: header, payloads: payloads).encode() else {
            return []
        }
        let datagram = makeDatagram(octets)
        record(header, payloads: payloads, inner: nil, datagram: datagram, sent: true)
        return [.send(datagram)]
    }

    private func completeInitResponse(
        _ message: IKEv2Message, datagram: Datagram, choice: ProposalChoice, group: DHGroup,
        peerKE: IKEv2KeyExchangePayload, peerNonce: [UInt8]
    ) throws -> [SessionAction] {
        let header = message.header
        let keyPair = try NonceAndKeyExchange.keyPair(group, random: random)
        guard let secret = NonceAndKeyExchange.sharedSecret(keyPair, peer: peerKE) else {
            let refusal = failure(
                .invalidKeyExchange, phase: .ikeSA, exchange: .ikeSAInit, notify: .invalidSyntax,
                refusedBy: .responder,
                reason: "initiator's KE payload is not a valid \(group) value")
            var actions = answerStatelessly(
                header, notify: IKEv2NotifyPayload(type: .invalidSyntax))
            actions.append(close(refusal))
            return actions
        }
        var spi = random.uint64()
        while spi == 0 { spi = random.uint64() }
        let nonce = random.bytes(NonceAndKeyExchange.nonceLength(configuration.ikev2))
        let keys = try IKEv2KeyMaterial.initial(
            proposal: choice.proposal, sharedSecret: secret, initiatorNonce: peerNonce,
            responderNonce: nonce, initiatorSPI: header.initiatorSPI, responderSPI: spi,
            weAreInitiator: false)

        // Section 2.23: NAT detection, both ways.
        let nat = try NATDetection.natDetected(
            in: message.notifications, initiatorSPI: header.initiatorSPI, responderSPI: 0,
            datagram: datagram)
        if nat == true || (nat != nil && configuration.forceUDPEncapsulation) {
            usesUDPEncapsulation = true
        }

        var payloads: [IKEv2Payload] = [
            .securityAssociation(ProposalSelection.answer(choice, spi: [])),
            NonceAndKeyExchange.payload(keyPair),
            .nonce(IKEv2NoncePayload(data: nonce)),
        ]
        if nat != nil {
            payloads.append(
                contentsOf: try NATDetection.payloads(
                    initiatorSPI: header.initiatorSPI, responderSPI: spi, source: localEndpoint,
                    destination: remoteEndpoint, fake: configuration.forceUDPEncapsulation,
                    random: random))
        }
        if let request = try certificateRequest() { payloads.append(request) }
        payloads.append(contentsOf: capabilityNotifications())

        let responseHeader = IKEv2Header(
            initiatorSPI: header.initiatorSPI, responderSPI: spi, exchangeType: .ikeSAInit,
            flags: .response, messageID: 0)
        let octets = try IKEv2Message(header: responseHeader, payloads: payloads).encode()
        let response = makeDatagram(octets)
        record(responseHeader, payloads: payloads, inner: nil, datagram: response, sent: true)

        let context = AuthenticationContext(
            sa: SecurityAssociationContext(
                initiatorSPI: header.initiatorSPI, responderSPI: spi, weAreInitiator: false,
                keyMaterial: keys, nextRequestID: 0, expectedRequestID: 1, lastResponse: nil,
                generation: 0),
            initiatorNonce: peerNonce, responderNonce: nonce, message1: datagram.message,
            message2: octets,
            peerHashes: message.notification(.signatureHashAlgorithms)?.signatureHashAlgorithms)
        state = .responderAwaitingAuth(ResponderAwaitingAuth(context: context))
        return [.send(response)]
    }

    /// A CERTREQ naming our trust anchors, when we expect a certificate.
    func certificateRequest() throws -> IKEv2Payload? {
        guard case .certificate(let anchors, _) = configuration.remoteAuthentication else {
            return nil
        }
        return try CertificateRequestTask.payload(anchors: anchors)
    }
}
