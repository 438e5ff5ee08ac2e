import IKECore

/// The IPv6 fixed header (RFC 8200 section 3).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-------+---------------+---------------------------------------+
///     |Version| Traffic Class |              Flow Label               |
///     +-------+---------------+-------+---------------+---------------+
///     |        Payload Length         |  Next Header  |   Hop Limit   |
///     +-------------------------------+---------------+---------------+
///     |              Source Address (16 octets)                       |
///     +---------------------------------------------------------------+
///     |              Destination Address (16 octets)                  |
///     +---------------------------------------------------------------+
///
/// The payload length is not stored: `encode` computes it and `decode` checks it.
/// Extension headers are not parsed here; `nextHeader` names whatever follows the fixed
/// header.
public struct IPv6Header: Sendable, Hashable {
    /// The fixed header's length in octets.
    public static let length = 40

    /// Traffic class, mutable in transit (RFC 4302 section 3.3.3.1.2.1).
    public var trafficClass: UInt8
    /// Flow label (20 bits), mutable in transit.
    public var flowLabel: UInt32
    /// The header that follows (an extension header or the upper-layer protocol).
    public var nextHeader: UInt8
    /// Hop limit.
    public var hopLimit: UInt8
    /// The source address, an IPv6 address.
    public private(set) var source: IPAddress
    /// The destination address, an IPv6 address.
    public private(set) var destination: IPAddress

    /// A header between two IPv6 addresses; `addressFamilyMismatch` if either is IPv4 and
    /// `malformed` if the flow label exceeds 20 bits.
    public init(
        source: IPAddress, destination: IPAddress, nextHeader: UInt8, hopLimit: UInt8 = 64,
        trafficClass: UInt8 = 0, flowLabel: UInt32 = 0
    ) throws(IPsecError) {
        guard !source.isIPv4, !destination.isIPv4, source.octets.count == 16,
            destination.octets.count == 16
        else {
            throw IPsecError(.addressFamilyMismatch, "an IPv6 header needs two IPv6 addresses")
        }
        guard flowLabel <= 0xF_FFFF else {
            throw IPsecError(.malformed, "an IPv6 flow label has 20 bits")
        }
        self.source = source
        self.destination = destination
        self.nextHeader = nextHeader
        self.hopLimit = hopLimit
        self.trafficClass = trafficClass
        self.flowLabel = flowLabel
    }

    /// The header's octets for a payload of `payloadLength` octets; `packetTooLarge`
    /// beyond 65,535 (jumbograms, RFC 2675, are not produced).
    public func encode(payloadLength: Int) throws(IPsecError) -> [UInt8] {
        guard payloadLength >= 0, payloadLength <= 0xFFFF else {
            throw IPsecError(.packetTooLarge, "an IPv6 payload of \(payloadLength) octets")
        }
        var writer = IPsecWriter(capacity: Self.length)
        writer.uint32(6 << 28 | UInt32(trafficClass) << 20 | flowLabel)
        writer.uint16(UInt16(payloadLength))
        writer.uint8(nextHeader)
        writer.uint8(hopLimit)
        writer.append(source.octets)
        writer.append(destination.octets)
        return writer.bytes
    }

    /// Reads the fixed header at the start of `bytes`: the header and the payload length,
    /// checked against the input.
    public static func decode(_ bytes: [UInt8]) throws(IPsecError) -> (
        header: IPv6Header, payloadLength: Int
    ) {
        let reader = IPsecReader(bytes, "IPv6 header")
        let first = try reader.uint32(at: 0)
        guard first >> 28 == 6 else {
            throw IPsecError(.malformed, "IP version \(first >> 28) where 6 was expected")
        }
        let payloadLength = Int(try reader.uint16(at: 4))
        try reader.require(length + payloadLength, at: 0)
        let header = try IPv6Header(
            source: .v6(try reader.slice(8, 16)), destination: .v6(try reader.slice(24, 16)),
            nextHeader: try reader.uint8(at: 6), hopLimit: try reader.uint8(at: 7),
            trafficClass: UInt8(truncatingIfNeeded: first >> 20),
            flowLabel: first & 0xF_FFFF)
        return (header, payloadLength)
    }
}
