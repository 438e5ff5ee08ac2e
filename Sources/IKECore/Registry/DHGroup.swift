/// IKEv2 Transform Type 4 identifiers, the Diffie-Hellman groups (IANA "Transform Type 4 -
/// Key Exchange Method Transform IDs"). IKEv1's Group Description attribute uses the same
/// numbers for the groups both versions share.
public enum DHGroup: UInt16, Sendable, Hashable, CaseIterable, Codable {
    /// 768-bit MODP group (RFC 2409 section 6.1).
    case modp768 = 1
    /// 1024-bit MODP group (RFC 2409 section 6.2).
    case modp1024 = 2
    /// 1536-bit MODP group (RFC 3526 section 2).
    case modp1536 = 5
    /// 2048-bit MODP group (RFC 3526 section 3).
    case modp2048 = 14
    /// 3072-bit MODP group (RFC 3526 section 4).
    case modp3072 = 15
    /// 4096-bit MODP group (RFC 3526 section 5).
    case modp4096 = 16
    /// 6144-bit MODP group (RFC 3526 section 6).
    case modp6144 = 17
    /// 8192-bit MODP group (RFC 3526 section 7).
    case modp8192 = 18
    /// 256-bit random ECP group, NIST P-256 (RFC 5903).
    case ecp256 = 19
    /// 384-bit random ECP group, NIST P-384 (RFC 5903).
    case ecp384 = 20
    /// 521-bit random ECP group, NIST P-521 (RFC 5903).
    case ecp521 = 21
    /// 1024-bit MODP group with 160-bit prime order subgroup (RFC 5114 section 2.1).
    case modp1024s160 = 22
    /// 2048-bit MODP group with 224-bit prime order subgroup (RFC 5114 section 2.2).
    case modp2048s224 = 23
    /// 2048-bit MODP group with 256-bit prime order subgroup (RFC 5114 section 2.3).
    case modp2048s256 = 24
    /// 192-bit random ECP group, NIST P-192 (RFC 5114 section 2.4).
    case ecp192 = 25
    /// 224-bit random ECP group, NIST P-224 (RFC 5114 section 2.5).
    case ecp224 = 26
    /// brainpoolP224r1 (RFC 6954).
    case brainpool224 = 27
    /// brainpoolP256r1 (RFC 6954).
    case brainpool256 = 28
    /// brainpoolP384r1 (RFC 6954).
    case brainpool384 = 29
    /// brainpoolP512r1 (RFC 6954).
    case brainpool512 = 30
    /// Curve25519 (RFC 8031).
    case curve25519 = 31
    /// Curve448 (RFC 8031).
    case curve448 = 32

    /// Everything the registry knows about this group.
    public var info: DHGroupInfo { DHGroupInfo.index[self]! }
}

/// The family of a Diffie-Hellman group, which decides its public value encoding.
public enum DHGroupKind: String, Sendable, Hashable, Codable {
    /// Finite field (MODP): the public value is g^x mod p, left-padded to the prime's length.
    case modp
    /// Elliptic curve over a prime field: x and y, each padded to the field size (RFC 5903
    /// section 7, no point-format octet).
    case ecp
    /// Montgomery curve (RFC 8031): the little-endian u-coordinate.
    case montgomery
}

/// Facts about a group: its family, public value length and strength.
public struct DHGroupInfo: Sendable, Hashable {
    /// The IANA description, for example `2048-bit MODP Group`.
    public let ianaName: String
    /// The group's family.
    public let kind: DHGroupKind
    /// Length in octets of the public value in a KE payload.
    public let publicValueLength: Int
    /// Length in octets of the shared secret g^ir.
    public let sharedSecretLength: Int
    /// Security strength in bits (NIST SP 800-57 part 1, table 2).
    public let securityBits: Int
    /// Whether ikec's engine implements it.
    public let implemented: Bool

    /// `table` indexed by raw value, for the `info` getter.
    static let index = RawValueIndex(table)

    // swift-format-ignore
    static let table: [DHGroup: DHGroupInfo] = [
        .modp768: modp("768-bit MODP Group", 768, 60),
        .modp1024: modp("1024-bit MODP Group", 1024, 80),
        .modp1536: modp("1536-bit MODP Group", 1536, 96),
        .modp2048: modp("2048-bit MODP Group", 2048, 112),
        .modp3072: modp("3072-bit MODP Group", 3072, 128),
        .modp4096: modp("4096-bit MODP Group", 4096, 152),
        .modp6144: modp("6144-bit MODP Group", 6144, 176),
        .modp8192: modp("8192-bit MODP Group", 8192, 200),
        .ecp256: ecp("256-bit random ECP group", 32, 128),
        .ecp384: ecp("384-bit random ECP group", 48, 192),
        .ecp521: ecp("521-bit random ECP group", 66, 256),
        .modp1024s160: modp("1024-bit MODP Group with 160-bit Prime Order Subgroup", 1024, 80),
        .modp2048s224: modp("2048-bit MODP Group with 224-bit Prime Order Subgroup", 2048, 112),
        .modp2048s256: modp("2048-bit MODP Group with 256-bit Prime Order Subgroup", 2048, 112),
        .ecp192: ecp("192-bit Random ECP Group", 24, 96),
        .ecp224: ecp("224-bit Random ECP Group", 28, 112),
        .brainpool224: ecp("brainpoolP224r1", 28, 112),
        .brainpool256: ecp("brainpoolP256r1", 32, 128),
        .brainpool384: ecp("brainpoolP384r1", 48, 192),
        .brainpool512: ecp("brainpoolP512r1", 64, 256),
        .curve25519: DHGroupInfo(ianaName: "Curve25519", kind: .montgomery,
                                 publicValueLength: 32, sharedSecretLength: 32,
                                 securityBits: 128, implemented: true),
        .curve448: DHGroupInfo(ianaName: "Curve448", kind: .montgomery,
                               publicValueLength: 56, sharedSecretLength: 56,
                               securityBits: 224, implemented: true),
    ]

    private static func modp(_ name: String, _ bits: Int, _ strength: Int) -> DHGroupInfo {
        DHGroupInfo(
            ianaName: name, kind: .modp, publicValueLength: bits / 8,
            sharedSecretLength: bits / 8, securityBits: strength, implemented: true)
    }

    private static func ecp(_ name: String, _ fieldBytes: Int, _ strength: Int) -> DHGroupInfo {
        DHGroupInfo(
            ianaName: name, kind: .ecp, publicValueLength: 2 * fieldBytes,
            sharedSecretLength: fieldBytes, securityBits: strength, implemented: true)
    }
}

/// IKEv2 Transform Type 5 identifiers: Extended Sequence Numbers (RFC 4303 section 2.2.1).
public enum ExtendedSequenceNumbers: UInt16, Sendable, Hashable, CaseIterable, Codable {
    /// No Extended Sequence Numbers: 32-bit sequence numbers.
    case disabled = 0
    /// Extended Sequence Numbers: 64-bit sequence numbers, high half implicit.
    case enabled = 1
}
