import IKEEngine

// RFC 7296 section 2.1: the initiator of an exchange retransmits its request until the
// response arrives, with timeouts growing exponentially, and gives up after a while,
// treating the peer as gone. The responder never retransmits on its own; it answers a
// repeated request with its stored response (the engine does that). IKEv1 has no such
// rule in RFC 2409; both of its roles retransmit their last message the same way here.

/// When to retransmit a request and when to give up.
public struct RetransmissionPolicy: Sendable, Hashable {
    /// Seconds before the first retransmission.
    public var initialTimeout: Double
    /// Each following timeout is the previous one times this.
    public var backoff: Double
    /// Retransmissions after the first send before giving up.
    public var maximumRetransmissions: Int
    /// Seconds after the first send after which we give up whatever the count says.
    public var giveUpAfter: Double

    /// A policy; the defaults suit a gateway on a network path: 1 s, doubling, five
    /// retransmissions, and no more than 60 s in all.
    public init(
        initialTimeout: Double = 1, backoff: Double = 2, maximumRetransmissions: Int = 5,
        giveUpAfter: Double = 60
    ) {
        self.initialTimeout = initialTimeout
        self.backoff = backoff
        self.maximumRetransmissions = maximumRetransmissions
        self.giveUpAfter = giveUpAfter
    }

    /// The wait after the send numbered `attempt` (0 for the first send).
    public func timeout(afterAttempt attempt: Int) -> Double {
        var value = max(0.001, initialTimeout)
        for _ in 0..<max(0, attempt) { value *= max(1, backoff) }
        return value
    }
}

/// The retransmission state of one session's request in flight.
struct RetransmissionTimer {
    /// The request as sent.
    let request: Datagram
    /// When it was first sent.
    let firstSent: Double
    /// Sends so far, minus one.
    private(set) var attempt = 0
    /// When the next retransmission is due.
    private(set) var deadline: Double

    /// A timer for `request` first sent at `now`.
    init(request: Datagram, now: Double, policy: RetransmissionPolicy) {
        self.request = request
        self.firstSent = now
        self.deadline = now + policy.timeout(afterAttempt: 0)
    }

    /// What to do at `now`.
    enum Decision: Equatable {
        /// Nothing yet.
        case wait
        /// Send the request again.
        case retransmit
        /// Stop: the peer is not answering.
        case giveUp
    }

    /// Decides at `now`, and when it says retransmit, moves to the next attempt.
    mutating func fire(now: Double, policy: RetransmissionPolicy) -> Decision {
        guard now >= deadline else { return .wait }
        guard attempt < policy.maximumRetransmissions,
            now - firstSent < policy.giveUpAfter
        else { return .giveUp }
        attempt += 1
        deadline = min(
            now + policy.timeout(afterAttempt: attempt), firstSent + policy.giveUpAfter)
        return .retransmit
    }
}
