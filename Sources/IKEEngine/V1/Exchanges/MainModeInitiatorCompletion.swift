import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5, main mode message 6: the initiator opens the responder's ID and
// proof with the IV chained from message 5, adopts a RESPONDER-LIFETIME (RFC 2407
// section 4.6.3.1), checks the responder, and the ISAKMP SA is up. A refusal here is
// sent to the responder, which already considers the SA established.

extension IKEv1Session {
    /// Handles main mode message 6.
    func completeMainMode(_ message: ISAKMPMessage, datagram: Datagram, exchange: Phase1Exchange)
        -> [SessionAction]
    {
        let header = message.header
        guard header.flags.contains(.encryption), let keys = exchange.keys else {
            return [discard(.malformed, header)]
        }
        let opened: OpenedV1Body
        switch openEncrypted(
            message, datagram: datagram, protection: keys.protection, iv: exchange.iv,
            isResponse: true)
        {
        case .success(let value): opened = value
        case .failure(let problem):
            return [discard(.integrityCheckFailed, detail: "main mode message 6: \(problem)")]
        }
        var exchange = exchange
        exchange.iv = opened.nextIV
        exchange.lastReceived = datagram.message
        exchange.choice = Self.adoptingResponderLifetime(opened.payloads, choice: exchange.choice)
        keepPeerIDFromProof(opened, firstPayload: header.nextPayload, in: &exchange)

        switch authenticatePeer(opened.payloads, exchange: exchange) {
        case .success(let verified):
            exchange.peerIdentity = verified.identity
            return establish(
                exchange, remoteAuthentication: verified.summary,
                lastPhase1Block: opened.nextIV)
        case .failure(let refusal):
            return refusePhase1(
                refusal, initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: exchange)
        }
    }
}
