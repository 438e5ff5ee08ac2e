import IKECore
import IKECrypto
import IKEWire

/// One end of an IKEv1 ISAKMP SA and its IPsec SAs (RFC 2407, 2408, 2409, with RFC 3947
/// NAT traversal, RFC 3706 dead peer detection and RFC 4754 ECDSA): the sans-I/O state
/// machine behind `IKESession`.
///
/// The exchange steps live in their own files: main mode and aggressive mode for each
/// side, quick mode for each side, and informational exchanges. This file holds the
/// public surface and the dispatcher that routes a received message to its step.
public final class IKEv1Session: IKESession {
    /// The configuration.
    public let configuration: IKEPeerConfiguration
    /// Our role in the ISAKMP SA.
    public let role: IKERole
    /// Always `.v1`.
    public var version: IKEVersion { .v1 }
    /// Every message sent and received so far.
    public internal(set) var transcript: [ExchangeRecord] = []
    /// The ISAKMP SA lifetime both peers ended on, in seconds and kilobytes, once phase 1
    /// is complete (RFC 2407 section 4.6.3.1). `ikeSA.lifetimeSeconds` repeats the seconds.
    public internal(set) var negotiatedIKELifetime: IKELifetime?

    let random: RandomSource
    var state: IKEv1State = .idle
    /// Our current endpoint; moves to port 4500 when NAT traversal starts.
    var localEndpoint: Endpoint
    /// The peer's current endpoint.
    var remoteEndpoint: Endpoint
    /// Our authentication method, which both peers use.
    let method: IKEv1AuthMethod
    /// The family of `method`.
    let family: IKEv1AuthFamily
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
        let checked = IKEv1ConfigurationCheck.check(configuration)
        guard case .success(let method) = checked,
            let family = IKEv1Authentication.family(of: method)
        else {
            var reason = "the authentication method has no IKEv1 form"
            if case .failure(let problem) = checked { reason = problem.text }
            throw NegotiationFailure(
                code: .invalidConfiguration, phase: .ikeSA,
                exchange: configuration.ikev1.mode == .main ? "Main Mode" : "Aggressive Mode",
                notify: nil, refusedBy: role, reportedBy: role, reason: reason)
        }
        self.method = method
        self.family = family
    }

    /// Whether the ISAKMP SA is established.
    public var isEstablished: Bool {
        if case .established = state { return true }
        return false
    }

    /// Whether the session is over.
    public var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    /// Whether a message of ours awaits the peer's answer: a phase 1 message of the
    /// initiator, our quick mode, or our R-U-THERE.
    public var isAwaitingResponse: Bool {
        switch state {
        case .awaitingMainModeSA, .awaitingMainModeResponderKeys, .awaitingMainModeResponderAuth,
            .awaitingAggressiveResponse:
            return true
        case .established(let established):
            return established.pending != nil || established.pendingLiveness != nil
        case .idle, .awaitingMainModeInitiatorKeys, .awaitingMainModeInitiatorAuth,
            .awaitingAggressiveInitiatorAuth, .closed:
            return false
        }
    }

    /// The established ISAKMP SA.
    public var ikeSA: IKESASummary? {
        if case .established(let established) = state { return established.summary }
        return nil
    }

    /// The installed IPsec SA pairs.
    public var childSAs: [ChildSA] {
        if case .established(let established) = state { return established.children }
        return []
    }

    /// Carries out a command. Commands that do not fit the state (`start` on a responder
    /// or twice, anything before phase 1 completes or once closed) are ignored; commands
    /// given while a quick mode of ours is in flight wait their turn.
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
        case .awaitingMainModeSA, .awaitingMainModeInitiatorKeys,
            .awaitingMainModeResponderKeys, .awaitingMainModeInitiatorAuth,
            .awaitingMainModeResponderAuth, .awaitingAggressiveResponse,
            .awaitingAggressiveInitiatorAuth, .closed:
            return []
        }
    }

    /// Processes a received datagram.
    public func receive(_ datagram: Datagram, now: Double) -> [SessionAction] {
        self.now = now
        let message: ISAKMPMessage
        do {
            message = try ISAKMPMessage(decoding: datagram.message)
        } catch {
            return [.discarded(DiscardedMessage(reason: .malformed, detail: "\(error)"))]
        }
        let header = message.header
        switch state {
        case .idle:
            return receiveFirst(message, datagram: datagram)
        case .awaitingMainModeSA(let offer), .awaitingAggressiveResponse(let offer):
            guard header.initiatorCookie == offer.initiatorCookie else {
                return [discard(.unknownSA, header)]
            }
            if header.exchangeType == .informational {
                return receivePhase1Notification(message, datagram: datagram, exchange: nil)
            }
            return offer.mode == .main
                ? handleMainModeSA(message, datagram: datagram, offer: offer)
                : handleAggressiveResponse(message, datagram: datagram, offer: offer)
        case .awaitingMainModeInitiatorKeys(let exchange),
            .awaitingMainModeResponderKeys(let exchange),
            .awaitingMainModeInitiatorAuth(let exchange),
            .awaitingMainModeResponderAuth(let exchange),
            .awaitingAggressiveInitiatorAuth(let exchange):
            return receivePhase1(message, datagram: datagram, exchange: exchange)
        case .established(let established):
            return receiveEstablished(message, datagram: datagram, established: established)
        case .closed:
            return [.discarded(DiscardedMessage(reason: .closed, detail: "the session is closed"))]
        }
    }

    /// The responder's first message: main or aggressive mode, as configured.
    private func receiveFirst(_ message: ISAKMPMessage, datagram: Datagram) -> [SessionAction] {
        let header = message.header
        let expected: ISAKMPExchangeType =
            configuration.ikev1.mode == .main ? .identityProtection : .aggressive
        guard role == .responder, header.exchangeType == expected, header.responderCookie == 0,
            header.initiatorCookie != 0, header.messageID == 0,
            let payloads = message.payloads
        else { return [discard(.unexpectedRequest, header)] }
        return configuration.ikev1.mode == .main
            ? respondMainMode(payloads, datagram: datagram, header: header)
            : respondAggressive(payloads, datagram: datagram, header: header)
    }

    /// A phase 1 message once the transform is agreed: a retransmission gets our last
    /// message again, a notification may end the exchange, anything else goes to the step
    /// the state waits for.
    private func receivePhase1(
        _ message: ISAKMPMessage, datagram: Datagram, exchange: Phase1Exchange
    ) -> [SessionAction] {
        let header = message.header
        if datagram.message == exchange.lastReceived, !exchange.lastSent.isEmpty {
            return [.send(makeDatagram(exchange.lastSent)), discard(.retransmission, header)]
        }
        guard header.initiatorCookie == exchange.initiatorCookie,
            header.responderCookie == exchange.responderCookie
        else { return [discard(.unknownSA, header)] }
        if header.exchangeType == .informational {
            return receivePhase1Notification(message, datagram: datagram, exchange: exchange)
        }
        let phase1Type: ISAKMPExchangeType =
            exchange.mode == .main ? .identityProtection : .aggressive
        guard header.exchangeType == phase1Type, header.messageID == 0 else {
            return [discard(.unexpectedRequest, header)]
        }

        switch state {
        case .awaitingMainModeInitiatorKeys:
            return respondMainModeKeys(message, datagram: datagram, exchange: exchange)
        case .awaitingMainModeResponderKeys:
            return handleMainModeKeys(message, datagram: datagram, exchange: exchange)
        case .awaitingMainModeInitiatorAuth:
            return respondMainModeAuth(message, datagram: datagram, exchange: exchange)
        case .awaitingMainModeResponderAuth:
            return completeMainMode(message, datagram: datagram, exchange: exchange)
        case .awaitingAggressiveInitiatorAuth:
            return completeAggressiveResponder(message, datagram: datagram, exchange: exchange)
        case .idle, .awaitingMainModeSA, .awaitingAggressiveResponse, .established, .closed:
            return [discard(.unexpectedRequest, header)]
        }
    }
}
