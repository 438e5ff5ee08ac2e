import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5, main mode message 3: the initiator checks that the responder chose
// one of its transforms (no longer-lived than offered), then sends KE and Ni for the
// chosen group, with a certificate request when it expects a certificate and NAT-D
// payloads when both announced RFC 3947.

extension IKEv1Session {
    /// Handles main mode message 2.
    func handleMainModeSA(_ message: ISAKMPMessage, datagram: Datagram, offer: Phase1Offer)
        -> [SessionAction]
    {
        let header = message.header
        guard header.exchangeType == .identityProtection, header.responderCookie != 0,
            header.messageID == 0, !header.flags.contains(.encryption),
            let payloads = message.payloads
        else { return [discard(.unexpectedResponse, header)] }
        recordClear(message, datagram: datagram, isResponse: true)
        guard let accepted = Self.acceptAnswer(payloads, offered: offer.transforms)
        else {
            return [
                close(
                    failure(
                        .invalidSyntax, phase: .ikeSA, exchange: "Main Mode", notify: nil,
                        refusedBy: .initiator,
                        reason: "responder chose a transform we did not offer"))
            ]
        }

        let (transform, lifetime) = (accepted.transform, accepted.lifetime)
        do {
            let keyPair = try DHKeyPair.generate(group: transform.group, random: random)
            let nonce = random.bytes(Self.nonceLength)
            let identification = try ourIdentification()
            var exchange = Phase1Exchange(
                mode: .main, initiatorCookie: offer.initiatorCookie,
                responderCookie: header.responderCookie,
                choice: Self.choice(transform, lifetime: lifetime), saBody: offer.saBody,
                keyPair: keyPair, initiatorNonce: nonce, responderNonce: [],
                initiatorPublicValue: keyPair.publicValue, responderPublicValue: [], keys: nil,
                iv: [], ourIDBody: identification.bodyOctets, peerIDBody: [],
                peerIdentity: nil,
                peerSupportsNATTraversal: IKEv1NATTraversal.announcesNATTraversal(payloads),
                peerSupportsDPD: IKEv1NATTraversal.announcesDPD(payloads),
                usesUDPEncapsulation: false,
                announcesLifetime: false, localAuthentication: nil, lastSent: [],
                lastReceived: datagram.message)

            var request = try keyExchangePayloads(
                keyPair: keyPair, nonce: nonce, identification: identification, includeID: false,
                cookie: exchange.initiatorCookie, cipher: transform.cipher, hash: transform.hash)
            request += IKEv1Authentication.certificateRequests(
                for: configuration.remoteAuthentication)
            request += try natDiscoveryPayloads(exchange)
            let requestHeader = self.header(
                initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: .identityProtection)
            let (action, octets) = try sendClear(requestHeader, request, isResponse: false)
            exchange.lastSent = octets
            state = .awaitingMainModeResponderKeys(exchange)
            return [action]
        } catch {
            return [cryptoFailure(error, exchange: "Main Mode")]
        }
    }
}
