import IKECore

// RFC 7296 section 3.10: the Notify payload.
//
//    0                   1                   2                   3
//   +---------------+---------------+-------------------------------+
//   |  Protocol ID  |   SPI Size    |      Notify Message Type      |
//   +---------------+---------------+-------------------------------+
//   ~                SPI (SPI Size octets, often none)              ~
//   +---------------------------------------------------------------+
//   ~                       Notification Data                       ~
//   +---------------------------------------------------------------+

/// The Notify payload: a type, the SA it concerns (if any) and type-specific data.
public struct IKEv2NotifyPayload: Hashable, Sendable {
    /// The Protocol ID the SPI belongs to (0 when there is no SPI, 1 IKE, 2 AH, 3 ESP).
    public var protocolID: UInt8
    /// The SPI, or empty.
    public var spi: [UInt8]
    /// The Notify Message Type.
    public var type: IKEv2NotifyType
    /// The Notification Data.
    public var data: [UInt8]

    /// A Notify payload.
    public init(type: IKEv2NotifyType, protocolID: UInt8 = 0, spi: [UInt8] = [], data: [UInt8] = [])
    {
        self.type = type
        self.protocolID = protocolID
        self.spi = spi
        self.data = data
    }

    init(body reader: inout ByteReader, type payloadType: UInt8) throws(WireError) {
        protocolID = try reader.field8("Protocol ID", in: payloadType)
        let spiSize = try reader.field8("SPI Size", in: payloadType)
        type = IKEv2NotifyType(rawValue: try reader.field16("Notify Message Type", in: payloadType))
        spi = try reader.fieldBytes(Int(spiSize), "SPI", in: payloadType)
        data = reader.readRest()
    }

    func write(to writer: inout ByteWriter, type payloadType: UInt8) throws(WireError) {
        writer.write(protocolID)
        writer.write(
            try UInt8.field(spi.count, "SPI size", payloadType: payloadType, offset: writer.count))
        writer.write(type.rawValue)
        writer.write(spi)
        writer.write(data)
    }
}

// Typed data of the notifications the engine reads and writes.
extension IKEv2NotifyPayload {
    /// SIGNATURE_HASH_ALGORITHMS listing `algorithms` (RFC 7427 section 4).
    public static func signatureHashAlgorithms(_ algorithms: [IKEv2HashAlgorithm]) -> Self {
        var writer = ByteWriter(capacity: 2 * algorithms.count)
        for algorithm in algorithms { writer.write(algorithm.rawValue) }
        return Self(type: .signatureHashAlgorithms, data: writer.bytes)
    }

    /// For SIGNATURE_HASH_ALGORITHMS, the listed identifiers; nil for another type or data
    /// of odd length.
    public var signatureHashAlgorithms: [IKEv2HashAlgorithm]? {
        guard type == .signatureHashAlgorithms, data.count % 2 == 0 else { return nil }
        return stride(from: 0, to: data.count, by: 2).map {
            IKEv2HashAlgorithm(rawValue: UInt16(data[$0]) << 8 | UInt16(data[$0 + 1]))
        }
    }

    /// INVALID_KE_PAYLOAD naming the group the responder accepts (RFC 7296 section 1.3).
    public static func invalidKEPayload(acceptedGroupNumber group: UInt16) -> Self {
        Self(
            type: .invalidKEPayload,
            data: [UInt8(truncatingIfNeeded: group >> 8), UInt8(truncatingIfNeeded: group)])
    }

    /// For INVALID_KE_PAYLOAD, the accepted group's number; nil for another type or data
    /// that is not exactly two octets.
    public var acceptedGroupNumber: UInt16? {
        guard type == .invalidKEPayload, data.count == 2 else { return nil }
        return UInt16(data[0]) << 8 | UInt16(data[1])
    }

    /// UNSUPPORTED_CRITICAL_PAYLOAD naming the payload type not understood.
    public static func unsupportedCriticalPayload(_ payloadType: IKEv2PayloadType) -> Self {
        Self(type: .unsupportedCriticalPayload, data: [payloadType.rawValue])
    }

    /// REKEY_SA for the Child SA with `spi` of `protocolID` (RFC 7296 section 1.3.3).
    public static func rekeySA(protocolID: SecurityProtocol, spi: [UInt8]) -> Self {
        Self(type: .rekeySA, protocolID: protocolID.rawValue, spi: spi)
    }

    /// The protocol of the SPI, or nil for none or an unknown number.
    public var securityProtocol: SecurityProtocol? { SecurityProtocol(rawValue: protocolID) }
}
