/// IKEv2 Payload Type numbers, as carried in Next Payload fields (RFC 7296 section 3.2,
/// IANA "IKEv2 Payload Types"). Unknown numbers are kept as they are.
public struct IKEv2PayloadType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The Payload Type number.
    public let rawValue: UInt8

    /// A payload type from its number.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0: no next payload.
    public static let none = Self(rawValue: 0)
    /// 33: Security Association (SA).
    public static let securityAssociation = Self(rawValue: 33)
    /// 34: Key Exchange (KE).
    public static let keyExchange = Self(rawValue: 34)
    /// 35: Identification - Initiator (IDi).
    public static let identificationInitiator = Self(rawValue: 35)
    /// 36: Identification - Responder (IDr).
    public static let identificationResponder = Self(rawValue: 36)
    /// 37: Certificate (CERT).
    public static let certificate = Self(rawValue: 37)
    /// 38: Certificate Request (CERTREQ).
    public static let certificateRequest = Self(rawValue: 38)
    /// 39: Authentication (AUTH).
    public static let authentication = Self(rawValue: 39)
    /// 40: Nonce (Ni, Nr).
    public static let nonce = Self(rawValue: 40)
    /// 41: Notify (N).
    public static let notify = Self(rawValue: 41)
    /// 42: Delete (D).
    public static let delete = Self(rawValue: 42)
    /// 43: Vendor ID (V).
    public static let vendorID = Self(rawValue: 43)
    /// 44: Traffic Selector - Initiator (TSi).
    public static let trafficSelectorInitiator = Self(rawValue: 44)
    /// 45: Traffic Selector - Responder (TSr).
    public static let trafficSelectorResponder = Self(rawValue: 45)
    /// 46: Encrypted and Authenticated (SK).
    public static let encrypted = Self(rawValue: 46)
    /// 47: Configuration (CP).
    public static let configuration = Self(rawValue: 47)
    /// 48: Extensible Authentication (EAP).
    public static let eap = Self(rawValue: 48)
    /// 49: Generic Secure Password Methods (GSPM, RFC 6467).
    public static let genericSecurePasswordMethods = Self(rawValue: 49)
    /// 53: Encrypted and Authenticated Fragment (SKF, RFC 7383).
    public static let encryptedFragment = Self(rawValue: 53)
    /// 54: Puzzle Solution (PS, RFC 8019).
    public static let puzzleSolution = Self(rawValue: 54)

    /// The short notation of RFC 7296 (`SA`, `KE`, `IDi`...), or the number as text.
    public var description: String {
        switch rawValue {
        case 0: return "NONE"
        case 33: return "SA"
        case 34: return "KE"
        case 35: return "IDi"
        case 36: return "IDr"
        case 37: return "CERT"
        case 38: return "CERTREQ"
        case 39: return "AUTH"
        case 40: return "Nonce"
        case 41: return "N"
        case 42: return "D"
        case 43: return "V"
        case 44: return "TSi"
        case 45: return "TSr"
        case 46: return "SK"
        case 47: return "CP"
        case 48: return "EAP"
        case 49: return "GSPM"
        case 53: return "SKF"
        case 54: return "PS"
        default: return "\(rawValue)"
        }
    }
}
