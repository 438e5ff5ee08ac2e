import IKECore
import IKECrypto
import IKEWire

// RFC 2408 section 5.7 and RFC 2409 section 5.7: a peer that refuses phase 1 says why
// with a Notification payload in an informational exchange, protected by HASH(1) and
// encryption when both sides hold the keys, in clear before (or when the refusal itself
// shows the keys differ, as a pre-shared key mismatch does: a protected notification
// would be garbage to the peer). A received notification ends phase 1 with the refusal
// it names; one that does not verify is dropped.

extension IKEv1Session {
    /// Sends the refusal's notification and ends the session with its failure.
    func refusePhase1(
        _ refusal: IKEv1Refusal, initiatorCookie: UInt64, responderCookie: UInt64,
        exchange: Phase1Exchange?, proposals: NegotiationFailure.ProposalLists? = nil
    ) -> [SessionAction] {
        var actions: [SessionAction] = []
        let cookies = IKEv1KeyDerivation.cookies(initiatorCookie, responderCookie)
        let notify = ISAKMPPayload.notification(
            ISAKMPNotificationPayload(type: refusal.notify, protocolID: 1, spi: cookies))
        if let exchange, let keys = exchange.keys, refusal.code != .sharedKeyMismatch,
            let action = try? sendProtectedInformational(
                [notify], keys: keys, lastPhase1Block: exchange.iv,
                initiatorCookie: initiatorCookie, responderCookie: responderCookie)
        {
            actions.append(action)
        } else {
            let clear = header(
                initiatorCookie: initiatorCookie, responderCookie: responderCookie,
                exchange: .informational, messageID: newMessageID())
            if let sent = try? sendClear(clear, [notify], isResponse: false) {
                actions.append(sent.action)
            }
        }
        actions.append(
            close(
                failure(
                    refusal.code, phase: .ikeSA, exchange: phase1ExchangeName,
                    notify: refusal.notify, refusedBy: role, reason: refusal.reason,
                    proposals: proposals)))
        return actions
    }

    /// An informational exchange of one message: HASH(1) = prf(SKEYID_a, M-ID | payloads),
    /// then the payloads, encrypted from hash(last phase 1 block | M-ID).
    func sendProtectedInformational(
        _ payloads: [ISAKMPPayload], keys: IKEv1KeyMaterial, lastPhase1Block: [UInt8],
        initiatorCookie: UInt64, responderCookie: UInt64
    ) throws -> SessionAction {
        let messageID = newMessageID()
        let hash = try keys.exchangeHash(
            messageID: messageID, data: try ISAKMPPayloadChain.encode(payloads))
        let iv = try keys.phase2IV(lastPhase1Block: lastPhase1Block, messageID: messageID)
        let header = header(
            initiatorCookie: initiatorCookie, responderCookie: responderCookie,
            exchange: .informational, messageID: messageID)
        let (action, _, _) = try sendEncrypted(
            header, [.hash(ISAKMPHashPayload(data: hash))] + payloads,
            protection: keys.protection, iv: iv, isResponse: false)
        return action
    }

    /// The payloads after HASH(1) of a protected informational message, or nil when it
    /// does not open or its hash does not verify.
    func openInformational(
        _ message: ISAKMPMessage, datagram: Datagram, keys: IKEv1KeyMaterial,
        lastPhase1Block: [UInt8]
    ) -> [ISAKMPPayload]? {
        let messageID = message.header.messageID
        guard let iv = try? keys.phase2IV(lastPhase1Block: lastPhase1Block, messageID: messageID),
            case .success(let opened) = openEncrypted(
                message, datagram: datagram, protection: keys.protection, iv: iv,
                isResponse: false),
            let split = Self.splitHash(opened),
            let expected = try? keys.exchangeHash(messageID: messageID, data: split.rest),
            IKEv1PeerAuthentication.constantTimeEqual(split.hash, expected)
        else { return nil }
        return Array(opened.payloads.dropFirst())
    }

    /// The HASH payload that opens a protected message and the chain octets after it.
    static func splitHash(_ opened: OpenedV1Body) -> (hash: [UInt8], rest: [UInt8])? {
        guard case .hash(let hash)? = opened.payloads.first else { return nil }
        let length = ISAKMPPayloadChain.genericHeaderSize + hash.data.count
        guard opened.chain.count >= length else { return nil }
        return (hash.data, Array(opened.chain[length...]))
    }

    /// A notification received during phase 1.
    func receivePhase1Notification(
        _ message: ISAKMPMessage, datagram: Datagram, exchange: Phase1Exchange?
    ) -> [SessionAction] {
        let header = message.header
        let payloads: [ISAKMPPayload]
        if header.flags.contains(.encryption) {
            guard let exchange, let keys = exchange.keys else {
                return [discard(.integrityCheckFailed, header)]
            }
            guard
                let opened = openInformational(
                    message, datagram: datagram, keys: keys, lastPhase1Block: exchange.iv)
            else { return [undecryptableNotification(header)] }
            payloads = opened
        } else {
            guard let clear = message.payloads else { return [discard(.malformed, header)] }
            recordClear(message, datagram: datagram, isResponse: false)
            payloads = clear
        }
        for case .notification(let notify) in payloads where notify.type.isError {
            return [
                close(
                    failure(
                        code(forPeerNotify: notify.type), phase: .ikeSA,
                        exchange: phase1ExchangeName, notify: notify.type, refusedBy: role.peer,
                        reason: "peer answered \(notify.type) during \(phase1ExchangeName)"))
            ]
        }
        return [discard(.unexpectedRequest, header)]
    }

    /// An encrypted notification that does not open. After our main mode message 5 with a
    /// pre-shared key it is the peer's refusal under keys that differ from ours: strongSwan
    /// and Libreswan answer a message 5 they cannot parse with an encrypted
    /// PAYLOAD-MALFORMED. Otherwise it is dropped.
    private func undecryptableNotification(_ header: ISAKMPHeader) -> SessionAction {
        guard case .awaitingMainModeResponderAuth = state, family == .preSharedKey else {
            return discard(.integrityCheckFailed, header)
        }
        return close(
            failure(
                .sharedKeyMismatch, phase: .ikeSA, exchange: "Main Mode", notify: nil,
                refusedBy: .responder,
                reason: "the responder's notification does not decrypt with our keys: the "
                    + "pre-shared keys probably differ"))
    }

    /// The failure code for a peer's phase 1 error notification. With a pre-shared key,
    /// a peer that cannot parse or verify our authentication message most likely holds
    /// another key.
    func code(forPeerNotify type: ISAKMPNotifyType) -> NegotiationFailure.Code {
        switch type {
        case .noProposalChosen: return .noProposalChosen
        case .invalidIDInformation: return .identityMismatch
        case .authenticationFailed: return .authenticationFailed
        case .invalidSignature: return .signatureInvalid
        case .invalidKeyInformation: return .invalidKeyExchange
        case .invalidCertificate, .invalidCertAuthority, .certificateUnavailable:
            return .certificateUntrusted
        case .invalidHashInformation, .payloadMalformed:
            if family == .preSharedKey { return .sharedKeyMismatch }
            return type == .payloadMalformed ? .invalidSyntax : .authenticationFailed
        default: return .peerRefused
        }
    }
}
