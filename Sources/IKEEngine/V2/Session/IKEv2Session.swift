import IKECore
import IKECrypto
import IKEWire

/// One end of an IKEv2 SA (RFC 7296): the sans-I/O state machine behind `IKESession`.
///
/// The exchanges live in their own files, one per exchange and side: IKE_SA_INIT,
/// IKE_AUTH, CREATE_CHILD_SA and INFORMATIONAL. This file holds the public surface, the
/// dispatcher that routes a received message to its exchange, and the helpers they share
/// (sending, recording, failures).
public final class IKEv2Session: IKESession {
    /// The configuration.
    public let configuration: IKEPeerConfiguration
    /// Our role in the IKE SA.
    public let role: IKERole
    /// Always `.v2`.
    public var version: IKEVersion { .v2 }
    /// Every message sent and received so far.
    public private(set) var transcript: [ExchangeRecord] = []

    let random: RandomSource
    var state: IKEv2State = .idle
    /// Our current endpoint; moves to port 4500 when NAT traversal starts.
    var localEndpoint: Endpoint
    /// The peer's current endpoint.
    var remoteEndpoint: Endpoint
    /// Whether IKE and ESP travel on port 4500 (NAT found or encapsulation forced).
    var usesUDPEncapsulation = false
    /// The secret of our stateless cookies (responder).
    let cookieSecret: [UInt8]
    /// The hashes we announce for RFC 7427, or nil when no signature is configured.
    let announcedHashes: [IKEv2HashAlgorithm]?
    /// The clock of the input being processed.
    var now: Double = 0

    /// A session for `configuration` in `role`. `invalidConfiguration` when the
    /// configuration cannot be negotiated by this engine.
    public init(configuration: IKEPeerConfiguration, role: IKERole, random: RandomSource)
        throws(NegotiationFailure)
    {
        self.configuration = configuration
        self.role = role
        self.random = random
        self.localEndpoint = configuration.local
        self.remoteEndpoint = configuration.remote
        self.announcedHashes = AuthenticationTask.announcedHashes(configuration)
        if let problem = ConfigurationCheck.problem(in: configuration) {
            throw NegotiationFailure(
                code: .invalidConfiguration, phase: .ikeSA, exchange: "IKE_SA_INIT", notify: nil,
                refusedBy: role, reportedBy: role, reason: problem)
        }
        self.cookieSecret = configuration.ikev2.requireCookie ? random.bytes(16) : []
        // IKE_SA_INIT and IKE_AUTH make four records; growing the list one by one would
        // copy the records each time.
        transcript.reserveCapacity(4)
    }

    /// Whether the IKE SA is established.
    public var isEstablished: Bool {
        if case .established = state { return true }
        return false
    }

    /// Whether the session is over.
    public var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    /// Whether a request of ours awaits its response.
    public var isAwaitingResponse: Bool {
        switch state {
        case .initiatorInitSent, .initiatorAuthSent: return true
        case .established(let established): return established.pending != nil
        case .idle, .responderAwaitingAuth, .closed: return false
        }
    }

    /// The established IKE SA.
    public var ikeSA: IKESASummary? {
        if case .established(let established) = state { return established.summary }
        return nil
    }

    /// The installed Child SAs.
    public var childSAs: [ChildSA] {
        if case .established(let established) = state { return established.children }
        return []
    }

    /// Carries out a command. Commands that do not fit the state (`start` on a responder
    /// or twice, a rekey before the IKE SA is up, anything once closed) are ignored and
    /// produce no action; commands given while a request is in flight wait their turn.
    public func handle(_ command: SessionCommand, now: Double) -> [SessionAction] {
        self.now = now
        switch state {
        case .idle:
            guard command == .start, role == .initiator else { return [] }
            return startInitiator()
        case .established(var established):
            established.queue.append(.command(command))
            state = .established(established)
            return runQueue()
        case .initiatorInitSent, .responderAwaitingAuth, .initiatorAuthSent, .closed:
            return []
        }
    }

