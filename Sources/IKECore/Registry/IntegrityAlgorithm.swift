/// IKEv2 Transform Type 3 identifiers (IANA "Transform Type 3 - Integrity Algorithm
/// Transform IDs"). ESP and AH in IKEv2 use the same numbers.
public enum IntegrityAlgorithm: UInt16, Sendable, Hashable, CaseIterable, Codable {
    /// AUTH_HMAC_MD5_96 (RFC 2403).
    case hmacMD5_96 = 1
    /// AUTH_HMAC_SHA1_96 (RFC 2404).
    case hmacSHA1_96 = 2
    /// AUTH_DES_MAC.
    case desMAC = 3
    /// AUTH_KPDK_MD5 (RFC 1826).
    case kpdkMD5 = 4
    /// AUTH_AES_XCBC_96 (RFC 3566).
    case aesXCBC96 = 5
    /// AUTH_HMAC_MD5_128 (RFC 4595).
    case hmacMD5_128 = 6
    /// AUTH_HMAC_SHA1_160 (RFC 4595).
    case hmacSHA1_160 = 7
    /// AUTH_AES_CMAC_96 (RFC 4494).
    case aesCMAC96 = 8
    /// AUTH_AES_128_GMAC (RFC 4543).
    case aes128GMAC = 9
    /// AUTH_AES_192_GMAC (RFC 4543).
    case aes192GMAC = 10
    /// AUTH_AES_256_GMAC (RFC 4543).
    case aes256GMAC = 11
    /// AUTH_HMAC_SHA2_256_128 (RFC 4868).
    case hmacSHA256_128 = 12
    /// AUTH_HMAC_SHA2_384_192 (RFC 4868).
    case hmacSHA384_192 = 13
    /// AUTH_HMAC_SHA2_512_256 (RFC 4868).
    case hmacSHA512_256 = 14

    /// Everything the registry knows about this algorithm.
    public var info: IntegrityAlgorithmInfo { IntegrityAlgorithmInfo.index[self]! }
}

/// Facts about an integrity algorithm: name, key and ICV sizes, strength.
public struct IntegrityAlgorithmInfo: Sendable, Hashable {
    /// The IANA name, for example `AUTH_HMAC_SHA2_256_128`.
    public let ianaName: String
    /// The hash underneath, for HMAC-based algorithms.
    public let hash: HashAlgorithm?
    /// Key length in octets (RFC 7296 section 2.14: SK_a is this long).
    public let keyLength: Int
    /// Length in octets of the truncated ICV carried in each message.
    public let icvLength: Int
    /// Approximate security strength in bits.
    public let securityBits: Int
    /// Whether ikec's engine implements it.
    public let implemented: Bool

    /// `table` indexed by raw value, for the `info` getter.
    static let index = RawValueIndex(table)

    // swift-format-ignore
    static let table: [IntegrityAlgorithm: IntegrityAlgorithmInfo] = [
        .hmacMD5_96: .init(ianaName: "AUTH_HMAC_MD5_96", hash: .md5, keyLength: 16,
                           icvLength: 12, securityBits: 64, implemented: true),
        .hmacSHA1_96: .init(ianaName: "AUTH_HMAC_SHA1_96", hash: .sha1, keyLength: 20,
                            icvLength: 12, securityBits: 80, implemented: true),
        .desMAC: .init(ianaName: "AUTH_DES_MAC", hash: nil, keyLength: 8, icvLength: 4,
                       securityBits: 32, implemented: false),
        .kpdkMD5: .init(ianaName: "AUTH_KPDK_MD5", hash: .md5, keyLength: 16, icvLength: 16,
                        securityBits: 32, implemented: false),
        .aesXCBC96: .init(ianaName: "AUTH_AES_XCBC_96", hash: nil, keyLength: 16,
                          icvLength: 12, securityBits: 96, implemented: true),
        .hmacMD5_128: .init(ianaName: "AUTH_HMAC_MD5_128", hash: .md5, keyLength: 16,
                            icvLength: 16, securityBits: 64, implemented: true),
        .hmacSHA1_160: .init(ianaName: "AUTH_HMAC_SHA1_160", hash: .sha1, keyLength: 20,
                             icvLength: 20, securityBits: 80, implemented: true),
        .aesCMAC96: .init(ianaName: "AUTH_AES_CMAC_96", hash: nil, keyLength: 16,
                          icvLength: 12, securityBits: 96, implemented: true),
        .aes128GMAC: .init(ianaName: "AUTH_AES_128_GMAC", hash: nil, keyLength: 20,
                           icvLength: 16, securityBits: 128, implemented: true),
        .aes192GMAC: .init(ianaName: "AUTH_AES_192_GMAC", hash: nil, keyLength: 28,
                           icvLength: 16, securityBits: 128, implemented: true),
        .aes256GMAC: .init(ianaName: "AUTH_AES_256_GMAC", hash: nil, keyLength: 36,
                           icvLength: 16, securityBits: 128, implemented: true),
        .hmacSHA256_128: .init(ianaName: "AUTH_HMAC_SHA2_256_128", hash: .sha256,
                               keyLength: 32, icvLength: 16, securityBits: 128,
                               implemented: true),
        .hmacSHA384_192: .init(ianaName: "AUTH_HMAC_SHA2_384_192", hash: .sha384,
                               keyLength: 48, icvLength: 24, securityBits: 192,
                               implemented: true),
        .hmacSHA512_256: .init(ianaName: "AUTH_HMAC_SHA2_512_256", hash: .sha512,
                               keyLength: 64, icvLength: 32, securityBits: 256,
                               implemented: true),
    ]
}
