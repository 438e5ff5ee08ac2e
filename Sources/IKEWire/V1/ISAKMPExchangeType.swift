/// ISAKMP Exchange Types (RFC 2408 section 3.1, RFC 2409, IANA "ISAKMP Exchange
/// Types"). Unknown numbers are kept as they are.
public struct ISAKMPExchangeType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The Exchange Type number.
    public let rawValue: UInt8

    /// An exchange type from its number.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 1: Base.
    public static let base = Self(rawValue: 1)
    /// 2: Identity Protection (Main Mode in RFC 2409).
    public static let identityProtection = Self(rawValue: 2)
    /// 3: Authentication Only.
    public static let authenticationOnly = Self(rawValue: 3)
    /// 4: Aggressive.
    public static let aggressive = Self(rawValue: 4)
    /// 5: Informational.
    public static let informational = Self(rawValue: 5)
    /// 6: Transaction (Mode Config, draft-dukes-ike-mode-cfg).
    public static let transaction = Self(rawValue: 6)
    /// 32: Quick Mode (RFC 2409 section 5.5).
    public static let quickMode = Self(rawValue: 32)
    /// 33: New Group Mode (RFC 2409 section 5.6).
    public static let newGroupMode = Self(rawValue: 33)

    /// The conventional name, or the number as text.
    public var description: String {
        switch rawValue {
        case 1: return "Base"
        case 2: return "Identity Protection (Main Mode)"
        case 3: return "Authentication Only"
        case 4: return "Aggressive"
        case 5: return "Informational"
        case 6: return "Transaction (Config Mode)"
        case 32: return "Quick Mode"
        case 33: return "New Group Mode"
        default: return "\(rawValue)"
        }
    }
}
