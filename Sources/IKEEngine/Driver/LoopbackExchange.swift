import IKECore

/// Runs an initiator and a responder session against each other in memory: every datagram
/// one sends is handed to the other, in order, until both fall idle. This is how
/// `ikec negotiate` and the benchmarks drive the engine.
///
/// Deterministic given the sessions' random sources: the clock is simulated and advances
/// by `timeStep` per delivered datagram.
public final class LoopbackExchange {
    /// One datagram that crossed, with its sender.
    public struct Delivery: Sendable {
        /// Who sent it.
        public var sender: IKERole
        /// The datagram.
        public var datagram: Datagram
    }

    /// What one run produced.
    public struct Outcome: Sendable {
        /// The initiator session's actions during the run.
        public var initiatorActions: [SessionAction]
        /// The responder session's actions during the run.
        public var responderActions: [SessionAction]
        /// Datagrams delivered during the run.
        public var messages: Int
        /// Whether the run stopped at the message limit with datagrams still queued.
        public var hitMessageLimit: Bool

        /// A run with nothing in it yet, with room for the actions of a negotiation so
        /// that the lists are not regrown (and their actions copied) message by message.
        static var empty: Outcome {
            var outcome = Outcome(
                initiatorActions: [], responderActions: [], messages: 0, hitMessageLimit: false)
            outcome.initiatorActions.reserveCapacity(4)
            outcome.responderActions.reserveCapacity(4)
            return outcome
        }

        /// Every failure either session reported in the run, initiator's first.
        public var failures: [NegotiationFailure] {
            (initiatorActions + responderActions).compactMap { action in
                if case .failed(let failure) = action { return failure }
                return nil
            }
        }
    }

    /// The session of the original initiator.
    public let initiator: any IKESession
    /// The session of the original responder.
    public let responder: any IKESession
    /// The simulated clock, in seconds.
    public private(set) var now: Double
    /// How far the clock moves per delivered datagram.
    public var timeStep: Double
    /// Every datagram delivered so far, in order.
    public private(set) var deliveries: [Delivery] = []
    /// The sender's record of every message sent so far, in order.
    public private(set) var transcript: [ExchangeRecord] = []

    private var queue: [(to: IKERole, datagram: Datagram)] = []
    private var queueHead = 0
    private var initiatorRecordCount = 0
    private var responderRecordCount = 0

    /// A loopback between two existing sessions; the clock starts at `startTime`.
    public init(
        initiator: any IKESession, responder: any IKESession, startTime: Double = 0,
        timeStep: Double = 0.001
    ) {
        precondition(
            initiator.role == .initiator && responder.role == .responder,
            "the loopback is given an initiator and a responder session")
        self.initiator = initiator
        self.responder = responder
        self.now = startTime
        self.timeStep = timeStep
        // Room for a first negotiation and then some (IKE_SA_INIT and IKE_AUTH are four
        // messages), so the lists are not regrown message by message.
        deliveries.reserveCapacity(8)
        transcript.reserveCapacity(8)
        queue.reserveCapacity(4)
    }

    /// A loopback between two new sessions made from configurations.
    public convenience init(
        initiator: IKEPeerConfiguration, responder: IKEPeerConfiguration,
        initiatorRandom: RandomSource, responderRandom: RandomSource, startTime: Double = 0
    ) throws(NegotiationFailure) {
        let first = try SessionFactory.makeSession(
            configuration: initiator, role: .initiator, random: initiatorRandom)
        let second = try SessionFactory.makeSession(
            configuration: responder, role: .responder, random: responderRandom)
        self.init(initiator: first, responder: second, startTime: startTime)
    }

    /// Starts the negotiation and runs it until both sessions are idle.
    @discardableResult
    public func negotiate(messageLimit: Int = 1_000) -> Outcome {
        issue(.start, to: .initiator, messageLimit: messageLimit)
    }

    /// Gives `command` to one session, then delivers datagrams until both are idle.
    @discardableResult
    public func issue(_ command: SessionCommand, to role: IKERole, messageLimit: Int = 1_000)
        -> Outcome
    {
        var outcome = Outcome.empty
        let session = role == .initiator ? initiator : responder
        let actions = session.handle(command, now: now)
        collect(actions, from: role, into: &outcome)
        deliverQueued(into: &outcome, limit: messageLimit)
        return outcome
    }

    /// Delivers one datagram to a session as if it had arrived from the other, then runs
    /// until idle: for feeding replayed, altered or forged messages in tests.
    @discardableResult
    public func inject(_ datagram: Datagram, to role: IKERole, messageLimit: Int = 1_000)
        -> Outcome
    {
        var outcome = Outcome.empty
        queue.append((role, datagram))
        deliverQueued(into: &outcome, limit: messageLimit)
        return outcome
    }

    private func deliverQueued(into outcome: inout Outcome, limit: Int) {
        while queueHead < queue.count {
            guard outcome.messages < limit else {
                outcome.hitMessageLimit = true
                return
            }
            let (target, datagram) = queue[queueHead]
            queueHead += 1
            outcome.messages += 1
            now += timeStep
            deliveries.append(Delivery(sender: target.peer, datagram: datagram))
            let session = target == .initiator ? initiator : responder
            collect(session.receive(datagram, now: now), from: target, into: &outcome)
        }
        queue.removeAll(keepingCapacity: true)
        queueHead = 0
    }

    private func collect(
        _ actions: [SessionAction], from role: IKERole, into outcome: inout Outcome
    ) {
        switch role {
        case .initiator: outcome.initiatorActions.append(contentsOf: actions)
        case .responder: outcome.responderActions.append(contentsOf: actions)
        }
        for action in actions {
            if case .send(let datagram) = action { queue.append((role.peer, datagram)) }
        }
        collectRecords(from: role)
    }

    /// Appends the records of messages `role` sent since the last look.
    private func collectRecords(from role: IKERole) {
        let session = role == .initiator ? initiator : responder
        let records = session.transcript
        let seen = role == .initiator ? initiatorRecordCount : responderRecordCount
        guard records.count > seen else { return }
        for record in records[seen...] where record.sentByRecorder {
            transcript.append(record)
        }
        switch role {
        case .initiator: initiatorRecordCount = records.count
        case .responder: responderRecordCount = records.count
        }
    }
}
