// RFC 7296 section 3.1: the IKE header, 28 octets in front of every message.
//
//    0                   1                   2                   3
//   +---------------------------------------------------------------+
//   |                  IKE SA Initiator's SPI (8)                   |
//   +---------------------------------------------------------------+
//   |                  IKE SA Responder's SPI (8)                   |
//   +---------------+-------+-------+---------------+---------------+
//   | Next Payload  | MjVer | MnVer | Exchange Type |  Flags        |
//   +---------------+-------+-------+---------------+---------------+
//   |                          Message ID                           |
//   +---------------------------------------------------------------+
//   |            Length (whole message, header included)            |
//   +---------------------------------------------------------------+
//
//   Flags: bit 0x20 R (Response), 0x10 V (Version), 0x08 I (Initiator); others reserved.

/// The flags octet of the IKEv2 header.
public struct IKEv2Flags: OptionSet, Hashable, Sendable {
    /// The flags octet.
    public let rawValue: UInt8

    /// Flags from the octet.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// I: set by the original initiator of the IKE SA.
    public static let initiator = IKEv2Flags(rawValue: 0x08)
    /// V: the sender can speak a higher major version.
    public static let version = IKEv2Flags(rawValue: 0x10)
    /// R: this message is a response.
    public static let response = IKEv2Flags(rawValue: 0x20)
}

/// The fixed header of an IKEv2 message.
public struct IKEv2Header: Hashable, Sendable {
    /// Octets in the header.
    public static let size = 28

    /// IKE SA Initiator's SPI.
    public var initiatorSPI: UInt64
    /// IKE SA Responder's SPI (zero in an IKE_SA_INIT request).
    public var responderSPI: UInt64
    /// The type of the first payload; `IKEv2Message.encode()` sets it.
    public var nextPayload: IKEv2PayloadType
    /// Major version, 2 for IKEv2.
    public var majorVersion: UInt8
    /// Minor version, 0 for RFC 7296.
    public var minorVersion: UInt8
    /// Exchange Type.
    public var exchangeType: IKEv2ExchangeType
    /// Flags.
    public var flags: IKEv2Flags
    /// Message ID.
    public var messageID: UInt32
    /// Length of the whole message in octets; `IKEv2Message.encode()` sets it.
    public var length: UInt32

    /// A header for a message to send; `nextPayload` and `length` are filled in on encoding.
    public init(
        initiatorSPI: UInt64, responderSPI: UInt64, exchangeType: IKEv2ExchangeType,
        flags: IKEv2Flags, messageID: UInt32, nextPayload: IKEv2PayloadType = .none,
        length: UInt32 = UInt32(IKEv2Header.size), majorVersion: UInt8 = 2,
        minorVersion: UInt8 = 0
    ) {
        self.initiatorSPI = initiatorSPI
        self.responderSPI = responderSPI
        self.exchangeType = exchangeType
        self.flags = flags
        self.messageID = messageID
        self.nextPayload = nextPayload
        self.length = length
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
    }

    /// Reads the first 28 octets of `bytes`, whatever the version and length say, so a
    /// responder can answer a message it cannot otherwise decode (INVALID_MAJOR_VERSION,
    /// RFC 7296 section 2.5). `IKEv2Message(decoding:)` checks version and length.
    public init(decoding bytes: [UInt8]) throws(WireError) {
        var reader = ByteReader(bytes)
        try self.init(reading: &reader)
    }

    init(reading reader: inout ByteReader) throws(WireError) {
        guard reader.remaining >= IKEv2Header.size,
            let initiatorSPI = reader.readUInt64(), let responderSPI = reader.readUInt64(),
            let next = reader.readUInt8(), let version = reader.readUInt8(),
            let exchange = reader.readUInt8(), let flags = reader.readUInt8(),
            let messageID = reader.readUInt32(), let length = reader.readUInt32()
        else {
            throw WireError(
                .truncated, payloadType: nil, offset: reader.position,
                detail: "an IKE header needs \(IKEv2Header.size) octets, \(reader.remaining) remain"
            )
        }
        self.init(
            initiatorSPI: initiatorSPI, responderSPI: responderSPI,
            exchangeType: IKEv2ExchangeType(rawValue: exchange), flags: IKEv2Flags(rawValue: flags),
            messageID: messageID, nextPayload: IKEv2PayloadType(rawValue: next), length: length,
            majorVersion: version >> 4, minorVersion: version & 0x0F)
    }

    /// The 28 header octets, as they are (`nextPayload` and `length` unchanged).
    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: IKEv2Header.size)
        write(to: &writer)
        return writer.bytes
    }

    func write(to writer: inout ByteWriter) {
        writer.write(initiatorSPI)
        writer.write(responderSPI)
        writer.write(nextPayload.rawValue)
        writer.write(majorVersion << 4 | (minorVersion & 0x0F))
        writer.write(exchangeType.rawValue)
        writer.write(flags.rawValue)
        writer.write(messageID)
        writer.write(length)
    }

    /// Overwrites the Length field (octets 24-27) of an encoded message with `length`;
    /// used after the encrypted payload's final size is known. The caller passes a buffer
    /// that starts with a header it encoded.
    public static func patchLength(_ length: UInt32, in message: inout [UInt8]) {
        precondition(message.count >= size, "the buffer must start with an encoded IKE header")
        for step in 0..<4 {
            message[24 + step] = UInt8(truncatingIfNeeded: length >> UInt32(24 - 8 * step))
        }
    }
}
