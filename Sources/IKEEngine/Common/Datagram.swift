/// One IKE message on its way between two endpoints.
///
/// `message` is the IKE message itself. On the NAT traversal port the UDP payload starts
/// with the four-octet non-ESP marker (RFC 3948 section 2.2); `udpPayload` adds it, and a
/// transport strips it before handing a received message to a session.
public struct Datagram: Sendable, Hashable {
    /// The sending endpoint.
    public var source: Endpoint
    /// The receiving endpoint.
    public var destination: Endpoint
    /// The IKE message octets (header first), without any non-ESP marker.
    public var message: [UInt8]

    /// A datagram from its parts.
    public init(source: Endpoint, destination: Endpoint, message: [UInt8]) {
        self.source = source
        self.destination = destination
        self.message = message
    }

    /// Whether the datagram travels on the NAT traversal port and so carries the marker.
    public var usesNATTraversalPort: Bool {
        source.port == Endpoint.natTraversalPort || destination.port == Endpoint.natTraversalPort
    }

    /// The exact UDP payload: the message, preceded by four zero octets on port 4500.
    public var udpPayload: [UInt8] {
        usesNATTraversalPort ? [0, 0, 0, 0] + message : message
    }
}
