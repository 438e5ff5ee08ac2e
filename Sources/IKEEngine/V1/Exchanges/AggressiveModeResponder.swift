import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5, aggressive mode message 2: the responder chooses a transform,
// takes the initiator's KE, Ni and IDii (decrypting them with public key encryption),
// checks the identity, derives the keys and answers with everything at once: SA, KE, Nr,
// IDir, its proof, NAT-D and a RESPONDER-LIFETIME when it announces one. Message 3, in
// clear or encrypted, brings the initiator's proof.

extension IKEv1Session {
    /// Answers aggressive mode message 1.
    func respondAggressive(_ payloads: [ISAKMPPayload], datagram: Datagram, header: ISAKMPHeader)
        -> [SessionAction]
    {
        recordClear(
            ISAKMPMessage(header: header, payloads: payloads), datagram: datagram,
            isResponse: false)
        track(datagram)
        func refuse(_ refusal: IKEv1Refusal) -> [SessionAction] {
            refusePhase1(
                refusal, initiatorCookie: header.initiatorCookie, responderCookie: 0, exchange: nil)
        }
        guard let offer = Self.phase1Offer(in: payloads),
            let bodies = Self.rawBodies(datagram.message, firstPayload: header.nextPayload)
        else {
            return refuse(
                IKEv1Refusal(
                    code: .invalidSyntax, notify: .payloadMalformed,
                    reason: "aggressive mode message 1 has no ISAKMP proposal"))
        }
        let taken: Phase1ResponderChoice
        switch choosePhase1Transform(offer.decoded, header: header) {
        case .chosen(let value): taken = value
        case .declined(let actions): return actions
        }
        let chosen = taken.transform

        let peer: PeerKeyExchange
        switch peerKeyExchange(
            bodies, peerCookie: header.initiatorCookie, cipher: chosen.cipher, hash: chosen.hash)
        {
        case .success(let value): peer = value
        case .failure(let refusal): return refuse(refusal)
        }
        guard let peerIDBody = peer.idBody,
            let identification = Self.identification(fromBody: peerIDBody)
        else {
            return refuse(
                IKEv1Refusal(
                    code: .invalidSyntax, notify: .payloadMalformed,
                    reason: "aggressive mode message 1 has no ID payload"))
        }
        if let refusal = IKEv1PeerAuthentication.identityRefusal(
            identification, expected: configuration.remoteIdentity)
        {
            return refuse(refusal)
        }
        return answerAggressive(
            header: header, datagram: datagram, payloads: payloads, offer: offer,
            taken: taken, peer: peer)
    }

    /// Derives the keys and sends aggressive mode message 2.
    private func answerAggressive(
        header: ISAKMPHeader, datagram: Datagram, payloads: [ISAKMPPayload],
        offer: (number: UInt8, wire: [ISAKMPTransform], decoded: [IKEv1Phase1Transform]),
        taken: Phase1ResponderChoice, peer: PeerKeyExchange
    ) -> [SessionAction] {
        let chosen = taken.transform
        do {
            let keyPair = try DHKeyPair.generate(group: chosen.group, random: random)
            let identification = try ourIdentification()
            let saBody =
                Self.firstBody(
                    .securityAssociation,
                    in: Self.rawBodies(datagram.message, firstPayload: header.nextPayload) ?? [])
                ?? []
            var exchange = newResponderExchange(
                mode: .aggressive, header: header,
                choice: Self.choice(chosen, lifetime: taken.lifetime),
                announcesLifetime: taken.announcesLifetime, saBody: saBody, peerPayloads: payloads,
                keyPair: keyPair, nonce: random.bytes(Self.nonceLength),
                ourIDBody: identification.bodyOctets)

            keepPeerKeyExchange(peer, in: &exchange)
            switch derivePhase1Keys(&exchange) {
            case .success: break
            case .failure(.refused(let refusal)):
                return refusePhase1(
                    refusal, initiatorCookie: exchange.initiatorCookie,
                    responderCookie: exchange.responderCookie, exchange: nil)
            case .failure(.cryptoFailure(let error)): throw error
            }

            var reply = [
                Self.answerPayload(number: offer.number, wire: offer.wire, chosen: chosen)
            ]
            reply += try keyExchangePayloads(
                keyPair: keyPair, nonce: exchange.responderNonce, identification: identification,
                includeID: true, cookie: exchange.responderCookie, cipher: chosen.cipher,
                hash: chosen.hash)
            let (proof, summary) = try ourAuthentication(exchange, includeID: false)
            exchange.localAuthentication = summary
            reply += proof
            reply += IKEv1Authentication.certificateRequests(
                for: configuration.remoteAuthentication)
            reply += try natDiscoveryPayloads(exchange)
            reply += try responderLifetimePayload(exchange)
            reply += IKEv1NATTraversal.vendorIDs
            let replyHeader = self.header(
                initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: .aggressive)
            let (action, octets) = try sendClear(replyHeader, reply, isResponse: true)
            exchange.lastSent = octets
            exchange.lastReceived = datagram.message
            state = .awaitingAggressiveInitiatorAuth(exchange)
            return [action]
        } catch {
            return [cryptoFailure(error, exchange: "Aggressive Mode")]
        }
    }

    /// Handles aggressive mode message 3: the initiator's proof.
    func completeAggressiveResponder(
        _ message: ISAKMPMessage, datagram: Datagram, exchange: Phase1Exchange
    ) -> [SessionAction] {
        let header = message.header
        guard let keys = exchange.keys else { return [discard(.malformed, header)] }
        var exchange = exchange
        func refuse(_ refusal: IKEv1Refusal) -> [SessionAction] {
            refusePhase1(
                refusal, initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: exchange)
        }

        let payloads: [ISAKMPPayload]
        var lastBlock = exchange.iv
        if header.flags.contains(.encryption) {
            switch openEncrypted(
                message, datagram: datagram, protection: keys.protection, iv: exchange.iv,
                isResponse: false)
            {
            case .success(let opened):
                payloads = opened.payloads
                lastBlock = opened.nextIV
            case .failure(let problem):
                guard family == .preSharedKey else {
                    return [
                        discard(.integrityCheckFailed, detail: "aggressive message 3: \(problem)")
                    ]
                }
                return refuse(
                    IKEv1Refusal(
                        code: .sharedKeyMismatch, notify: .payloadMalformed,
                        reason: "message 3 does not decrypt to payloads: the pre-shared keys "
                            + "probably differ"))
            }
        } else {
            guard let clear = message.payloads else { return [discard(.malformed, header)] }
            recordClear(message, datagram: datagram, isResponse: false)
            payloads = clear
        }
        track(datagram)
        exchange.lastReceived = datagram.message
        do {
            if try detectsNAT(payloads, exchange: exchange, datagram: datagram) {
                exchange.usesUDPEncapsulation = true
            }
        } catch {
            return [cryptoFailure(error, exchange: "Aggressive Mode")]
        }

        switch authenticatePeer(payloads, exchange: exchange) {
        case .success(let verified):
            exchange.peerIdentity = verified.identity
            return establish(
                exchange, remoteAuthentication: verified.summary, lastPhase1Block: lastBlock)
        case .failure(let refusal):
            return refuse(refusal)
        }
    }
}