    /// Processes a received datagram.
    public func receive(_ datagram: Datagram, now: Double) -> [SessionAction] {
        self.now = now
        let message: IKEv2Message
        do {
            message = try IKEv2Message(decoding: datagram.message)
        } catch {
            return [.discarded(DiscardedMessage(reason: .malformed, detail: "\(error)"))]
        }
        let header = message.header
        let isResponse = header.flags.contains(.response)

        switch state {
        case .idle:
            guard role == .responder, !isResponse, header.exchangeType == .ikeSAInit,
                header.messageID == 0, header.responderSPI == 0
            else { return [discard(.unexpectedRequest, header)] }
            return respondToInit(message, datagram: datagram)
        case .initiatorInitSent(let sent):
            guard isResponse, header.exchangeType == .ikeSAInit, header.messageID == 0,
                header.initiatorSPI == sent.spi
            else { return [discard(.unexpectedResponse, header)] }
            return handleInitResponse(message, datagram: datagram, sent: sent)
        case .responderAwaitingAuth(let awaiting):
            return receiveAwaitingAuth(message, datagram: datagram, awaiting: awaiting)
        case .initiatorAuthSent(let sent):
            guard isResponse, header.exchangeType == .ikeAuth, header.messageID == 1,
                sent.context.sa.owns(header)
            else { return [discard(.unexpectedResponse, header)] }
            return handleAuthResponse(message, datagram: datagram, sent: sent)
        case .established(let established):
            return receiveEstablished(message, datagram: datagram, established: established)
        case .closed:
            return [.discarded(DiscardedMessage(reason: .closed, detail: "the session is closed"))]
        }
    }

    /// The responder between IKE_SA_INIT and IKE_AUTH: a repeated IKE_SA_INIT gets the
    /// stored answer, IKE_AUTH proceeds, anything else is dropped.
    private func receiveAwaitingAuth(
        _ message: IKEv2Message, datagram: Datagram, awaiting: ResponderAwaitingAuth
    ) -> [SessionAction] {
        let header = message.header
        let context = awaiting.context
        if header.exchangeType == .ikeSAInit, !header.flags.contains(.response),
            datagram.message == context.message1
        {
            return [
                .send(makeDatagram(context.message2)),
                discard(.retransmission, header),
            ]
        }
        guard !header.flags.contains(.response), header.exchangeType == .ikeAuth,
            header.messageID == 1, context.sa.owns(header)
        else { return [discard(.unexpectedRequest, header)] }
        return respondToAuth(message, datagram: datagram, context: context)
    }

    // MARK: - Helpers shared by the exchanges

    /// A datagram from our current endpoint to the peer's.
    func makeDatagram(_ message: [UInt8]) -> Datagram {
        Datagram(source: localEndpoint, destination: remoteEndpoint, message: message)
    }

    /// Follows the peer's endpoint (RFC 7296 section 2.23: after NAT detection the
    /// conversation continues on the addresses and ports last seen).
    func track(_ datagram: Datagram) {
        localEndpoint = datagram.destination
        remoteEndpoint = datagram.source
    }

    /// A header for a message on `sa`.
    func header(
        on sa: SecurityAssociationContext, exchange: IKEv2ExchangeType, messageID: UInt32,
        response: Bool
    ) -> IKEv2Header {
        var flags: IKEv2Flags = sa.weAreInitiator ? .initiator : []
        if response { flags.insert(.response) }
        return IKEv2Header(
            initiatorSPI: sa.initiatorSPI, responderSPI: sa.responderSPI, exchangeType: exchange,
            flags: flags, messageID: messageID)
    }

    /// Records a message we sent or received.
    func record(
        _ header: IKEv2Header, payloads: [IKEv2Payload], inner: [IKEv2Payload]?,
        datagram: Datagram, sent: Bool
    ) {
        let isResponse = header.flags.contains(.response)
        let fromOriginalInitiator = sent == (role == .initiator)
        transcript.append(
            ExchangeRecord(
                version: .v2, exchange: header.exchangeType.description,
                messageID: header.messageID, isResponse: isResponse,
                direction: fromOriginalInitiator ? .initiatorToResponder : .responderToInitiator,
                sentByRecorder: sent,
                outline: PayloadOutline.outline(payloads, inner: inner, isResponse: isResponse),
                time: now, datagram: datagram))
    }

