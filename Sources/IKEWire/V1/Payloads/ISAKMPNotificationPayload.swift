import IKECore

// RFC 2408 section 3.14: the Notification payload.
//
//    0                   1                   2                   3
//   +---------------------------------------------------------------+
//   |              Domain of Interpretation (DOI)                   |
//   +---------------+---------------+-------------------------------+
//   |  Protocol-ID  |   SPI Size    |      Notify Message Type      |
//   +---------------+---------------+-------------------------------+
//   ~                 SPI (SPI Size octets)                         ~
//   +---------------------------------------------------------------+
//   ~                     Notification Data                         ~
//   +---------------------------------------------------------------+

/// The N payload: a DOI, the SA concerned, a type and data.
public struct ISAKMPNotificationPayload: Hashable, Sendable {
    /// The DOI (1: IPsec; 0 is accepted for ISAKMP-level notifications).
    public var doi: UInt32
    /// The Protocol-ID the SPI belongs to (1 ISAKMP, 2 AH, 3 ESP).
    public var protocolID: UInt8
    /// The SPI: the two cookies (16 octets) for ISAKMP, 4 octets for AH/ESP, or empty.
    public var spi: [UInt8]
    /// The Notify Message Type.
    public var type: ISAKMPNotifyType
    /// The Notification Data.
    public var data: [UInt8]

    /// An N payload.
    public init(
        type: ISAKMPNotifyType, doi: UInt32 = ISAKMPSAPayload.ipsecDOI, protocolID: UInt8 = 1,
        spi: [UInt8] = [], data: [UInt8] = []
    ) {
        self.type = type
        self.doi = doi
        self.protocolID = protocolID
        self.spi = spi
        self.data = data
    }

    /// For RESPONDER-LIFETIME (RFC 2407 section 4.6.3.1), the data read as SA attributes
    /// (life type and duration pairs); nil for another type. Throws `malformedPayload`
    /// when the data is not a whole number of attributes.
    public func responderLifetimeAttributes() throws(WireError) -> [DataAttribute]? {
        guard type == .responderLifetime else { return nil }
        var reader = ByteReader(data)
        return try DataAttribute.readAll(
            from: &reader, payloadType: ISAKMPPayloadType.notification.rawValue)
    }

    /// A RESPONDER-LIFETIME notification for the SA with `spi` of `protocolID`.
    public static func responderLifetime(
        protocolID: SecurityProtocol, spi: [UInt8], attributes: [DataAttribute]
    ) throws(WireError) -> Self {
        var writer = ByteWriter(capacity: 16)
        for attribute in attributes {
            try attribute.write(to: &writer, payloadType: ISAKMPPayloadType.notification.rawValue)
        }
        return Self(
            type: .responderLifetime, protocolID: protocolID.rawValue, spi: spi,
            data: writer.bytes)
    }

    /// For R-U-THERE and R-U-THERE-ACK (RFC 3706 section 5), the 32-bit sequence number;
    /// nil for another type or data that is not four octets.
    public var dpdSequenceNumber: UInt32? {
        guard type == .rUThere || type == .rUThereAck, data.count == 4 else { return nil }
        return data.reduce(0) { $0 << 8 | UInt32($1) }
    }

    init(body reader: inout ByteReader, type payloadType: UInt8) throws(WireError) {
        doi = try reader.field32("DOI", in: payloadType)
        protocolID = try reader.field8("Protocol-ID", in: payloadType)
        let spiSize = try reader.field8("SPI Size", in: payloadType)
        type = ISAKMPNotifyType(
            rawValue: try reader.field16("Notify Message Type", in: payloadType))
        spi = try reader.fieldBytes(Int(spiSize), "SPI", in: payloadType)
        data = reader.readRest()
    }

    func write(to writer: inout ByteWriter, type payloadType: UInt8) throws(WireError) {
        writer.write(doi)
        writer.write(protocolID)
        writer.write(
            try UInt8.field(spi.count, "SPI size", payloadType: payloadType, offset: writer.count))
        writer.write(type.rawValue)
        writer.write(spi)
        writer.write(data)
    }
}
