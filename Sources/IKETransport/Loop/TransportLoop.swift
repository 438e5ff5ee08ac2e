import IKECore
import IKEEngine

/// A poll-based event loop that runs sans-I/O sessions over a `UDPTransport`: it sends
/// what sessions ask to send, hands them what arrives, retransmits requests with backoff
/// and gives up on silent peers (RFC 7296 section 2.1), sends NAT-keepalives (RFC 3948
/// section 2.3), and carries each Child SA's packets as ESP in UDP.
///
/// Single-threaded and synchronous: `poll(timeout:)` waits once and returns what
/// happened. Times are seconds on the loop's clock (monotonic by default), and the same
/// clock is each session's `now`.
public final class TransportLoop {
    /// The sockets.
    public let transport: UDPTransport
    /// When requests are retransmitted.
    public let retransmission: RetransmissionPolicy
    /// Seconds between NAT-keepalives on an encapsulated IKE SA; nil sends none.
    public var keepaliveInterval: Double?
    /// Makes a responder session for a message that opens a new IKE SA (an IKE_SA_INIT
    /// request, an IKEv1 first message); nil ignores it. Without an acceptor the loop only
    /// drives the sessions it was given.
    public var acceptor: ((Datagram) -> (any IKESession)?)?

    let clock: () -> Double
    let random: RandomSource
    var slots: [SessionID: SessionSlot] = [:]
    /// Sessions by the initiator SPIs (cookies) seen on their messages.
    var sessionsByIKESPI: [UInt64: SessionID] = [:]
    /// Sessions by the inbound SPI of their Child SAs.
    var sessionsByESPSPI: [UInt32: SessionID] = [:]
    private var nextID = 1

    /// A loop over `transport`. `random` makes ESP IVs; `clock` defaults to the monotonic
    /// clock.
    public init(
        transport: UDPTransport, random: RandomSource,
        retransmission: RetransmissionPolicy = RetransmissionPolicy(),
        keepaliveInterval: Double? = 20, clock: @escaping () -> Double = SystemClock.monotonic
    ) {
        self.transport = transport
        self.random = random
        self.retransmission = retransmission
        self.keepaliveInterval = keepaliveInterval
        self.clock = clock
    }

    /// The loop's current time.
    public var now: Double { clock() }

    /// The sessions, by identifier.
    public var sessions: [SessionID: any IKESession] {
        slots.mapValues(\.session)
    }

    /// Adds a session (typically an initiator) for the loop to drive.
    public func add(_ session: any IKESession) -> SessionID {
        let id = SessionID(rawValue: nextID)
        nextID += 1
        slots[id] = SessionSlot(session: session)
        return id
    }

    /// Gives `command` to a session and sends what it produces; returns the other
    /// actions as events. `unknownSession` for an identifier the loop does not have.
    public func handle(_ command: SessionCommand, for id: SessionID) throws(TransportError)
        -> [TransportEvent]
    {
        guard let slot = slots[id], !slot.abandoned else {
            throw TransportError(.unknownSession, "no session \(id)")
        }
        let actions = slot.session.handle(command, now: clock())
        return try apply(actions, to: id)
    }

    /// Seals `packet` with the outbound SA of the session's newest Child SA of that name
    /// and sends it in UDP to the peer's NAT-T port. `unknownSession` when there is no
    /// such session or Child SA; `ipsecFailed` when sealing fails.
    public func send(_ packet: IPPacket, through childSA: String, of id: SessionID)
        throws(TransportError)
    {
        guard var slot = slots[id], var tunnel = slot.tunnel(named: childSA),
            let destination = slot.peerNATTraversalEndpoint
        else {
            throw TransportError(.unknownSession, "session \(id) has no Child SA '\(childSA)'")
        }
        let esp = try tunnel.seal(packet, random: random)
        slot.tunnels[tunnel.child.inboundSPI] = tunnel
        slot.lastNATTraversalSend = clock()
        slots[id] = slot
        try transport.sendESP(esp, to: destination)
    }

    /// Waits up to `timeout` seconds (less when a timer is due sooner) for datagrams,
    /// delivers them, fires due timers, and returns what happened. Socket failures throw;
    /// a peer's bad datagram is a `.dropped` event.
    public func poll(timeout: Double) throws(TransportError) -> [TransportEvent] {
        let wait = min(max(0, timeout), max(0, nextTimerDeadline() - clock()))
        var events: [TransportEvent] = []
        for received in try transport.receive(timeout: wait) {
            events += try deliver(received)
        }
        events += try fireTimers()
        return events
    }

    /// Polls until `isDone` returns true for the events so far, or `deadline` (on the
    /// loop's clock) passes; returns every event seen.
    public func run(until deadline: Double, isDone: ([TransportEvent]) -> Bool)
        throws(TransportError) -> [TransportEvent]
    {
        var events: [TransportEvent] = []
        while !isDone(events) {
            let remaining = deadline - clock()
            guard remaining > 0 else { break }
            events += try poll(timeout: remaining)
        }
        return events
    }

    private func deliver(_ received: ReceivedDatagram) throws(TransportError)
        -> [TransportEvent]
    {
        switch received {
        case .ike(let datagram):
            return try deliverIKE(datagram)
        case .esp(let esp):
            return deliverESP(esp)
        case .natKeepalive:
            return []
        case .malformed(let source, let reason):
            return [.dropped(source: source, reason: reason)]
        }
    }

    /// Routes an IKE message: by its initiator SPI, else to a session with the same peer
    /// (a rekeyed IKE SA has new SPIs), else to the acceptor when it opens a new SA.
    private func deliverIKE(_ datagram: Datagram) throws(TransportError) -> [TransportEvent] {
        guard let facts = MessageFacts(datagram.message) else {
            return [.dropped(source: datagram.source, reason: "shorter than an IKE header")]
        }
        var events: [TransportEvent] = []
        let id: SessionID
        if let known = sessionsByIKESPI[facts.initiatorSPI], slots[known]?.abandoned == false {
            id = known
        } else if facts.opensSA {
            guard let session = acceptor?(datagram) else {
                return [.dropped(source: datagram.source, reason: "no policy accepts this peer")]
            }
            id = add(session)
            sessionsByIKESPI[facts.initiatorSPI] = id
            events.append(.accepted(id, from: datagram.source))
        } else if let samePeer = slots.keys.sorted().last(where: { key in
            guard let slot = slots[key] else { return false }
            return !slot.abandoned && !slot.session.isClosed
                && slot.peer?.address == datagram.source.address
        }) {
            id = samePeer
        } else {
            return [
                .dropped(
                    source: datagram.source,
                    reason: "\(facts.exchangeName) message for no known IKE SA")
            ]
        }

        guard var slot = slots[id] else { return events }
        slot.peer = datagram.source
        slots[id] = slot
        let actions = slot.session.receive(datagram, now: clock())
        return events + (try apply(actions, to: id))
    }

    private func deliverESP(_ esp: ESPDatagram) -> [TransportEvent] {
        guard let id = sessionsByESPSPI[esp.spi], var slot = slots[id],
            var tunnel = slot.tunnels[esp.spi]
        else {
            return [.dropped(source: esp.source, reason: "ESP for unknown SPI \(esp.spi)")]
        }
        do {
            let packet = try tunnel.open(esp.packet)
            slot.tunnels[esp.spi] = tunnel
            slots[id] = slot
            return [.packet(id, childSA: tunnel.child.name, packet)]
        } catch {
            return [.dropped(source: esp.source, reason: error.description)]
        }
    }
}
