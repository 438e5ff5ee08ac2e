/// An ISAKMP (IKEv1) message: the header and either cleartext payloads or, when the
/// header's Encryption flag is set, the encrypted body (RFC 2408 section 3.1, RFC 2409
/// appendix B). The engine decrypts the body and decodes the plaintext with
/// `ISAKMPPayloadChain.decode(_:firstPayload:allowPadding:)`, using the header's
/// `nextPayload` as the first payload type.
public struct ISAKMPMessage: Hashable, Sendable {
    /// What follows the header.
    public enum Body: Hashable, Sendable {
        /// Cleartext payloads.
        case payloads([ISAKMPPayload])
        /// The ciphertext of the payload chain and its padding (the IV is not sent; RFC
        /// 2409 appendix B derives it).
        case encrypted([UInt8])
    }

    /// The header. On encoding, `length` is set, and for cleartext `nextPayload` too; for
    /// an encrypted body the caller sets `nextPayload` to the first plaintext payload's
    /// type and the `.encryption` flag.
    public var header: ISAKMPHeader
    /// The body.
    public var body: Body

    /// A message from its parts.
    public init(header: ISAKMPHeader, body: Body) {
        self.header = header
        self.body = body
    }

    /// A cleartext message.
    public init(header: ISAKMPHeader, payloads: [ISAKMPPayload]) {
        self.init(header: header, body: .payloads(payloads))
    }

    /// Decodes a whole datagram. The major version must be 1 and the header's Length must
    /// equal the datagram's size. With the Encryption flag the rest is kept as
    /// ciphertext; without it, it must be exactly a payload chain.
    public init(decoding datagram: [UInt8]) throws(WireError) {
        var reader = ByteReader(datagram)
        let header = try ISAKMPHeader(reading: &reader)
        guard header.majorVersion == 1 else {
            throw WireError(
                .unsupportedVersion, payloadType: nil, offset: 17,
                detail: "major version \(header.majorVersion), expected 1")
        }
        guard header.length == datagram.count else {
            throw WireError(
                .lengthMismatch, payloadType: nil, offset: 24,
                detail: "header length \(header.length), datagram \(datagram.count) octets")
        }
        if header.flags.contains(.encryption) {
            self.init(header: header, body: .encrypted(reader.readRest()))
        } else {
            let payloads = try ISAKMPPayloadChain.read(
                from: &reader, firstPayload: header.nextPayload, allowPadding: false)
            self.init(header: header, body: .payloads(payloads))
        }
    }

    /// The message's octets with Length (and, for cleartext, Next Payload) filled in.
    public func encode() throws(WireError) -> [UInt8] {
        var writer = ByteWriter(capacity: 1024)
        var header = self.header
        switch body {
        case .payloads(let payloads):
            header.nextPayload = payloads.first?.type ?? .none
            header.write(to: &writer)
            try ISAKMPPayloadChain.write(payloads, to: &writer)
        case .encrypted(let ciphertext):
            header.write(to: &writer)
            writer.write(ciphertext)
        }
        guard let length = UInt32(exactly: writer.count) else {
            throw WireError(
                .valueTooLarge, payloadType: nil, offset: 24,
                detail: "message of \(writer.count) octets does not fit the Length field")
        }
        writer.patch32(at: 24, length)
        return writer.bytes
    }

    /// The cleartext payloads, or nil for an encrypted body.
    public var payloads: [ISAKMPPayload]? {
        if case .payloads(let payloads) = body { return payloads }
        return nil
    }
}
