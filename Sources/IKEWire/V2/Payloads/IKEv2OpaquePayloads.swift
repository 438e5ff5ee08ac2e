// Payloads whose whole body is one opaque field after the generic header:
//
//    0                   1                   2                   3
//   +---------------------------------------------------------------+
//   ~  Nonce Data (RFC 7296 section 3.9), Vendor ID (section 3.12),  ~
//   ~  or an EAP message (section 3.16)                              ~
//   +---------------------------------------------------------------+
//
// The encoder writes the field as it is; the decoder takes every octet of the body.

/// The Nonce payload (Ni, Nr): the nonce data, 16 to 256 octets by RFC 7296 section 2.10
/// (the engine enforces the bounds; the codec carries any length).
public struct IKEv2NoncePayload: Hashable, Sendable {
    /// The nonce.
    public var data: [UInt8]

    /// A Nonce payload.
    public init(data: [UInt8]) { self.data = data }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        data = reader.readRest()
    }
}

/// The Vendor ID payload: an opaque identifier, often a hash of a vendor string.
public struct IKEv2VendorIDPayload: Hashable, Sendable {
    /// The Vendor ID.
    public var data: [UInt8]

    /// A Vendor ID payload.
    public init(data: [UInt8]) { self.data = data }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        data = reader.readRest()
    }
}

/// The EAP payload: one EAP message (RFC 3748), carried opaquely.
public struct IKEv2EAPPayload: Hashable, Sendable {
    /// The EAP message octets (Code, Identifier, Length, Type, data).
    public var message: [UInt8]

    /// An EAP payload.
    public init(message: [UInt8]) { self.message = message }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        message = reader.readRest()
    }
}
