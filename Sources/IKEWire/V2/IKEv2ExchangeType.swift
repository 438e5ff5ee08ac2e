/// IKEv2 Exchange Type numbers (RFC 7296 section 3.1, IANA "IKEv2 Exchange Types").
/// Unknown numbers are kept as they are.
public struct IKEv2ExchangeType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The Exchange Type number.
    public let rawValue: UInt8

    /// An exchange type from its number.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 34: IKE_SA_INIT.
    public static let ikeSAInit = Self(rawValue: 34)
    /// 35: IKE_AUTH.
    public static let ikeAuth = Self(rawValue: 35)
    /// 36: CREATE_CHILD_SA.
    public static let createChildSA = Self(rawValue: 36)
    /// 37: INFORMATIONAL.
    public static let informational = Self(rawValue: 37)
    /// 38: IKE_SESSION_RESUME (RFC 5723).
    public static let ikeSessionResume = Self(rawValue: 38)
    /// 43: IKE_INTERMEDIATE (RFC 9242).
    public static let ikeIntermediate = Self(rawValue: 43)
    /// 44: IKE_FOLLOWUP_KE (RFC 9370).
    public static let ikeFollowupKE = Self(rawValue: 44)

    /// The IANA name, or the number as text.
    public var description: String {
        switch rawValue {
        case 34: return "IKE_SA_INIT"
        case 35: return "IKE_AUTH"
        case 36: return "CREATE_CHILD_SA"
        case 37: return "INFORMATIONAL"
        case 38: return "IKE_SESSION_RESUME"
        case 43: return "IKE_INTERMEDIATE"
        case 44: return "IKE_FOLLOWUP_KE"
        default: return "\(rawValue)"
        }
    }
}
