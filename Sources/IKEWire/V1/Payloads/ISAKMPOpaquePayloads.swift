// Payloads whose whole body is one opaque field after the generic header:
//
//    0                   1                   2                   3
//   +---------------------------------------------------------------+
//   ~  Key Exchange Data (RFC 2408 section 3.7), Hash Data (3.11),   ~
//   ~  Signature Data (3.12), Nonce Data (3.13), Vendor ID (3.16),   ~
//   ~  or a NAT-D hash (RFC 3947 section 3.2)                        ~
//   +---------------------------------------------------------------+
//
// The encoder writes the field as it is; the decoder takes every octet of the body.

/// The KE payload: the public value (the group is the negotiated one; IKEv1 does not name
/// it here).
public struct ISAKMPKeyExchangePayload: Hashable, Sendable {
    /// The Key Exchange Data.
    public var data: [UInt8]
    /// A KE payload.
    public init(data: [UInt8]) { self.data = data }
}

/// The HASH payload: HASH_I, HASH_R, or a quick mode / informational HASH(n).
public struct ISAKMPHashPayload: Hashable, Sendable {
    /// The Hash Data.
    public var data: [UInt8]
    /// A HASH payload.
    public init(data: [UInt8]) { self.data = data }
}

/// The SIG payload: SIG_I or SIG_R.
public struct ISAKMPSignaturePayload: Hashable, Sendable {
    /// The Signature Data.
    public var data: [UInt8]
    /// A SIG payload.
    public init(data: [UInt8]) { self.data = data }
}

/// The NONCE payload: Ni or Nr (8 to 256 octets by RFC 2409 section 5; the engine checks).
public struct ISAKMPNoncePayload: Hashable, Sendable {
    /// The Nonce Data.
    public var data: [UInt8]
    /// A NONCE payload.
    public init(data: [UInt8]) { self.data = data }
}

/// The VID payload: a vendor or capability identifier (NAT-T, DPD, XAUTH...).
public struct ISAKMPVendorIDPayload: Hashable, Sendable {
    /// The Vendor ID.
    public var data: [UInt8]
    /// A VID payload.
    public init(data: [UInt8]) { self.data = data }
}

/// The NAT-D payload: HASH(CKY-I | CKY-R | IP | Port) (RFC 3947 section 3.2).
public struct ISAKMPNATDiscoveryPayload: Hashable, Sendable {
    /// The hash.
    public var hash: [UInt8]
    /// Whether the payload is numbered 130, as the pre-RFC drafts did, instead of 20.
    public var usesDraftNumber: Bool

    /// A NAT-D payload.
    public init(hash: [UInt8], usesDraftNumber: Bool = false) {
        self.hash = hash
        self.usesDraftNumber = usesDraftNumber
    }
}
