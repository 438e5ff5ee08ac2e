import IKECore
import IKECrypto
import IKEWire

// RFC 2408 section 3.1: every message is the ISAKMP header and a payload chain, in clear
// or (E flag) encrypted. These helpers build, seal, record and open messages for the
// exchange steps, and turn what goes wrong into failures and discards.

extension IKEv1Session {
    /// A datagram from our current endpoint to the peer's.
    func makeDatagram(_ message: [UInt8]) -> Datagram {
        Datagram(source: localEndpoint, destination: remoteEndpoint, message: message)
    }

    /// Follows the peer's endpoint (RFC 3947 section 4: after the move to port 4500 the
    /// conversation continues where the peer's messages come from).
    func track(_ datagram: Datagram) {
        localEndpoint = datagram.destination
        remoteEndpoint = datagram.source
    }

    /// Moves IKE to the NAT traversal port (RFC 3947 section 4).
    func moveToNATTraversalPort() {
        localEndpoint = localEndpoint.withPort(Endpoint.natTraversalPort)
        remoteEndpoint = remoteEndpoint.withPort(Endpoint.natTraversalPort)
    }

    /// The conventional name of an exchange type.
    static func exchangeName(_ type: ISAKMPExchangeType) -> String {
        switch type {
        case .identityProtection: return "Main Mode"
        case .aggressive: return "Aggressive Mode"
        case .quickMode: return "Quick Mode"
        case .informational: return "Informational"
        default: return type.description
        }
    }

    /// The name of the configured phase 1 exchange.
    var phase1ExchangeName: String {
        configuration.ikev1.mode == .main ? "Main Mode" : "Aggressive Mode"
    }

    /// Records a message we sent or received.
    func record(
        _ header: ISAKMPHeader, payloads: [ISAKMPPayload], encrypted: Bool, datagram: Datagram,
        sent: Bool, isResponse: Bool
    ) {
        let fromOriginalInitiator = sent == (role == .initiator)
        let outline = IKEv1PayloadOutline.outline(payloads)
        transcript.append(
            ExchangeRecord(
                version: .v1, exchange: Self.exchangeName(header.exchangeType),
                messageID: header.messageID, isResponse: isResponse,
                direction: fromOriginalInitiator ? .initiatorToResponder : .responderToInitiator,
                sentByRecorder: sent,
                outline: encrypted ? [PayloadSummary("E", .encrypted(outline))] : outline,
                time: now, datagram: datagram))
    }

    /// Encodes a cleartext message, records it and returns the send action and octets.
    func sendClear(_ header: ISAKMPHeader, _ payloads: [ISAKMPPayload], isResponse: Bool) throws
        -> (action: SessionAction, octets: [UInt8])
    {
        let octets = try ISAKMPMessage(header: header, payloads: payloads).encode()
        let datagram = makeDatagram(octets)
        var recorded = header
        recorded.nextPayload = payloads.first?.type ?? .none
        record(
            recorded, payloads: payloads, encrypted: false, datagram: datagram, sent: true,
            isResponse: isResponse)
        return (.send(datagram), octets)
    }

    /// Encrypts a message with `iv`, records it and returns the send action, the octets
    /// and the IV of the exchange's next message.
    func sendEncrypted(
        _ header: ISAKMPHeader, _ payloads: [ISAKMPPayload], protection: IKEv1MessageProtection,
        iv: [UInt8], isResponse: Bool
    ) throws -> (action: SessionAction, octets: [UInt8], nextIV: [UInt8]) {
        let chain = try ISAKMPPayloadChain.encode(payloads)
        let (ciphertext, nextIV) = try protection.seal(chain, iv: iv)
        var sealedHeader = header
        sealedHeader.flags.insert(.encryption)
        sealedHeader.nextPayload = payloads.first?.type ?? .none
        let octets = try ISAKMPMessage(header: sealedHeader, body: .encrypted(ciphertext)).encode()
        let datagram = makeDatagram(octets)
        record(
            sealedHeader, payloads: payloads, encrypted: true, datagram: datagram, sent: true,
            isResponse: isResponse)
        return (.send(datagram), octets, nextIV)
    }

