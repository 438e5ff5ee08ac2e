import IKECore

// RFC 7296 section 3.11: the Delete payload.
//
//    0                   1                   2                   3
//   +---------------+---------------+-------------------------------+
//   | Protocol ID   |   SPI Size    |          Num of SPIs          |
//   +---------------+---------------+-------------------------------+
//   ~       Security Parameter Index(es): Num of SPIs x SPI Size     ~
//   +---------------------------------------------------------------+

/// The Delete payload: the SAs of one protocol the sender has deleted.
public struct IKEv2DeletePayload: Hashable, Sendable {
    /// The Protocol ID (1 IKE, 2 AH, 3 ESP).
    public var protocolID: UInt8
    /// The SPI Size: 0 for IKE, 4 for AH and ESP.
    public var spiSize: UInt8
    /// The SPIs, each `spiSize` octets (none for IKE: the SA is the one protecting the
    /// message).
    public var spis: [[UInt8]]

    /// A Delete payload from wire values; each SPI must be `spiSize` octets or encoding
    /// throws `malformedPayload`.
    public init(protocolID: UInt8, spiSize: UInt8, spis: [[UInt8]]) {
        self.protocolID = protocolID
        self.spiSize = spiSize
        self.spis = spis
    }

    /// Deletes the IKE SA protecting the message.
    public static var ikeSA: Self {
        Self(protocolID: SecurityProtocol.ike.rawValue, spiSize: 0, spis: [])
    }

    /// Deletes Child SAs of `protocolID` by their 4-octet inbound SPIs.
    public static func childSAs(_ protocolID: SecurityProtocol, spis: [UInt32]) -> Self {
        let octets = spis.map { spi in
            (0..<4).map { UInt8(truncatingIfNeeded: spi >> UInt32(24 - 8 * $0)) }
        }
        return Self(protocolID: protocolID.rawValue, spiSize: 4, spis: octets)
    }

    /// The protocol, or nil for an unknown number.
    public var securityProtocol: SecurityProtocol? { SecurityProtocol(rawValue: protocolID) }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        protocolID = try reader.field8("Protocol ID", in: type)
        spiSize = try reader.field8("SPI Size", in: type)
        let count = Int(try reader.field16("Num of SPIs", in: type))
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
