// RFC 7296 section 3.14: the Encrypted and Authenticated payload (SK). Its generic
// header's Next Payload names the first payload inside the ciphertext; the body is
// opaque to this layer.
//
//    0                   1                   2                   3
//   +---------------+-+-------------+-------------------------------+
//   | First inner   |C|  RESERVED   |         Payload Length        |
//   +---------------+-+-------------+-------------------------------+
//   ~        Initialization Vector (the cipher's IV length)         ~
//   +---------------------------------------------------------------+
//   ~   ciphertext of: inner payloads, Padding, Pad Length (1)      ~
//   +---------------------------------------------------------------+
//   ~        Integrity Checksum Data (the ICV length)               ~
//   +---------------------------------------------------------------+

/// The SK payload: the first inner payload's type and IV||ciphertext||ICV, as sent.
public struct IKEv2EncryptedPayload: Hashable, Sendable {
    /// The type of the first payload inside the encrypted data (the SK generic header's
    /// Next Payload).
    public var firstInnerPayload: IKEv2PayloadType
    /// Initialization Vector, ciphertext and Integrity Checksum Data together; the engine
    /// splits them by the negotiated algorithms.
    public var body: [UInt8]

    /// An SK payload.
    public init(firstInnerPayload: IKEv2PayloadType, body: [UInt8]) {
        self.firstInnerPayload = firstInnerPayload
        self.body = body
    }

    init(firstInnerPayload: IKEv2PayloadType, body reader: inout ByteReader) {
        self.init(firstInnerPayload: firstInnerPayload, body: reader.readRest())
    }
}
