import IKECore
import IKECrypto
import IKEWire

// RFC 2409 sections 5.1-5.4, main mode message 4: the responder takes the initiator's
// KE and nonce (and with public key encryption its ID, decrypted), answers with its own,
// and derives SKEYID and the keys. RFC 3947 section 3.2: NAT-D payloads follow when both
// announced NAT traversal; a certificate request when we expect a certificate.

extension IKEv1Session {
    /// Answers main mode message 3.
    func respondMainModeKeys(_ message: ISAKMPMessage, datagram: Datagram, exchange: Phase1Exchange)
        -> [SessionAction]
    {
        let header = message.header
        guard !header.flags.contains(.encryption), let payloads = message.payloads,
            let bodies = Self.rawBodies(datagram.message, firstPayload: header.nextPayload)
        else { return [discard(.malformed, header)] }
        recordClear(message, datagram: datagram, isResponse: false)
        track(datagram)
        var exchange = exchange
        func refuse(_ refusal: IKEv1Refusal) -> [SessionAction] {
            refusePhase1(
                refusal, initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: nil)
        }

        switch takePeerKeyExchange(bodies, into: &exchange) {
        case .success: break
        case .failure(.refused(let refusal)): return refuse(refusal)
        case .failure(.cryptoFailure(let error)):
            return [cryptoFailure(error, exchange: "Main Mode")]
        }

        do {
            exchange.usesUDPEncapsulation = try detectsNAT(
                payloads, exchange: exchange, datagram: datagram)

            var reply = try keyExchangePayloads(
                keyPair: exchange.keyPair, nonce: exchange.responderNonce,
                identification: try ourIdentification(), includeID: false,
                cookie: exchange.responderCookie, cipher: exchange.choice.cipher,
                hash: exchange.choice.hash)
            reply += IKEv1Authentication.certificateRequests(
                for: configuration.remoteAuthentication)
            reply += try natDiscoveryPayloads(exchange)
            let replyHeader = self.header(
                initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: .identityProtection)
            let (action, octets) = try sendClear(replyHeader, reply, isResponse: true)
            exchange.lastSent = octets
            exchange.lastReceived = datagram.message
            state = .awaitingMainModeInitiatorAuth(exchange)
            return [action]
        } catch {
            return [cryptoFailure(error, exchange: "Main Mode")]
        }
    }
}
