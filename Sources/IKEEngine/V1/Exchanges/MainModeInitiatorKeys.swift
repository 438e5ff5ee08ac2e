import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5, main mode message 5: with the responder's KE and Nr the initiator
// derives SKEYID and the keys, learns from the NAT-D payloads whether to move to port
// 4500 (RFC 3947 section 4: from message 5 on), and sends its ID and proof encrypted
// under the first IV, hash(g^xi | g^xr).

extension IKEv1Session {
    /// Handles main mode message 4.
    func handleMainModeKeys(_ message: ISAKMPMessage, datagram: Datagram, exchange: Phase1Exchange)
        -> [SessionAction]
    {
        let header = message.header
        guard !header.flags.contains(.encryption), let payloads = message.payloads,
            let bodies = Self.rawBodies(datagram.message, firstPayload: header.nextPayload)
        else { return [discard(.malformed, header)] }
        recordClear(message, datagram: datagram, isResponse: true)
        var exchange = exchange
        func refuse(_ refusal: IKEv1Refusal) -> [SessionAction] {
            refusePhase1(
                refusal, initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: nil)
        }

        let keys: IKEv1KeyMaterial
        switch takePeerKeyExchange(bodies, into: &exchange) {
        case .success(let derived): keys = derived
        case .failure(.refused(let refusal)): return refuse(refusal)
        case .failure(.cryptoFailure(let error)):
            return [cryptoFailure(error, exchange: "Main Mode")]
        }

        do {
            exchange.usesUDPEncapsulation = try detectsNAT(
                payloads, exchange: exchange, datagram: datagram)
            if exchange.usesUDPEncapsulation { moveToNATTraversalPort() }

            let (action, nextIV) = try sendProof(
                &exchange, includeID: sendsIDWithProof, protection: keys.protection,
                isResponse: false)
            exchange.iv = nextIV
            exchange.lastReceived = datagram.message
            state = .awaitingMainModeResponderAuth(exchange)
            return [action]
        } catch {
            return [cryptoFailure(error, exchange: "Main Mode")]
        }
    }
}
