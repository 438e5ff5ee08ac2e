import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5, main mode message 6: the responder opens message 5, checks the
// initiator's identity and proof, and answers with its own ID and proof, encrypted with
// the IV chain of appendix B. With a pre-shared key, a message 5 that does not decrypt to
// payloads means the keys differ: the responder says PAYLOAD-MALFORMED in clear, as
// Libreswan does ("probable authentication failure (mismatch of preshared secrets?)").

extension IKEv1Session {
    /// Answers main mode message 5.
    func respondMainModeAuth(_ message: ISAKMPMessage, datagram: Datagram, exchange: Phase1Exchange)
        -> [SessionAction]
    {
        let header = message.header
        guard header.flags.contains(.encryption), let keys = exchange.keys else {
            return [discard(.malformed, header)]
        }
        var exchange = exchange
        func refuse(_ refusal: IKEv1Refusal) -> [SessionAction] {
            refusePhase1(
                refusal, initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: exchange)
        }

        let opened: OpenedV1Body
        switch openEncrypted(
            message, datagram: datagram, protection: keys.protection, iv: exchange.iv,
            isResponse: false)
        {
        case .success(let value): opened = value
        case .failure(let problem):
            guard family == .preSharedKey else {
                return [discard(.integrityCheckFailed, detail: "main mode message 5: \(problem)")]
            }
            return refuse(
                IKEv1Refusal(
                    code: .sharedKeyMismatch, notify: .payloadMalformed,
                    reason: "message 5 does not decrypt to payloads: the pre-shared keys "
                        + "probably differ"))
        }
        track(datagram)
        exchange.iv = opened.nextIV
        exchange.lastReceived = datagram.message
        keepPeerIDFromProof(opened, firstPayload: header.nextPayload, in: &exchange)

        let peerAuthentication: AuthenticationSummary
        switch authenticatePeer(opened.payloads, exchange: exchange) {
        case .success(let verified):
            peerAuthentication = verified.summary
            exchange.peerIdentity = verified.identity
        case .failure(let refusal):
            return refuse(refusal)
        }

        do {
            let (action, lastBlock) = try sendProof(
                &exchange, includeID: sendsIDWithProof, protection: keys.protection,
                isResponse: true, followedBy: responderLifetimePayload)
            return [action]
                + establish(
                    exchange, remoteAuthentication: peerAuthentication,
                    lastPhase1Block: lastBlock)
        } catch {
            return [cryptoFailure(error, exchange: "Main Mode")]
        }
    }
}
