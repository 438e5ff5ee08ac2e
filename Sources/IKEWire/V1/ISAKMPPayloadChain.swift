// RFC 2408 section 3.2: every payload starts with the generic payload header.
//
//    0                   1                   2                   3
//   +---------------+---------------+-------------------------------+
//   | Next Payload  |   RESERVED    |  Payload Length (header too)  |
//   +---------------+---------------+-------------------------------+
//
// RFC 2409 appendix B and section 5: an encrypted message's plaintext is the payload chain
// followed by padding up to the cipher's block size. RFC 2408 section 3.5 asks for zero
// padding; some implementations instead put the pad length in the last octet. Both are
// accepted after the last payload, and nothing else is.

/// Encoding and decoding of a chain of ISAKMP payloads without the header: the body of a
/// cleartext message, or the decrypted body of an encrypted one.
public enum ISAKMPPayloadChain {
    /// Octets in the generic payload header.
    public static let genericHeaderSize = 4

    /// Encodes `payloads` in order, each with its generic header (the plaintext to pad
    /// and encrypt, or the body of a cleartext message).
    public static func encode(_ payloads: [ISAKMPPayload]) throws(WireError) -> [UInt8] {
        var writer = ByteWriter(capacity: 512)
        try write(payloads, to: &writer)
        return writer.bytes
    }

    /// Decodes a chain that starts with `firstPayload`. With `allowPadding`, the octets
    /// after the last payload must be padding (all zero, or ending in an octet that
    /// counts the padding, with or without itself); without it they are an error.
    public static func decode(
        _ bytes: [UInt8], firstPayload: ISAKMPPayloadType, allowPadding: Bool = false
    ) throws(WireError) -> [ISAKMPPayload] {
        var reader = ByteReader(bytes)
        return try read(from: &reader, firstPayload: firstPayload, allowPadding: allowPadding)
    }

    /// The body octets of each payload of a chain exactly as they appear (after each
    /// generic header), without decoding them. RFC 2409 section 5 computes HASH_I and
    /// HASH_R over SAi_b and IDii_b / IDir_b, the bodies as the initiator sent them;
    /// taking them from the received octets keeps any reserved bits the sender set.
    /// Stops at the last payload; what follows it (padding) is ignored.
    public static func payloadBodies(_ bytes: [UInt8], firstPayload: ISAKMPPayloadType)
        throws(WireError) -> [(type: ISAKMPPayloadType, body: [UInt8])]
    {
        var reader = ByteReader(bytes)
        var bodies: [(type: ISAKMPPayloadType, body: [UInt8])] = []
        var type = firstPayload
        while type != .none {
            let start = reader.position
            guard let next = reader.readUInt8(), reader.readUInt8() != nil,
                let length = reader.readUInt16(), length >= 4,
                let body = reader.readBytes(Int(length) - genericHeaderSize)
            else {
                throw WireError(
                    .truncated, payloadType: type.rawValue, offset: start,
                    detail: "payload runs past the end of the input")
            }
            bodies.append((type, body))
            type = ISAKMPPayloadType(rawValue: next)
        }
        return bodies
    }

    static func read(
        from reader: inout ByteReader, firstPayload: ISAKMPPayloadType, allowPadding: Bool
    ) throws(WireError) -> [ISAKMPPayload] {
        var payloads: [ISAKMPPayload] = []
        payloads.reserveCapacity(12)
        var type = firstPayload
        while type != .none {
            let start = reader.position
            guard let next = reader.readUInt8(), reader.readUInt8() != nil,
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
            payloads.append(try ISAKMPPayload.read(type: type, body: &body))
            try body.expectEnd(of: "payload", in: type.rawValue)
            type = ISAKMPPayloadType(rawValue: next)
        }

        if allowPadding {
            try checkPadding(reader)
        } else if !reader.isAtEnd {
            throw WireError(
                .trailingOctets, payloadType: nil, offset: reader.position,
                detail: "\(reader.remaining) octets after the last payload")
        }
        return payloads
    }

    private static func checkPadding(_ reader: ByteReader) throws(WireError) {
        var padding = reader
        let octets = padding.readRest()
        guard let last = octets.last else { return }
        let allZero = octets.allSatisfy { $0 == 0 }
        let countsItself = Int(last) == octets.count
        let countsOthers = Int(last) == octets.count - 1
        guard allZero || countsItself || countsOthers else {
            throw WireError(
                .invalidPadding, payloadType: nil, offset: reader.position,
                detail: "\(octets.count) octets after the last payload are not padding")
        }
    }

    static func write(_ payloads: [ISAKMPPayload], to writer: inout ByteWriter) throws(WireError) {
        for (index, payload) in payloads.enumerated() {
            let next =
                index == payloads.count - 1 ? ISAKMPPayloadType.none : payloads[index + 1].type
            let start = writer.count
            writer.write(next.rawValue)
            writer.write(UInt8(0))
            writer.write(UInt16(0))
            try payload.write(body: &writer)
            try writer.patchLength16(at: start + 2, from: start, payloadType: payload.type.rawValue)
        }
    }
}
