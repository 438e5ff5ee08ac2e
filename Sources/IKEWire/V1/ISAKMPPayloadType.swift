/// ISAKMP Next Payload Types (RFC 2408 section 3.1, RFC 3947, IANA "ISAKMP Next Payload
/// Types"). Unknown numbers are kept as they are.
public struct ISAKMPPayloadType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The Next Payload number.
    public let rawValue: UInt8

    /// A payload type from its number.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0: NONE.
    public static let none = Self(rawValue: 0)
    /// 1: Security Association (SA).
    public static let securityAssociation = Self(rawValue: 1)
    /// 2: Proposal (P), only inside an SA payload.
    public static let proposal = Self(rawValue: 2)
    /// 3: Transform (T), only inside a Proposal.
    public static let transform = Self(rawValue: 3)
    /// 4: Key Exchange (KE).
    public static let keyExchange = Self(rawValue: 4)
    /// 5: Identification (ID).
    public static let identification = Self(rawValue: 5)
    /// 6: Certificate (CERT).
    public static let certificate = Self(rawValue: 6)
    /// 7: Certificate Request (CR).
    public static let certificateRequest = Self(rawValue: 7)
    /// 8: Hash (HASH).
    public static let hash = Self(rawValue: 8)
    /// 9: Signature (SIG).
    public static let signature = Self(rawValue: 9)
    /// 10: Nonce (NONCE).
    public static let nonce = Self(rawValue: 10)
    /// 11: Notification (N).
    public static let notification = Self(rawValue: 11)
    /// 12: Delete (D).
    public static let delete = Self(rawValue: 12)
    /// 13: Vendor ID (VID).
    public static let vendorID = Self(rawValue: 13)
    /// 14: Attribute (ATTR, Mode Config).
    public static let attribute = Self(rawValue: 14)
    /// 20: NAT Discovery (NAT-D, RFC 3947).
    public static let natDiscovery = Self(rawValue: 20)
    /// 21: NAT Original Address (NAT-OA, RFC 3947).
    public static let natOriginalAddress = Self(rawValue: 21)
    /// 130: NAT-D as numbered by the drafts before RFC 3947.
    public static let natDiscoveryDraft = Self(rawValue: 130)
    /// 131: NAT-OA as numbered by the drafts before RFC 3947.
    public static let natOriginalAddressDraft = Self(rawValue: 131)

    /// The short notation (`SA`, `KE`, `NAT-D`...), or the number as text.
    public var description: String {
        switch rawValue {
        case 0: return "NONE"
        case 1: return "SA"
        case 2: return "P"
        case 3: return "T"
        case 4: return "KE"
        case 5: return "ID"
        case 6: return "CERT"
        case 7: return "CR"
        case 8: return "HASH"
        case 9: return "SIG"
        case 10: return "NONCE"
        case 11: return "N"
        case 12: return "D"
        case 13: return "VID"
        case 14: return "ATTR"
        case 20, 130: return "NAT-D"
        case 21, 131: return "NAT-OA"
        default: return "\(rawValue)"
        }
    }
}
