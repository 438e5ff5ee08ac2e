import IKECore

/// An IPv4 header (RFC 791 section 3.1).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-------+-------+---------------+-------------------------------+
///     |Version|  IHL  |Type of Service|          Total Length         |
///     +-------+-------+---------------+-----+-------------------------+
///     |         Identification        |Flags|     Fragment Offset     |
///     +---------------+---------------+-----+-------------------------+
///     |  Time to Live |    Protocol   |        Header Checksum        |
///     +---------------+---------------+-------------------------------+
///     |                 Source Address  /  Destination Address        |
///     +---------------------------------------------------------------+
///     |                 Options (IHL - 5 words)                       |
///     +---------------------------------------------------------------+
///
/// Total length and header checksum are not stored: `encode` computes them from the
/// payload length, and `decode` checks them.
public struct IPv4Header: Sendable, Hashable {
    /// Type of service (DSCP and ECN), mutable in transit (RFC 4302 section 3.3.3.1.1.1).
    public var typeOfService: UInt8
    /// The identification of the datagram's fragments.
    public var identification: UInt16
    /// The DF flag.
    public var dontFragment: Bool
    /// The MF flag.
    public var moreFragments: Bool
    /// The fragment offset in 8-octet units (13 bits).
    public var fragmentOffset: UInt16
    /// Time to live.
    public var timeToLive: UInt8
    /// The upper-layer protocol (IANA "Assigned Internet Protocol Numbers").
    public var protocolNumber: UInt8
    /// The source address, an IPv4 address.
    public private(set) var source: IPAddress
    /// The destination address, an IPv4 address.
    public private(set) var destination: IPAddress
    /// Options as sent, a multiple of 4 octets and at most 40.
    public private(set) var options: [UInt8]

    /// A header between two IPv4 addresses; `addressFamilyMismatch` if either is IPv6 and
    /// `malformed` if the options are not whole 32-bit words or exceed 40 octets.
    public init(
        source: IPAddress, destination: IPAddress, protocolNumber: UInt8,
        timeToLive: UInt8 = 64, identification: UInt16 = 0, typeOfService: UInt8 = 0,
        dontFragment: Bool = false, moreFragments: Bool = false, fragmentOffset: UInt16 = 0,
        options: [UInt8] = []
    ) throws(IPsecError) {
        guard source.isIPv4, destination.isIPv4, source.octets.count == 4,
            destination.octets.count == 4
        else {
            throw IPsecError(.addressFamilyMismatch, "an IPv4 header needs two IPv4 addresses")
        }
        guard options.count % 4 == 0, options.count <= 40, fragmentOffset < 0x2000 else {
            throw IPsecError(.malformed, "IPv4 options or fragment offset out of range")
        }
        self.source = source
        self.destination = destination
        self.protocolNumber = protocolNumber
        self.timeToLive = timeToLive
        self.identification = identification
        self.typeOfService = typeOfService
        self.dontFragment = dontFragment
        self.moreFragments = moreFragments
        self.fragmentOffset = fragmentOffset
        self.options = options
    }

    /// The header length in octets (20 plus options).
    public var headerLength: Int { 20 + options.count }

    /// The header's octets for a payload of `payloadLength` octets, with the checksum
    /// computed; `packetTooLarge` beyond 65,535 octets in all.
    public func encode(payloadLength: Int) throws(IPsecError) -> [UInt8] {
        let total = headerLength + payloadLength
        guard payloadLength >= 0, total <= 0xFFFF else {
            throw IPsecError(.packetTooLarge, "an IPv4 packet of \(total) octets")
        }
        var writer = IPsecWriter(capacity: headerLength)
        writer.uint8(0x40 | UInt8(headerLength / 4))
        writer.uint8(typeOfService)
        writer.uint16(UInt16(total))
        writer.uint16(identification)
        let flags: UInt16 = (dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0)
        writer.uint16(flags | (fragmentOffset & 0x1FFF))
        writer.uint8(timeToLive)
        writer.uint8(protocolNumber)
        writer.uint16(0)
        writer.append(source.octets)
        writer.append(destination.octets)
        writer.append(options)
        writer.patch16(InternetChecksum.compute(writer.bytes), at: 10)
        return writer.bytes
    }

    /// Reads the header at the start of `bytes`: the header, its length and the packet's
    /// total length. Checks the version, the lengths against the input and the checksum.
    public static func decode(_ bytes: [UInt8]) throws(IPsecError) -> (
        header: IPv4Header, headerLength: Int, totalLength: Int
    ) {
        let reader = IPsecReader(bytes, "IPv4 header")
        let first = try reader.uint8(at: 0)
        guard first >> 4 == 4 else {
            throw IPsecError(.malformed, "IP version \(first >> 4) where 4 was expected")
        }
        let headerLength = Int(first & 0x0F) * 4
        guard headerLength >= 20 else {
            throw IPsecError(.malformed, "IPv4 header length \(headerLength) is below 20")
        }
        try reader.require(headerLength, at: 0)
        let totalLength = Int(try reader.uint16(at: 2))
        guard totalLength >= headerLength else {
            throw IPsecError(
                .malformed, "IPv4 total length \(totalLength) is below the header length")
        }
        try reader.require(totalLength, at: 0)
        guard InternetChecksum.compute(try reader.slice(0, headerLength)) == 0 else {
            throw IPsecError(.badChecksum, "IPv4 header checksum does not verify")
        }

        let flagsAndOffset = try reader.uint16(at: 6)
        let header = try IPv4Header(
            source: .v4(try reader.slice(12, 4)), destination: .v4(try reader.slice(16, 4)),
            protocolNumber: try reader.uint8(at: 9), timeToLive: try reader.uint8(at: 8),
            identification: try reader.uint16(at: 4), typeOfService: try reader.uint8(at: 1),
            dontFragment: flagsAndOffset & 0x4000 != 0,
            moreFragments: flagsAndOffset & 0x2000 != 0,
            fragmentOffset: flagsAndOffset & 0x1FFF,
            options: try reader.slice(20, headerLength - 20))
        return (header, headerLength, totalLength)
    }
}