    /// Opens a received encrypted message and records it; a failure leaves the record of
    /// an undecryptable message.
    func openEncrypted(
        _ message: ISAKMPMessage, datagram: Datagram, protection: IKEv1MessageProtection,
        iv: [UInt8], isResponse: Bool
    ) -> Result<OpenedV1Body, IKEv1ProtectionFailure> {
        guard case .encrypted(let ciphertext) = message.body else {
            return .failure(.malformed("the message is not encrypted"))
        }
        do {
            let opened = try protection.open(
                ciphertext, iv: iv, firstPayload: message.header.nextPayload)
            record(
                message.header, payloads: opened.payloads, encrypted: true, datagram: datagram,
                sent: false, isResponse: isResponse)
            return .success(opened)
        } catch {
            transcript.append(
                ExchangeRecord(
                    version: .v1, exchange: Self.exchangeName(message.header.exchangeType),
                    messageID: message.header.messageID, isResponse: isResponse,
                    direction: role == .initiator ? .responderToInitiator : .initiatorToResponder,
                    sentByRecorder: false, outline: [PayloadSummary("E", .encrypted(nil))],
                    time: now, datagram: datagram))
            return .failure(error)
        }
    }

    /// Records a received cleartext message.
    func recordClear(_ message: ISAKMPMessage, datagram: Datagram, isResponse: Bool) {
        record(
            message.header, payloads: message.payloads ?? [], encrypted: false,
            datagram: datagram, sent: false, isResponse: isResponse)
    }

    /// A header on the ISAKMP SA of two cookies.
    func header(
        initiatorCookie: UInt64, responderCookie: UInt64, exchange: ISAKMPExchangeType,
        messageID: UInt32 = 0
    ) -> ISAKMPHeader {
        ISAKMPHeader(
            initiatorCookie: initiatorCookie, responderCookie: responderCookie,
            exchangeType: exchange, messageID: messageID)
    }

    /// A random, non-zero Message ID.
    func newMessageID() -> UInt32 {
        var messageID = random.uint32()
        while messageID == 0 { messageID = random.uint32() }
        return messageID
    }

    /// A discard action for a message that does not fit.
    func discard(_ reason: DiscardedMessage.Reason, _ header: ISAKMPHeader) -> SessionAction {
        .discarded(
            DiscardedMessage(
                reason: reason,
                detail: "\(Self.exchangeName(header.exchangeType)) message with M-ID "
                    + "\(header.messageID)"))
    }

    /// A discard action with a reason of our own.
    func discard(_ reason: DiscardedMessage.Reason, detail: String) -> SessionAction {
        .discarded(DiscardedMessage(reason: reason, detail: detail))
    }

    /// A failure reported by this session.
    func failure(
        _ code: NegotiationFailure.Code, phase: NegotiationFailure.Phase, exchange: String,
        notify: ISAKMPNotifyType?, refusedBy: IKERole, reason: String,
        proposals: NegotiationFailure.ProposalLists? = nil
    ) -> NegotiationFailure {
        NegotiationFailure(
            code: code, phase: phase, exchange: exchange, notify: notify.map(NotifyCode.init),
            refusedBy: refusedBy, reportedBy: role, reason: reason, proposals: proposals)
    }

    /// Ends the session after a fatal failure.
    func close(_ failure: NegotiationFailure) -> SessionAction {
        state = .closed(IKEv1Closed(reason: failure.reason))
        return .failed(failure)
    }

    /// A failure for a library error in our own computation, ending phase 1.
    func cryptoFailure(_ error: any Error, exchange: String) -> SessionAction {
        close(
            failure(
                .cryptoFailure, phase: .ikeSA, exchange: exchange, notify: nil, refusedBy: role,
                reason: "a cryptographic operation failed: \(error)"))
    }

    /// The body octets of each payload of a cleartext message, as received.
    static func rawBodies(_ message: [UInt8], firstPayload: ISAKMPPayloadType)
        -> [(type: ISAKMPPayloadType, body: [UInt8])]?
    {
        guard message.count >= ISAKMPHeader.size else { return nil }
        return try? ISAKMPPayloadChain.payloadBodies(
            Array(message[ISAKMPHeader.size...]), firstPayload: firstPayload)
    }

    /// The body of the first payload of `type` among raw bodies.
    static func firstBody(
        _ type: ISAKMPPayloadType, in bodies: [(type: ISAKMPPayloadType, body: [UInt8])]
    ) -> [UInt8]? {
        bodies.first { $0.type == type }?.body
    }

    /// The identification of an ID payload body (ID type, protocol, port, data); nil when
    /// the body is shorter than its four fixed octets.
    static func identification(fromBody body: [UInt8]) -> IdentificationData? {
        guard body.count >= 4 else { return nil }
        return IdentificationData(rawType: body[0], data: Array(body[4...]))
    }
}