    /// Seals `inner` on `sa`, records and returns the send action.
    func sendProtected(
        on sa: SecurityAssociationContext, exchange: IKEv2ExchangeType, messageID: UInt32,
        response: Bool, inner: [IKEv2Payload]
    ) throws -> (action: SessionAction, message: [UInt8]) {
        let header = header(on: sa, exchange: exchange, messageID: messageID, response: response)
        let octets = try sa.keyMaterial.protection.seal(
            header: header, inner: inner, random: random)
        let datagram = makeDatagram(octets)
        var recorded = header
        recorded.nextPayload = .encrypted
        record(
            recorded,
            payloads: [.encrypted(IKEv2EncryptedPayload(firstInnerPayload: .none, body: []))],
            inner: inner, datagram: datagram, sent: true)
        return (.send(datagram), octets)
    }

    /// Opens a received protected message; a failure is returned as a discard action.
    func openProtected(
        _ message: IKEv2Message, datagram: Datagram, on sa: SecurityAssociationContext
    ) -> OpenedMessage {
        guard let encrypted = message.encryptedPayload else {
            return .dropped(
                DiscardedMessage(
                    reason: .malformed,
                    detail: "\(message.header.exchangeType) message without an SK payload"))
        }
        do {
            let inner = try sa.keyMaterial.protection.open(
                datagram: datagram.message, encrypted: encrypted)
            record(
                message.header, payloads: message.payloads, inner: inner, datagram: datagram,
                sent: false)
            return .payloads(inner)
        } catch ProtectionFailure.integrity(let detail) {
            return .dropped(DiscardedMessage(reason: .integrityCheckFailed, detail: detail))
        } catch ProtectionFailure.malformed(let detail) {
            return .dropped(DiscardedMessage(reason: .malformed, detail: detail))
        } catch {
            return .dropped(DiscardedMessage(reason: .malformed, detail: "\(error)"))
        }
    }

    /// A discard action for a message that does not fit.
    func discard(_ reason: DiscardedMessage.Reason, _ header: IKEv2Header) -> SessionAction {
        let kind = header.flags.contains(.response) ? "response" : "request"
        return .discarded(
            DiscardedMessage(
                reason: reason,
                detail: "\(header.exchangeType) \(kind) with Message ID \(header.messageID)"))
    }

    /// A failure reported by this session.
    func failure(
        _ code: NegotiationFailure.Code, phase: NegotiationFailure.Phase,
        exchange: IKEv2ExchangeType, notify: IKEv2NotifyType?, refusedBy: IKERole,
        reason: String, proposals: NegotiationFailure.ProposalLists? = nil
    ) -> NegotiationFailure {
        NegotiationFailure(
            code: code, phase: phase, exchange: exchange.description,
            notify: notify.map(NotifyCode.init), refusedBy: refusedBy, reportedBy: role,
            reason: reason, proposals: proposals)
    }

    /// Ends the session after a fatal failure.
    func close(_ failure: NegotiationFailure) -> SessionAction {
        state = .closed(Closed(reason: failure.reason))
        return .failed(failure)
    }

    /// The first error notification among `payloads`.
    static func errorNotify(in payloads: [IKEv2Payload]) -> IKEv2NotifyPayload? {
        for case .notify(let notify) in payloads where notify.type.isError { return notify }
        return nil
    }

    /// The failure code for a peer's error notification.
    static func code(for notify: IKEv2NotifyType) -> NegotiationFailure.Code {
        switch notify {
        case .noProposalChosen: return .noProposalChosen
        case .invalidKEPayload: return .invalidKEPayload
        case .authenticationFailed: return .authenticationFailed
        case .tsUnacceptable: return .trafficSelectorsUnacceptable
        case .noAdditionalSAs: return .noAdditionalSAs
        case .childSANotFound: return .childSANotFound
        case .invalidSyntax: return .invalidSyntax
        case .unsupportedCriticalPayload: return .unsupportedCriticalPayload
        case .invalidMajorVersion: return .unsupportedVersion
        default: return .peerRefused
        }
    }
}

/// A received protected message: its inner payloads, or why it was dropped.
enum OpenedMessage {
    /// The decrypted inner payloads.
    case payloads([IKEv2Payload])
    /// The message was dropped.
    case dropped(DiscardedMessage)
}
