/// An IKEv2 message: the header and its payloads (RFC 7296 section 3).
///
/// A message with an encrypted part ends with an `.encrypted` (SK) or
/// `.encryptedFragment` (SKF) payload whose body is IV, ciphertext and ICV exactly as
/// sent; the engine decrypts it and decodes the plaintext with
/// `IKEv2PayloadChain.decode(_:firstPayload:)`.
public struct IKEv2Message: Hashable, Sendable {
    /// The header. On encoding, `nextPayload` and `length` are set from the payloads.
    public var header: IKEv2Header
    /// The payloads in order.
    public var payloads: [IKEv2Payload]

    /// A message from its parts.
    public init(header: IKEv2Header, payloads: [IKEv2Payload]) {
        self.header = header
        self.payloads = payloads
    }

    /// Decodes a whole datagram (without any non-ESP marker): the header, then the payload
    /// chain. The major version must be 2 and the header's Length must equal the
    /// datagram's size; every payload must fit and nothing may follow the last one.
    public init(decoding datagram: [UInt8]) throws(WireError) {
        var reader = ByteReader(datagram)
        let header = try IKEv2Header(reading: &reader)
        guard header.majorVersion == 2 else {
            throw WireError(
                .unsupportedVersion, payloadType: nil, offset: 17,
                detail: "major version \(header.majorVersion), expected 2")
        }
        guard header.length == datagram.count else {
            throw WireError(
                .lengthMismatch, payloadType: nil, offset: 24,
                detail: "header length \(header.length), datagram \(datagram.count) octets")
        }
        let payloads = try IKEv2PayloadChain.read(
            from: &reader, firstPayload: header.nextPayload, allowEncrypted: true)
        self.init(header: header, payloads: payloads)
    }

    /// The message's octets, with the header's Next Payload and Length filled in. These
    /// are the exact octets to send, and the ones that AUTH signs for the IKE_SA_INIT
    /// messages (RFC 7296 section 2.15).
    public func encode() throws(WireError) -> [UInt8] {
        var writer = ByteWriter(capacity: 1024)
        var header = self.header
        header.nextPayload = payloads.first?.type ?? .none
        header.write(to: &writer)
        try IKEv2PayloadChain.write(payloads, to: &writer)
        guard let length = UInt32(exactly: writer.count) else {
            throw WireError(
                .valueTooLarge, payloadType: nil, offset: 24,
                detail: "message of \(writer.count) octets does not fit the Length field")
        }
        writer.patch32(at: 24, length)
        return writer.bytes
    }

    /// The SK payload, when the message has one.
    public var encryptedPayload: IKEv2EncryptedPayload? {
        if case .encrypted(let payload) = payloads.last { return payload }
        return nil
    }

    /// The SKF payload, when the message has one.
    public var encryptedFragmentPayload: IKEv2EncryptedFragmentPayload? {
        if case .encryptedFragment(let payload) = payloads.last { return payload }
        return nil
    }

    /// The Notify payloads, in order.
    public var notifications: [IKEv2NotifyPayload] {
        payloads.compactMap { payload in
            if case .notify(let notify) = payload { return notify }
            return nil
        }
    }

    /// The first Notify payload of `type`, if any.
    public func notification(_ type: IKEv2NotifyType) -> IKEv2NotifyPayload? {
        // In place, without the array `notifications` builds: exchanges ask for several.
        for case .notify(let notify) in payloads where notify.type == type { return notify }
        return nil
    }
}

// RFC 7296 section 3.14 and RFC 5282 section 5.1: the integrity check (or the AEAD's
// associated data) covers the message from the first octet of the IKE header up to the
// end of the SK payload's generic header; for SKF (RFC 7383 section 2.5.3) it also covers
// the Fragment Number and Total Fragments fields.
extension IKEv2Message {
    /// The octets that precede IV||ciphertext||ICV in a message to send: the header (with
    /// its final Length), the cleartext payloads, and the SK payload's generic header
    /// naming `firstInnerPayload`. `encryptedBodyLength` is the size of IV, ciphertext
    /// (padding and pad length included) and ICV together. For AEAD this is the
    /// associated data; the message is then these octets followed by the body.
    public static func encryptedPrefix(
        header: IKEv2Header, cleartextPayloads: [IKEv2Payload] = [],
        firstInnerPayload: IKEv2PayloadType, encryptedBodyLength: Int
    ) throws(WireError) -> [UInt8] {
        let skeleton = IKEv2EncryptedPayload(firstInnerPayload: firstInnerPayload, body: [])
        return try prefix(
            header: header, payloads: cleartextPayloads + [.encrypted(skeleton)],
            bodyLength: encryptedBodyLength)
    }

