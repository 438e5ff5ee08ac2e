/// IKEv2 Transform Type 2 identifiers (IANA "Transform Type 2 - Pseudorandom Function
/// Transform IDs").
public enum PseudorandomFunction: UInt16, Sendable, Hashable, CaseIterable, Codable {
    /// PRF_HMAC_MD5 (RFC 2104).
    case hmacMD5 = 1
    /// PRF_HMAC_SHA1 (RFC 2104).
    case hmacSHA1 = 2
    /// PRF_HMAC_TIGER.
    case hmacTiger = 3
    /// PRF_AES128_XCBC (RFC 4434).
    case aes128XCBC = 4
    /// PRF_HMAC_SHA2_256 (RFC 4868).
    case hmacSHA256 = 5
    /// PRF_HMAC_SHA2_384 (RFC 4868).
    case hmacSHA384 = 6
    /// PRF_HMAC_SHA2_512 (RFC 4868).
    case hmacSHA512 = 7
    /// PRF_AES128_CMAC (RFC 4615).
    case aes128CMAC = 8

    /// Everything the registry knows about this PRF.
    public var info: PRFInfo { PRFInfo.index[self]! }
}

/// Facts about a PRF: its name, output and preferred key sizes, and strength.
public struct PRFInfo: Sendable, Hashable {
    /// The IANA name, for example `PRF_HMAC_SHA2_256`.
    public let ianaName: String
    /// The hash underneath, for HMAC-based PRFs (`md5`, `sha1`, `sha256`...), else nil.
    public let hash: HashAlgorithm?
    /// Output length in octets.
    public let outputLength: Int
    /// The preferred key length in octets (RFC 7296 section 2.14: for SK_d and SK_p*).
    public let keyLength: Int
    /// Approximate security strength in bits.
    public let securityBits: Int
    /// Whether ikec's engine implements it.
    public let implemented: Bool

    /// `table` indexed by raw value, for the `info` getter.
    static let index = RawValueIndex(table)

    // swift-format-ignore
    static let table: [PseudorandomFunction: PRFInfo] = [
        .hmacMD5: PRFInfo(ianaName: "PRF_HMAC_MD5", hash: .md5, outputLength: 16,
                          keyLength: 16, securityBits: 64, implemented: true),
        .hmacSHA1: PRFInfo(ianaName: "PRF_HMAC_SHA1", hash: .sha1, outputLength: 20,
                           keyLength: 20, securityBits: 80, implemented: true),
        .hmacTiger: PRFInfo(ianaName: "PRF_HMAC_TIGER", hash: nil, outputLength: 24,
                            keyLength: 24, securityBits: 96, implemented: false),
        .aes128XCBC: PRFInfo(ianaName: "PRF_AES128_XCBC", hash: nil, outputLength: 16,
                             keyLength: 16, securityBits: 128, implemented: true),
        .hmacSHA256: PRFInfo(ianaName: "PRF_HMAC_SHA2_256", hash: .sha256, outputLength: 32,
                             keyLength: 32, securityBits: 128, implemented: true),
        .hmacSHA384: PRFInfo(ianaName: "PRF_HMAC_SHA2_384", hash: .sha384, outputLength: 48,
                             keyLength: 48, securityBits: 192, implemented: true),
        .hmacSHA512: PRFInfo(ianaName: "PRF_HMAC_SHA2_512", hash: .sha512, outputLength: 64,
                             keyLength: 64, securityBits: 256, implemented: true),
        .aes128CMAC: PRFInfo(ianaName: "PRF_AES128_CMAC", hash: nil, outputLength: 16,
                             keyLength: 16, securityBits: 128, implemented: true),
    ]
}

/// Hash functions, as IKEv1 names them (the Hash Algorithm attribute, RFC 2409 appendix A)
/// and as HMAC-based PRFs, integrity algorithms and signatures use them.
public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable, Codable {
    /// MD5 (RFC 1321).
    case md5
    /// SHA-1.
    case sha1
    /// SHA-256.
    case sha256
    /// SHA-384.
    case sha384
    /// SHA-512.
    case sha512

    /// Digest length in octets.
    public var digestLength: Int {
        switch self {
        case .md5: return 16
        case .sha1: return 20
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    /// Collision resistance in bits, the figure that matters for signatures.
    public var collisionSecurityBits: Int {
        switch self {
        case .md5: return 18
        case .sha1: return 63
        case .sha256: return 128
        case .sha384: return 192
        case .sha512: return 256
        }
    }
}
