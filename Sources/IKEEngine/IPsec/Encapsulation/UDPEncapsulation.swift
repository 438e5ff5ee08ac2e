/// UDP encapsulation of ESP and IKE on one port (RFC 3948), used when a NAT sits between
/// the peers (or, as with strongSwan's kernel-libipsec, when one pretends it does).
///
/// On port 4500 a UDP payload is one of three things, told apart by its first octets
/// (RFC 3948 section 2.2):
///
///     NAT-keepalive:   +------+
///                      | 0xFF |                          (exactly one octet)
///                      +------+
///     IKE:             +-----------------------+------------------------+
///                      | Non-ESP Marker (0000) | IKE header ...         |
///                      +-----------------------+------------------------+
///     ESP:             +-----------------------+------------------------+
///                      | SPI (never zero)      | Sequence Number, ...   |
///                      +-----------------------+------------------------+
public struct UDPEncapsulation: Sendable, Hashable {
    /// The NAT-T port (RFC 3948 section 2.1).
    public static let natTraversalPort: UInt16 = 4500
    /// The four zero octets that precede an IKE message on the NAT-T port.
    public static let nonESPMarker: [UInt8] = [0, 0, 0, 0]
    /// The one-octet NAT-keepalive payload (RFC 3948 section 2.3).
    public static let natKeepalive: [UInt8] = [0xFF]

    /// The source port of encapsulated packets.
    public var sourcePort: UInt16
    /// The destination port of encapsulated packets.
    public var destinationPort: UInt16

    /// Encapsulation between two ports, 4500 on both sides unless a NAT changed them.
    public init(sourcePort: UInt16 = 4500, destinationPort: UInt16 = 4500) {
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
    }

    /// What a UDP payload on the NAT-T port holds.
    public enum Content: Sendable, Hashable {
        /// An IKE message, the non-ESP marker removed.
        case ike([UInt8])
        /// An ESP packet, SPI first.
        case esp([UInt8])
        /// A NAT-keepalive, to be ignored.
        case natKeepalive
    }

    /// The UDP payload carrying the IKE message `message` on the NAT-T port: the non-ESP
    /// marker, then the message.
    public static func frameIKE(_ message: [UInt8]) -> [UInt8] {
        nonESPMarker + message
    }

    /// The UDP payload carrying the ESP packet `packet`: the packet itself, whose SPI is
    /// never zero and so never looks like the marker. `malformed` for a packet shorter
    /// than the ESP header or with a zero SPI.
    public static func frameESP(_ packet: [UInt8]) throws(IPsecError) -> [UInt8] {
        guard packet.count >= 8, packet[0..<4] != nonESPMarker[...] else {
            throw IPsecError(.malformed, "an ESP packet needs 8 header octets and an SPI")
        }
        return packet
    }

    /// Tells the three kinds of NAT-T payload apart (RFC 3948 section 2.2).
    ///
    /// `malformed` for an empty payload, a short one that is not a keepalive, a marker
    /// without an IKE header after it, or an ESP packet shorter than its header.
    public static func classify(_ udpPayload: [UInt8]) throws(IPsecError) -> Content {
        if udpPayload == natKeepalive { return .natKeepalive }
        guard udpPayload.count >= 8 else {
            throw IPsecError(
                .malformed,
                "a \(udpPayload.count)-octet NAT-T payload is neither keepalive, IKE nor ESP")
        }
        if udpPayload[0..<4] == nonESPMarker[...] {
            // An IKE header is 28 octets (RFC 7296 section 3.1, RFC 2408 section 3.1).
            guard udpPayload.count >= 4 + 28 else {
                throw IPsecError(.malformed, "a non-ESP marker without an IKE header")
            }
            return .ike(Array(udpPayload[4...]))
        }
        return .esp(udpPayload)
    }
}
