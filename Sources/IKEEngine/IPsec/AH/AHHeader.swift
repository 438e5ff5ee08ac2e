/// The AH header (RFC 4302 section 2).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +---------------+---------------+-------------------------------+
///     |  Next Header  |  Payload Len  |          RESERVED             |
///     +---------------+---------------+-------------------------------+
///     |                 Security Parameters Index (SPI)               |
///     +---------------------------------------------------------------+
///     |                    Sequence Number Field                      |
///     +---------------------------------------------------------------+
///     |          Integrity Check Value (ICV) and its padding          |
///     +---------------------------------------------------------------+
///
/// Payload Len is the header's length in 32-bit words minus 2 (section 2.2). The ICV field
/// is padded to a multiple of 32 bits over IPv4 and so that the whole header is a
/// multiple of 64 bits over IPv6 (section 2.6).
public struct AHHeader: Sendable, Hashable {
    /// The octets before the ICV field.
    public static let fixedLength = 12

    /// The protocol after the header (4 or 41 in tunnel mode).
    public var nextHeader: UInt8
    /// The SPI.
    public var spi: UInt32
    /// The low-order 32 bits of the sequence number.
    public var sequenceNumber: UInt32
    /// The ICV field, ICV and padding.
    public var icvField: [UInt8]

    /// A header from its parts.
    public init(nextHeader: UInt8, spi: UInt32, sequenceNumber: UInt32, icvField: [UInt8]) {
        self.nextHeader = nextHeader
        self.spi = spi
        self.sequenceNumber = sequenceNumber
        self.icvField = icvField
    }

    /// The length of an ICV field holding `icvLength` octets over IPv4 or IPv6.
    public static func icvFieldLength(icvLength: Int, ipv4: Bool) -> Int {
        let unit = ipv4 ? 4 : 8
        let total = fixedLength + icvLength
        return (total + unit - 1) / unit * unit - fixedLength
    }

    /// The header's octets; the caller keeps `icvField` a multiple of 4 octets, as
    /// `icvFieldLength` makes it.
    public func encode() -> [UInt8] {
        precondition(icvField.count % 4 == 0, "AH ICV fields come from icvFieldLength")
        var writer = IPsecWriter(capacity: Self.fixedLength + icvField.count)
        writer.uint8(nextHeader)
        writer.uint8(UInt8(truncatingIfNeeded: (Self.fixedLength + icvField.count) / 4 - 2))
        writer.uint16(0)
        writer.uint32(spi)
        writer.uint32(sequenceNumber)
        writer.append(icvField)
        return writer.bytes
    }

    /// Reads the header at the start of `bytes` and returns it with its length; the
    /// length must fit the input, and be a multiple of 8 octets over IPv6.
    public static func decode(_ bytes: [UInt8], ipv4: Bool) throws(IPsecError) -> (
        header: AHHeader, length: Int
    ) {
        let reader = IPsecReader(bytes, "AH header")
        let length = (Int(try reader.uint8(at: 1)) + 2) * 4
        guard length >= fixedLength, ipv4 || length % 8 == 0 else {
            throw IPsecError(.malformed, "AH length \(length) is not valid here")
        }
        try reader.require(length, at: 0)
        let header = AHHeader(
            nextHeader: try reader.uint8(at: 0), spi: try reader.uint32(at: 4),
            sequenceNumber: try reader.uint32(at: 8),
            icvField: try reader.slice(fixedLength, length - fixedLength))
        return (header, length)
    }
}
