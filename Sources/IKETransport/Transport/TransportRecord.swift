import IKEEngine

/// One datagram as it crossed the wire, for captures: the real endpoints (ports as on the
/// wire) and the exact UDP payload, markers included.
public struct TransportRecord: Sendable, Hashable {
    /// Whether we sent or received it.
    public enum Direction: String, Sendable, Hashable {
        /// We sent it.
        case sent
        /// We received it.
        case received
    }

    /// Sent or received.
    public var direction: Direction
    /// The UDP source, as on the wire.
    public var source: Endpoint
    /// The UDP destination, as on the wire.
    public var destination: Endpoint
    /// The UDP payload.
    public var payload: [UInt8]
    /// When, in microseconds since the Unix epoch.
    public var microsecondsSinceEpoch: UInt64
}
