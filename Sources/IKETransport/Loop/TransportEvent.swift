import IKECore
import IKEEngine

/// A session the loop drives, named by the loop.
public struct SessionID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number, unique within one loop.
    public let rawValue: Int

    /// `#n`.
    public var description: String { "#\(rawValue)" }

    /// Orders by number, which is the order sessions were added.
    public static func < (lhs: SessionID, rhs: SessionID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// What happened while the loop ran, in order.
public enum TransportEvent: Sendable {
    /// A new initiator reached us and the acceptor gave it a responder session.
    case accepted(SessionID, from: Endpoint)
    /// A session reported something other than a datagram to send: an SA up, rekeyed or
    /// deleted, a failure, a dropped message.
    case action(SessionID, SessionAction)
    /// A packet arrived through the named Child SA and opened: its ICV verified, its
    /// sequence number new.
    case packet(SessionID, childSA: String, IPPacket)
    /// A Child SA is up in the engine but the transport cannot carry its packets.
    case tunnelUnavailable(SessionID, childSA: String, TransportError)
    /// The peer did not answer a request in time (RFC 7296 section 2.1); the loop stops
    /// driving the session.
    case gaveUp(SessionID, NegotiationFailure)
    /// A datagram that no session took, or an ESP packet that did not open.
    case dropped(source: Endpoint, reason: String)
}
