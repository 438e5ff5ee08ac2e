// RFC 7296 section 3.5: the IDi and IDr payloads.
//
//    0                   1                   2                   3
//   +---------------+-----------------------------------------------+
//   |   ID Type     |                 RESERVED                      |
//   +---------------+-----------------------------------------------+
//   ~                   Identification Data                         ~
//   +---------------------------------------------------------------+

/// An IDi or IDr payload.
public struct IKEv2IdentificationPayload: Hashable, Sendable {
    /// The ID type and data; `identification.identity` converts to `IKECore.Identity`.
    public var identification: IdentificationData
    /// The 24-bit RESERVED field as received (sent as zero). It is kept because the AUTH
    /// payload signs the ID payload's body exactly as it was sent (RFC 7296 section 2.15).
    public var reserved: UInt32

    /// An ID payload.
    public init(_ identification: IdentificationData, reserved: UInt32 = 0) {
        self.identification = identification
        self.reserved = reserved
    }

    /// The payload body after the generic header: ID Type, RESERVED, data. This is
    /// RestOfInitIDPayload / RestOfRespIDPayload of RFC 7296 section 2.15, whose PRF
    /// (MACedIDForI/R) enters the AUTH computation.
    public var bodyOctets: [UInt8] {
        var writer = ByteWriter(capacity: 4 + identification.data.count)
        write(to: &writer)
        return writer.bytes
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        let idType = try reader.field8("ID Type", in: type)
        let high = try reader.field8("RESERVED", in: type)
        let low = try reader.field16("RESERVED", in: type)
        reserved = UInt32(high) << 16 | UInt32(low)
        identification = IdentificationData(rawType: idType, data: reader.readRest())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(identification.rawType)
        writer.write(UInt8(truncatingIfNeeded: reserved >> 16))
        writer.write(UInt16(truncatingIfNeeded: reserved))
        writer.write(identification.data)
    }
}
