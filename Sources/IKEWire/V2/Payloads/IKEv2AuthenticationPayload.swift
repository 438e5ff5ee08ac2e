import IKECore

// RFC 7296 section 3.8: the AUTH payload.
//
//    0                   1                   2                   3
//   +---------------+-----------------------------------------------+
//   | Auth Method   |                RESERVED                       |
//   +---------------+-----------------------------------------------+
//   ~                      Authentication Data                      ~
//   +---------------------------------------------------------------+
//
// RFC 7427 section 3: with method 14 (Digital Signature) the data begins with the
// AlgorithmIdentifier, prefixed by its length in one octet.
//
//   +---------------+-----------------------------------------------+
//   | ASN.1 Length  | AlgorithmIdentifier (DER, ASN.1 Length octets)~
//   +---------------+-----------------------------------------------+
//   ~                         Signature Value                       ~
//   +---------------------------------------------------------------+

/// The AUTH payload: an authentication method and its data.
public struct IKEv2AuthenticationPayload: Hashable, Sendable {
    /// The Auth Method number; see `method`.
    public var methodNumber: UInt8
    /// The Authentication Data: a MAC, a signature, or (method 14) an
    /// `IKEv2DigitalSignature`'s encoding.
    public var data: [UInt8]

    /// An AUTH payload from wire values.
    public init(methodNumber: UInt8, data: [UInt8]) {
        self.methodNumber = methodNumber
        self.data = data
    }

    /// An AUTH payload for a known method.
    public init(method: IKEv2AuthMethod, data: [UInt8]) {
        self.init(methodNumber: method.rawValue, data: data)
    }

    /// The method, or nil for a number IKECore does not know.
    public var method: IKEv2AuthMethod? { IKEv2AuthMethod(rawValue: methodNumber) }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        methodNumber = try reader.field8("Auth Method", in: type)
        _ = try reader.fieldBytes(3, "RESERVED", in: type)
        data = reader.readRest()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(methodNumber)
        writer.writeZeros(3)
        writer.write(data)
    }
}

/// The Authentication Data of method 14, Digital Signature (RFC 7427 section 3): the
/// signature algorithm's AlgorithmIdentifier (DER) and the signature value.
public struct IKEv2DigitalSignature: Hashable, Sendable {
    /// The DER-encoded AlgorithmIdentifier, at most 255 octets.
    public var algorithmIdentifier: [UInt8]
    /// The signature value.
    public var signature: [UInt8]

    /// A digital signature from its parts.
    public init(algorithmIdentifier: [UInt8], signature: [UInt8]) {
        self.algorithmIdentifier = algorithmIdentifier
        self.signature = signature
    }

    /// Splits AUTH data of method 14; `malformedPayload` when the length octet is missing
    /// or points past the end.
    public init(authenticationData data: [UInt8]) throws(WireError) {
        var reader = ByteReader(data)
        let type = IKEv2PayloadType.authentication.rawValue
        let length = try reader.field8("ASN.1 Length", in: type)
        algorithmIdentifier = try reader.fieldBytes(Int(length), "AlgorithmIdentifier", in: type)
        signature = reader.readRest()
    }

    /// The AUTH data: length octet, AlgorithmIdentifier, signature. Throws
    /// `valueTooLarge` when the AlgorithmIdentifier exceeds 255 octets.
    public func authenticationData() throws(WireError) -> [UInt8] {
        var writer = ByteWriter(capacity: 1 + algorithmIdentifier.count + signature.count)
        writer.write(
            try UInt8.field(
                algorithmIdentifier.count, "AlgorithmIdentifier length",
                payloadType: IKEv2PayloadType.authentication.rawValue, offset: 0))
        writer.write(algorithmIdentifier)
        writer.write(signature)
        return writer.bytes
    }
}
