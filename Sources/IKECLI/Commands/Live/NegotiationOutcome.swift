import IKECore
import IKEEngine

/// What one live negotiation achieved: the IKE SA, each Child SA with its echo test, and
/// every failure, as `probe` and `respond` report them.
struct NegotiationOutcome {
    /// The policy's peer entry.
    var peer: String
    /// IKEv1 or IKEv2.
    var version: IKEVersion
    /// Our role.
    var role: IKERole
    /// Our address.
    var local: IPAddress
    /// The peer's address.
    var remote: IPAddress
    /// The IKE SA once established.
    var ikeSA: IKESASummary?
    /// Child SAs, in the order the policy names them, then any the peer added.
    var children: [ChildOutcome]
    /// Failures of the IKE SA or outside any Child SA (Child SA failures sit with them).
    var failures: [NegotiationFailure] = []
    /// Whether the IKE SA was deleted at the end.
    var deleted = false
    /// Echo requests from the peer's side that we answered through a tunnel.
    var answeredEchoes = 0
    /// Whether the policy names Child SAs, so that a negotiation without any is incomplete
    /// (a responder cannot know which of them the initiator will ask for).
    var expectsChildSAs = false

    /// The Child SA entry named `name`, added when missing.
    mutating func child(_ name: String) -> Int {
        if let index = children.firstIndex(where: { $0.name == name }) { return index }
        children.append(ChildOutcome(name: name))
        return children.count - 1
    }

    /// Whether everything asked for worked: the IKE SA, every Child SA and every echo,
    /// and at least one Child SA when the policy names any.
    var succeeded: Bool {
        guard ikeSA != nil, failures.isEmpty else { return false }
        guard !expectsChildSAs || !children.isEmpty else { return false }
        return children.allSatisfy(\.succeeded)
    }
}

/// One Child SA of a live negotiation.
struct ChildOutcome {
    /// The name.
    var name: String
    /// The Child SA once established (the newest, after rekeys).
    var childSA: ChildSA?
    /// Why it failed.
    var failure: NegotiationFailure?
    /// Why the transport cannot carry its packets.
    var tunnelProblem: String?
    /// The echo test through it.
    var echo: EchoOutcome?

    /// Whether it was established and the echo came back.
    var succeeded: Bool {
        childSA != nil && failure == nil && tunnelProblem == nil && echo?.replied == true
    }

    /// Whether nothing more will happen to it: failed, unusable, or echo decided.
    var isResolved: Bool {
        failure != nil || tunnelProblem != nil || (echo?.isFinished ?? false)
    }
}

/// The echo test through one Child SA.
struct EchoOutcome {
    /// The inner source (in our selector); nil when none could be chosen.
    var source: IPAddress?
    /// The inner target (in the peer's selector); nil when none could be chosen.
    var target: IPAddress?
    /// The ICMP identifier of our requests.
    var identifier: UInt16
    /// Requests sent.
    var attempts = 0
    /// When the first request left, on the loop's clock.
    var firstSent: Double = 0
    /// When the last request left.
    var lastSent: Double = 0
    /// Seconds from the request to its reply.
    var roundTrip: Double?
    /// Why no echo could be sent, or none came back.
    var problem: String?

    /// Whether the reply came back.
    var replied: Bool { roundTrip != nil }
    /// Whether the test is over.
    var isFinished: Bool { replied || problem != nil }
}
