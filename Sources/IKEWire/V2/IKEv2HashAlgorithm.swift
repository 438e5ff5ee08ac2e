import IKECore

/// IKEv2 Hash Algorithm Identifiers of the SIGNATURE_HASH_ALGORITHMS notification
/// (RFC 7427 section 4, IANA "IKEv2 Hash Algorithms"). Unknown numbers are kept.
public struct IKEv2HashAlgorithm: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The Hash Algorithm Identifier.
    public let rawValue: UInt16

    /// An identifier from its number.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 1: SHA1.
    public static let sha1 = Self(rawValue: 1)
    /// 2: SHA2-256.
    public static let sha256 = Self(rawValue: 2)
    /// 3: SHA2-384.
    public static let sha384 = Self(rawValue: 3)
    /// 4: SHA2-512.
    public static let sha512 = Self(rawValue: 4)
    /// 5: Identity (RFC 8420: the message itself is signed, as with Ed25519).
    public static let identity = Self(rawValue: 5)

    /// The identifier for an IKECore hash; nil for MD5, which has none.
    public init?(_ hash: HashAlgorithm) {
        switch hash {
        case .md5: return nil
        case .sha1: self = .sha1
        case .sha256: self = .sha256
        case .sha384: self = .sha384
        case .sha512: self = .sha512
        }
    }

    /// The IKECore hash; nil for Identity and unknown numbers.
    public var hashAlgorithm: HashAlgorithm? {
        switch rawValue {
        case 1: return .sha1
        case 2: return .sha256
        case 3: return .sha384
        case 4: return .sha512
        default: return nil
        }
    }

    /// The IANA name, or the number as text.
    public var description: String {
        switch rawValue {
        case 1: return "SHA1"
        case 2: return "SHA2-256"
        case 3: return "SHA2-384"
        case 4: return "SHA2-512"
        case 5: return "Identity"
        default: return "\(rawValue)"
        }
    }
}
