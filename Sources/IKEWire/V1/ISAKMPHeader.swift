// RFC 2408 section 3.1: the ISAKMP header, 28 octets in front of every IKEv1 message.
//
//    0                   1                   2                   3
//   +---------------------------------------------------------------+
//   |                   Initiator Cookie (8)                        |
//   +---------------------------------------------------------------+
//   |                   Responder Cookie (8)                        |
//   +---------------+-------+-------+---------------+---------------+
//   | Next Payload  | MjVer | MnVer | Exchange Type |     Flags     |
//   +---------------+-------+-------+---------------+---------------+
//   |                          Message ID                           |
//   +---------------------------------------------------------------+
//   |            Length (whole message, header included)            |
//   +---------------------------------------------------------------+
//
//   Flags: 0x01 E (Encryption), 0x02 C (Commit), 0x04 A (Authentication Only).

/// The flags octet of the ISAKMP header.
public struct ISAKMPFlags: OptionSet, Hashable, Sendable {
    /// The flags octet.
    public let rawValue: UInt8

    /// Flags from the octet.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// E: everything after the header is encrypted.
    public static let encryption = ISAKMPFlags(rawValue: 0x01)
    /// C: the sender wants the exchange's completion to be confirmed.
    public static let commit = ISAKMPFlags(rawValue: 0x02)
    /// A: the payloads are authenticated but not encrypted.
    public static let authenticationOnly = ISAKMPFlags(rawValue: 0x04)
}

/// The fixed header of an ISAKMP (IKEv1) message.
public struct ISAKMPHeader: Hashable, Sendable {
    /// Octets in the header.
    public static let size = 28

    /// Initiator Cookie (CKY-I).
    public var initiatorCookie: UInt64
    /// Responder Cookie (CKY-R), zero in the first message.
    public var responderCookie: UInt64
    /// The type of the first payload; `ISAKMPMessage.encode()` sets it.
    public var nextPayload: ISAKMPPayloadType
    /// Major version, 1.
    public var majorVersion: UInt8
    /// Minor version, 0.
    public var minorVersion: UInt8
    /// Exchange Type.
    public var exchangeType: ISAKMPExchangeType
    /// Flags.
    public var flags: ISAKMPFlags
    /// Message ID: zero in phase 1, random in quick mode and informational exchanges.
    public var messageID: UInt32
    /// Length of the whole message; `ISAKMPMessage.encode()` sets it.
    public var length: UInt32

    /// A header for a message to send; `nextPayload` and `length` are set on encoding.
    public init(
        initiatorCookie: UInt64, responderCookie: UInt64, exchangeType: ISAKMPExchangeType,
        flags: ISAKMPFlags = [], messageID: UInt32 = 0, nextPayload: ISAKMPPayloadType = .none,
        length: UInt32 = UInt32(ISAKMPHeader.size), majorVersion: UInt8 = 1,
        minorVersion: UInt8 = 0
    ) {
        self.initiatorCookie = initiatorCookie
        self.responderCookie = responderCookie
        self.exchangeType = exchangeType
        self.flags = flags
        self.messageID = messageID
        self.nextPayload = nextPayload
        self.length = length
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
    }

    /// Reads the first 28 octets of `bytes`, whatever the version and length say.
    public init(decoding bytes: [UInt8]) throws(WireError) {
        var reader = ByteReader(bytes)
        try self.init(reading: &reader)
    }

    init(reading reader: inout ByteReader) throws(WireError) {
        guard reader.remaining >= ISAKMPHeader.size,
            let initiator = reader.readUInt64(), let responder = reader.readUInt64(),
            let next = reader.readUInt8(), let version = reader.readUInt8(),
            let exchange = reader.readUInt8(), let flags = reader.readUInt8(),
            let messageID = reader.readUInt32(), let length = reader.readUInt32()
        else {
            throw WireError(
                .truncated, payloadType: nil, offset: reader.position,
                detail: "an ISAKMP header needs \(ISAKMPHeader.size) octets, "
                    + "\(reader.remaining) remain")
        }
        self.init(
            initiatorCookie: initiator, responderCookie: responder,
            exchangeType: ISAKMPExchangeType(rawValue: exchange),
            flags: ISAKMPFlags(rawValue: flags), messageID: messageID,
            nextPayload: ISAKMPPayloadType(rawValue: next), length: length,
            majorVersion: version >> 4, minorVersion: version & 0x0F)
    }

    /// The 28 header octets, as they are.
    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: ISAKMPHeader.size)
        write(to: &writer)
        return writer.bytes
    }

    func write(to writer: inout ByteWriter) {
        writer.write(initiatorCookie)
        writer.write(responderCookie)
        writer.write(nextPayload.rawValue)
        writer.write(majorVersion << 4 | (minorVersion & 0x0F))
        writer.write(exchangeType.rawValue)
        writer.write(flags.rawValue)
        writer.write(messageID)
        writer.write(length)
    }

    /// Overwrites the Length field of an encoded message (octets 24-27). The caller passes
    /// a buffer that starts with a header it encoded.
    public static func patchLength(_ length: UInt32, in message: inout [UInt8]) {
        precondition(message.count >= size, "the buffer must start with an encoded header")
        for step in 0..<4 {
            message[24 + step] = UInt8(truncatingIfNeeded: length >> UInt32(24 - 8 * step))
        }
    }
}