    /// The same for an SKF payload: header, SKF generic header, Fragment Number and Total
    /// Fragments (RFC 7383 section 2.5.3).
    public static func encryptedFragmentPrefix(
        header: IKEv2Header, fragment: IKEv2EncryptedFragmentPayload, encryptedBodyLength: Int
    ) throws(WireError) -> [UInt8] {
        var skeleton = fragment
        skeleton.body = []
        return try prefix(
            header: header, payloads: [.encryptedFragment(skeleton)],
            bodyLength: encryptedBodyLength)
    }

    private static func prefix(header: IKEv2Header, payloads: [IKEv2Payload], bodyLength: Int)
        throws(WireError) -> [UInt8]
    {
        var octets = try IKEv2Message(header: header, payloads: payloads).encode()
        let skStart = try lastPayloadStart(in: octets).start
        // Checked before adding, so an absurd length cannot overflow the sum.
        let fits = bodyLength >= 0 && bodyLength <= Int(UInt16.max)
        let total = octets.count + (fits ? bodyLength : 0)
        guard fits, let skLength = UInt16(exactly: total - skStart),
            let messageLength = UInt32(exactly: total)
        else {
            throw WireError(
                .valueTooLarge, payloadType: IKEv2PayloadType.encrypted.rawValue,
                offset: skStart, detail: "encrypted body of \(bodyLength) octets does not fit")
        }
        octets[skStart + 2] = UInt8(truncatingIfNeeded: skLength >> 8)
        octets[skStart + 3] = UInt8(truncatingIfNeeded: skLength)
        IKEv2Header.patchLength(messageLength, in: &octets)
        return octets
    }

    /// For a received datagram that ends with an SK or SKF payload, the number of
    /// leading octets the ICV (or AEAD tag) authenticates as associated data: through the
    /// SK generic header, or through the SKF Total Fragments field. Checks the header and
    /// walks only the generic payload headers, so it is cheap to call before decoding;
    /// nil when the message has no encrypted payload.
    public static func authenticatedPrefixLength(of datagram: [UInt8]) throws(WireError)
        -> Int?
    {
        var reader = ByteReader(datagram)
        let header = try IKEv2Header(reading: &reader)
        guard header.length == datagram.count else {
            throw WireError(
                .lengthMismatch, payloadType: nil, offset: 24,
                detail: "header length \(header.length), datagram \(datagram.count) octets")
        }
        let (start, type) = try lastPayloadStart(in: datagram)
        switch type {
        case .encrypted: return start + IKEv2PayloadChain.genericHeaderSize
        case .encryptedFragment: return start + IKEv2PayloadChain.genericHeaderSize + 4
        default: return nil
        }
    }

    /// For a decoded message that ends with an SK or SKF payload, the same length: the
    /// datagram minus the opaque body, since decoding checked that the encrypted payload
    /// ends the datagram and the header's Length equals its size.
    public var authenticatedPrefixLength: Int? {
        if let body = encryptedPayload?.body { return Int(header.length) - body.count }
        if let body = encryptedFragmentPayload?.body { return Int(header.length) - body.count }
        return nil
    }

    // The offset and type of the last payload's generic header (an SK or SKF payload ends
    // the walk); for a message without payloads, the end of the header and `.none`.
    private static func lastPayloadStart(in octets: [UInt8]) throws(WireError)
        -> (start: Int, type: IKEv2PayloadType)
    {
        var reader = ByteReader(octets)
        let header = try IKEv2Header(reading: &reader)
        var type = header.nextPayload
        var last = (start: reader.position, type: IKEv2PayloadType.none)
        while type != .none {
            last = (reader.position, type)
            guard let next = reader.readUInt8(), reader.readUInt8() != nil,
                let length = reader.readUInt16(), length >= 4,
                reader.readWindow(Int(length) - 4) != nil
            else {
                throw WireError(
                    .truncated, payloadType: type.rawValue, offset: last.start,
                    detail: "payload runs past the end of the message")
            }
            if type == .encrypted || type == .encryptedFragment { break }
            type = IKEv2PayloadType(rawValue: next)
        }
        return last
    }
}
