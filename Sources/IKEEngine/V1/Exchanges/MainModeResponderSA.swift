import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5, main mode message 2: the responder answers the initiator's SA
// payload with the one transform it chose (RFC 2408 section 4.2), its cookie and its own
// vendor IDs, or refuses with NO-PROPOSAL-CHOSEN in a clear informational message.

extension IKEv1Session {
    /// Answers main mode message 1.
    func respondMainMode(_ payloads: [ISAKMPPayload], datagram: Datagram, header: ISAKMPHeader)
        -> [SessionAction]
    {
        recordClear(
            ISAKMPMessage(header: header, payloads: payloads), datagram: datagram,
            isResponse: false)
        track(datagram)
        guard let offer = Self.phase1Offer(in: payloads) else {
            return refusePhase1(
                IKEv1Refusal(
                    code: .invalidSyntax, notify: .payloadMalformed,
                    reason: "main mode message 1 has no ISAKMP proposal"),
                initiatorCookie: header.initiatorCookie, responderCookie: 0, exchange: nil)
        }
        let taken: Phase1ResponderChoice
        switch choosePhase1Transform(offer.decoded, header: header) {
        case .chosen(let value): taken = value
        case .declined(let actions): return actions
        }
        let chosen = taken.transform

        do {
            let keyPair = try DHKeyPair.generate(group: chosen.group, random: random)
            var exchange = newResponderExchange(
                mode: .main, header: header, choice: Self.choice(chosen, lifetime: taken.lifetime),
                announcesLifetime: taken.announcesLifetime,
                saBody: Self.firstBody(
                    .securityAssociation,
                    in: Self.rawBodies(datagram.message, firstPayload: header.nextPayload) ?? [])
                    ?? [],
                peerPayloads: payloads, keyPair: keyPair,
                nonce: random.bytes(Self.nonceLength),
                ourIDBody: try ourIdentification().bodyOctets)
            let answer = [
                Self.answerPayload(number: offer.number, wire: offer.wire, chosen: chosen)
            ]
            let reply = self.header(
                initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: .identityProtection)
            let (action, octets) = try sendClear(
                reply, answer + IKEv1NATTraversal.vendorIDs, isResponse: true)
            exchange.lastSent = octets
            exchange.lastReceived = datagram.message
            state = .awaitingMainModeInitiatorKeys(exchange)
            return [action]
        } catch {
            return [cryptoFailure(error, exchange: "Main Mode")]
        }
    }
}
