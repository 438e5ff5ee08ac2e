import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 1.2: the initiator's IKE_SA_INIT request carries SA, KE and Ni, here
// with NAT detection (section 2.23), fragmentation support (RFC 7383) and the hashes it
// signs with (RFC 7427). The KE payload is for the first proposal's first group; a
// responder that selects another group answers INVALID_KE_PAYLOAD and the request is
// repeated with that group (section 1.2). A COOKIE answer is echoed the same way
// (section 2.6).

extension IKEv2Session {
    /// Sends the first IKE_SA_INIT request.
    func startInitiator() -> [SessionAction] {
        let group = configuration.ikeProposals[0].dhGroups[0]
        do {
            var spi = random.uint64()
            while spi == 0 { spi = random.uint64() }
            let nonce = random.bytes(NonceAndKeyExchange.nonceLength(configuration.ikev2))
            let keyPair = try NonceAndKeyExchange.keyPair(group, random: random)
            let sent = InitiatorInitSent(
                spi: spi, nonce: nonce, keyPair: keyPair, cookie: nil, request: [],
                triedGroups: [group], cookieRounds: 0)
            return try sendInitRequest(sent)
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeSAInit))]
        }
    }

    /// Builds, records and sends the IKE_SA_INIT request of `sent`.
    private func sendInitRequest(_ sent: InitiatorInitSent) throws -> [SessionAction] {
        var payloads: [IKEv2Payload] = []
        if let cookie = sent.cookie {
            payloads.append(.notify(IKEv2NotifyPayload(type: .cookie, data: cookie)))
        }
        payloads.append(
            .securityAssociation(
                ProposalSelection.wirePayload(configuration.ikeProposals, spi: [])))
        payloads.append(NonceAndKeyExchange.payload(sent.keyPair))
        payloads.append(.nonce(IKEv2NoncePayload(data: sent.nonce)))
        payloads.append(
            contentsOf: try NATDetection.payloads(
                initiatorSPI: sent.spi, responderSPI: 0, source: localEndpoint,
                destination: remoteEndpoint, fake: configuration.forceUDPEncapsulation,
                random: random))
        payloads.append(contentsOf: capabilityNotifications())

        let header = IKEv2Header(
            initiatorSPI: sent.spi, responderSPI: 0, exchangeType: .ikeSAInit,
            flags: .initiator, messageID: 0)
        let message = IKEv2Message(header: header, payloads: payloads)
        let octets = try message.encode()
        let datagram = makeDatagram(octets)
        record(header, payloads: payloads, inner: nil, datagram: datagram, sent: true)

        var updated = sent
        updated.request = octets
        state = .initiatorInitSent(updated)
        return [.send(datagram)]
    }

    /// IKEV2_FRAGMENTATION_SUPPORTED and SIGNATURE_HASH_ALGORITHMS, as configured.
    func capabilityNotifications() -> [IKEv2Payload] {
        var payloads: [IKEv2Payload] = []
        if configuration.ikev2.announceFragmentation {
            payloads.append(.notify(IKEv2NotifyPayload(type: .ikev2FragmentationSupported)))
        }
        if let announcedHashes {
            payloads.append(.notify(.signatureHashAlgorithms(announcedHashes)))
        }
        return payloads
    }

    /// Handles the IKE_SA_INIT response: a cookie or group retry, a refusal, or the
    /// responder's SA, KE and Nr, after which IKE_AUTH is sent.
    func handleInitResponse(_ message: IKEv2Message, datagram: Datagram, sent: InitiatorInitSent)
        -> [SessionAction]
    {
        let payloads = message.payloads
        record(message.header, payloads: payloads, inner: nil, datagram: datagram, sent: false)

        // A COOKIE answer: repeat the request with the cookie first.
        if let cookie = message.notification(.cookie), !hasSA(payloads) {
            guard sent.cookieRounds < 3, !cookie.data.isEmpty, cookie.data.count <= 64 else {
                return [
                    close(
                        failure(
                            .noResponse, phase: .ikeSA, exchange: .ikeSAInit, notify: .cookie,
                            refusedBy: .responder,
                            reason: "responder keeps answering with COOKIE"))
                ]
            }
            var retry = sent
            retry.cookie = cookie.data
            retry.cookieRounds += 1
            return (try? sendInitRequest(retry))
                ?? [close(cryptoFailure(nil, exchange: .ikeSAInit))]
        }

        // INVALID_KE_PAYLOAD: repeat with the group the responder selected, if we offer it.
        if let invalidKE = message.notification(.invalidKEPayload) {
            return retryWithGroup(invalidKE, sent: sent)
        }

        if let error = Self.errorNotify(in: payloads) {
            let code = Self.code(for: error.type)
            return [
                close(
                    failure(
                        code, phase: .ikeSA, exchange: .ikeSAInit, notify: error.type,
                        refusedBy: .responder,
                        reason: "responder answered \(error.type) to our IKE_SA_INIT request"))
            ]
        }
        return completeInit(message, datagram: datagram, sent: sent)
    }

    private func hasSA(_ payloads: [IKEv2Payload]) -> Bool {
        payloads.contains { $0.type == .securityAssociation }
    }

    private func retryWithGroup(_ notify: IKEv2NotifyPayload, sent: InitiatorInitSent)
        -> [SessionAction]
    {
        let offered = configuration.ikeProposals.flatMap(\.dhGroups)
        guard let number = notify.acceptedGroupNumber, let group = DHGroup(rawValue: number),
            offered.contains(group), !sent.triedGroups.contains(group)
        else {
            let named = notify.acceptedGroupNumber.map { "group \($0)" } ?? "no group"
            return [
                close(
                    failure(
                        .invalidKEPayload, phase: .ikeSA, exchange: .ikeSAInit,
                        notify: .invalidKEPayload, refusedBy: .responder,
                        reason: "responder asked for \(named), which we do not offer or tried"))
            ]
        }
        do {
            var retry = sent
            retry.keyPair = try NonceAndKeyExchange.keyPair(group, random: random)
            retry.triedGroups.append(group)
            return try sendInitRequest(retry)
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeSAInit))]
        }
    }

    /// The responder accepted: derive the keys, detect NAT, and send IKE_AUTH.
    private func completeInit(
        _ message: IKEv2Message, datagram: Datagram, sent: InitiatorInitSent
    ) -> [SessionAction] {
        let payloads = message.payloads
        func malformed(_ reason: String) -> [SessionAction] {
            [
                close(
                    failure(
                        .invalidSyntax, phase: .ikeSA, exchange: .ikeSAInit, notify: nil,
                        refusedBy: .initiator, reason: reason))
            ]
        }
        var saPayload: IKEv2SAPayload?
        var kePayload: IKEv2KeyExchangePayload?
        var nonce: [UInt8]?
        for payload in payloads {
            switch payload {
            case .securityAssociation(let sa): saPayload = sa
            case .keyExchange(let ke): kePayload = ke
            case .nonce(let value): nonce = value.data
            default: break
            }
        }
        guard let saPayload, let kePayload, let nonce, message.header.responderSPI != 0 else {
            return malformed("IKE_SA_INIT response lacks SA, KE, Nr or the responder's SPI")
        }
        guard NonceAndKeyExchange.isAcceptableNonce(nonce) else {
            return malformed("responder's nonce of \(nonce.count) octets is out of bounds")
        }
        guard
            let (proposal, _) = ProposalSelection.acceptAnswer(
                saPayload, offered: configuration.ikeProposals),
            proposal.dhGroups.first == sent.keyPair.group
        else {
            return malformed("responder selected a proposal we did not offer")
        }
        guard let secret = NonceAndKeyExchange.sharedSecret(sent.keyPair, peer: kePayload) else {
            return [
                close(
                    failure(
                        .invalidKeyExchange, phase: .ikeSA, exchange: .ikeSAInit, notify: nil,
                        refusedBy: .initiator,
                        reason: "responder's KE payload is not a valid \(sent.keyPair.group) value")
                )
            ]
        }

        let responderSPI = message.header.responderSPI
        do {
            let keys = try IKEv2KeyMaterial.initial(
                proposal: proposal, sharedSecret: secret, initiatorNonce: sent.nonce,
                responderNonce: nonce, initiatorSPI: sent.spi, responderSPI: responderSPI,
                weAreInitiator: true)
            let nat = try NATDetection.natDetected(
                in: message.notifications, initiatorSPI: sent.spi, responderSPI: responderSPI,
                datagram: datagram)
            if nat == true || (nat != nil && configuration.forceUDPEncapsulation) {
                usesUDPEncapsulation = true
                localEndpoint = localEndpoint.withPort(Endpoint.natTraversalPort)
                remoteEndpoint = remoteEndpoint.withPort(Endpoint.natTraversalPort)
            }
            let context = AuthenticationContext(
                sa: SecurityAssociationContext(
                    initiatorSPI: sent.spi, responderSPI: responderSPI, weAreInitiator: true,
                    keyMaterial: keys, nextRequestID: 1, expectedRequestID: 0,
                    lastResponse: nil, generation: 0),
                initiatorNonce: sent.nonce, responderNonce: nonce, message1: sent.request,
                message2: datagram.message,
                peerHashes: message.notification(.signatureHashAlgorithms)?
                    .signatureHashAlgorithms)
            return sendAuthRequest(context)
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeSAInit))]
        }
    }

    /// A failure for a library error in our own computation.
    func cryptoFailure(_ error: (any Error)?, exchange: IKEv2ExchangeType) -> NegotiationFailure {
        let detail = error.map { "\($0)" } ?? "encoding failed"
        return failure(
            .cryptoFailure, phase: .ikeSA, exchange: exchange, notify: nil, refusedBy: role,
            reason: "a cryptographic operation failed: \(detail)")
    }
}
