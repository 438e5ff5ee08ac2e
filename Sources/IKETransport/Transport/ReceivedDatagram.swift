import IKECore
import IKEEngine

/// What arrived on one of the transport's sockets, told apart by port and first octets.
public enum ReceivedDatagram: Sendable, Hashable {
    /// An IKE message, with logical ports and without the non-ESP marker: ready for
    /// `IKESession.receive`.
    case ike(Datagram)
    /// An ESP packet (SPI through ICV) that travelled in UDP on the NAT-T port.
    case esp(ESPDatagram)
    /// A NAT-keepalive from `source` (RFC 3948 section 2.3), to be ignored.
    case natKeepalive(source: Endpoint)
    /// A datagram that is none of these, with the reason.
    case malformed(source: Endpoint, reason: String)
}

/// An ESP packet received in UDP, with the endpoints it travelled between.
public struct ESPDatagram: Sendable, Hashable {
    /// The sender (logical port).
    public var source: Endpoint
    /// Our endpoint it arrived on (logical port).
    public var destination: Endpoint
    /// The ESP packet, SPI first.
    public var packet: [UInt8]

    /// The SPI, from the first four octets.
    public var spi: UInt32 {
        packet.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A datagram from its parts.
    public init(source: Endpoint, destination: Endpoint, packet: [UInt8]) {
        self.source = source
        self.destination = destination
        self.packet = packet
    }
}

// RFC 3948 section 2.2: on the NAT-T port a non-ESP marker (four zero octets) precedes an
// IKE message, a single 0xFF octet is a keepalive, and anything else is ESP (whose SPI is
// never zero). On the IKE port everything is IKE (RFC 7296 section 2; RFC 3947 section 4
// for IKEv1).
enum DatagramDemultiplexer {
    /// Classifies `payload` received on `destination` (logical port) from `source`.
    static func classify(_ payload: [UInt8], source: Endpoint, destination: Endpoint)
        -> ReceivedDatagram
    {
        guard destination.port == Endpoint.natTraversalPort else {
            return .ike(Datagram(source: source, destination: destination, message: payload))
        }
        do {
            switch try UDPEncapsulation.classify(payload) {
            case .ike(let message):
                return .ike(Datagram(source: source, destination: destination, message: message))
            case .esp(let packet):
                return .esp(ESPDatagram(source: source, destination: destination, packet: packet))
            case .natKeepalive:
                return .natKeepalive(source: source)
            }
        } catch {
            return .malformed(source: source, reason: error.description)
        }
    }
}
