// RFC 7296 section 3.2: every payload starts with the generic payload header, and each
// header names the type of the payload after it.
//
//    0                   1                   2                   3
//   +---------------+-+-------------+-------------------------------+
//   | Next Payload  |C|  RESERVED   |  Payload Length (header too)  |
//   +---------------+-+-------------+-------------------------------+
//
// The SK (and SKF) payload is different: its Next Payload names the first payload inside
// the encrypted data, and it is always the last payload of the message (section 3.14).

/// Encoding and decoding of a chain of IKEv2 payloads without the IKE header: the body of
/// a message, or the plaintext inside an SK payload.
public enum IKEv2PayloadChain {
    /// Octets in the generic payload header.
    public static let genericHeaderSize = 4

    /// Encodes `payloads` in order, each with its generic header. The first payload's
    /// type is what the enclosing header or SK payload must name as its Next Payload.
    /// An SK or SKF payload must be last.
    public static func encode(_ payloads: [IKEv2Payload]) throws(WireError) -> [UInt8] {
        var writer = ByteWriter(capacity: 512)
        try write(payloads, to: &writer)
        return writer.bytes
    }

    /// Decodes a chain that starts with a payload of type `firstPayload` and fills
    /// `bytes` exactly. Use this for the decrypted contents of an SK payload (padding
    /// and pad length already removed); SK and SKF are not allowed inside.
    public static func decode(_ bytes: [UInt8], firstPayload: IKEv2PayloadType)
        throws(WireError) -> [IKEv2Payload]
    {
        var reader = ByteReader(bytes)
        return try read(from: &reader, firstPayload: firstPayload, allowEncrypted: false)
    }

    /// Reads payloads until a Next Payload of zero, or until an SK/SKF payload (which must
    /// end the input). Octets left over are `trailingOctets`.
    static func read(
        from reader: inout ByteReader, firstPayload: IKEv2PayloadType, allowEncrypted: Bool
    ) throws(WireError) -> [IKEv2Payload] {
        var payloads: [IKEv2Payload] = []
        payloads.reserveCapacity(12)
        var type = firstPayload
        while type != .none {
            let start = reader.position
            guard let next = reader.readUInt8(), let flags = reader.readUInt8(),
                let length = reader.readUInt16()
            else {
                throw WireError(
                    .truncated, payloadType: type.rawValue, offset: start,
                    detail: "a payload header needs 4 octets, \(reader.remaining) remain")
            }
            guard Int(length) >= genericHeaderSize else {
                throw WireError(
                    .invalidPayloadLength, payloadType: type.rawValue, offset: start,
                    detail: "payload length \(length) is below the 4-octet header")
            }
            guard var body = reader.readWindow(Int(length) - genericHeaderSize) else {
                throw WireError(
                    .truncated, payloadType: type.rawValue, offset: start,
                    detail: "payload length \(length) runs past the end of the input")
            }

            let nextType = IKEv2PayloadType(rawValue: next)
            let critical = flags & 0x80 != 0
            let payload = try IKEv2Payload.read(
                type: type, critical: critical, body: &body, nextPayload: nextType)
            try body.expectEnd(of: "payload", in: type.rawValue)
            payloads.append(payload)

            if type == .encrypted || type == .encryptedFragment {
                guard allowEncrypted else {
                    throw WireError(
                        .misplacedPayload, payloadType: type.rawValue, offset: start,
                        detail: "an encrypted payload inside encrypted data")
                }
                break
            }
            type = nextType
        }
        guard reader.isAtEnd else {
            throw WireError(
                .trailingOctets, payloadType: nil, offset: reader.position,
                detail: "\(reader.remaining) octets after the last payload")
        }
        return payloads
    }

    /// Writes `payloads`, mirroring `read`.
    static func write(_ payloads: [IKEv2Payload], to writer: inout ByteWriter)
        throws(WireError)
    {
        for (index, payload) in payloads.enumerated() {
            let isLast = index == payloads.count - 1
            let next: IKEv2PayloadType
            if let inner = payload.firstInnerPayload {
                guard isLast else {
                    throw WireError(
                        .misplacedPayload, payloadType: payload.type.rawValue,
                        offset: writer.count, detail: "an encrypted payload must be last")
                }
                next = inner
            } else {
                next = isLast ? .none : payloads[index + 1].type
            }

            let start = writer.count
            writer.write(next.rawValue)
            writer.write(payload.isCritical ? UInt8(0x80) : 0)
            writer.write(UInt16(0))
            try payload.write(body: &writer)
            try writer.patchLength16(at: start + 2, from: start, payloadType: payload.type.rawValue)
        }
    }
}
