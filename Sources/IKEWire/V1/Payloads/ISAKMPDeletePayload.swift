// RFC 2408 section 3.15: the Delete payload.
//
//    0                   1                   2                   3
//   +---------------------------------------------------------------+
//   |              Domain of Interpretation (DOI)                   |
//   +---------------+---------------+-------------------------------+
//   |  Protocol-Id  |   SPI Size    |           # of SPIs           |
//   +---------------+---------------+-------------------------------+
//   ~        Security Parameter Index(es): # of SPIs x SPI Size      ~
//   +---------------------------------------------------------------+

/// The D payload: SAs of one protocol the sender has deleted.
public struct ISAKMPDeletePayload: Hashable, Sendable {
    /// The DOI.
    public var doi: UInt32
    /// The Protocol-Id (1 ISAKMP, 2 AH, 3 ESP).
    public var protocolID: UInt8
    /// The SPI Size: 16 (both cookies) for ISAKMP, 4 for AH and ESP.
    public var spiSize: UInt8
    /// The SPIs, each `spiSize` octets; encoding throws `malformedPayload` otherwise.
    public var spis: [[UInt8]]

    /// A D payload.
    public init(
        doi: UInt32 = ISAKMPSAPayload.ipsecDOI, protocolID: UInt8, spiSize: UInt8,
        spis: [[UInt8]]
    ) {
        self.doi = doi
        self.protocolID = protocolID
        self.spiSize = spiSize
        self.spis = spis
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        doi = try reader.field32("DOI", in: type)
        protocolID = try reader.field8("Protocol-Id", in: type)
        spiSize = try reader.field8("SPI Size", in: type)
        let count = Int(try reader.field16("# of SPIs", in: type))
        guard reader.remaining == count * Int(spiSize) else {
            throw reader.malformed(
                "\(count) SPIs of \(spiSize) octets need \(count * Int(spiSize)), "
                    + "\(reader.remaining) remain", in: type)
        }
        var spis: [[UInt8]] = []
        spis.reserveCapacity(count)
        for _ in 0..<count { spis.append(try reader.fieldBytes(Int(spiSize), "SPI", in: type)) }
        self.spis = spis
    }

    func write(to writer: inout ByteWriter, type: UInt8) throws(WireError) {
        writer.write(doi)
        writer.write(protocolID)
        writer.write(spiSize)
        writer.write(
            try UInt16.field(spis.count, "SPI count", payloadType: type, offset: writer.count))
        for spi in spis {
            guard spi.count == Int(spiSize) else {
                throw WireError(
                    .malformedPayload, payloadType: type, offset: writer.count,
                    detail: "an SPI of \(spi.count) octets in a delete of SPI size \(spiSize)")
            }
            writer.write(spi)
        }
    }
}
