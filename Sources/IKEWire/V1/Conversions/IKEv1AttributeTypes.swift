// Attribute type and value numbers of IKEv1 transforms: the Oakley (phase 1) attributes of
// RFC 2409 appendix A, and the IPsec DOI (phase 2) attributes of RFC 2407 section 4.5.

/// Phase 1 (Oakley) SA attribute types, RFC 2409 appendix A.
public enum IKEv1Phase1Attribute {
    /// 1: Encryption Algorithm (basic).
    public static let encryptionAlgorithm: UInt16 = 1
    /// 2: Hash Algorithm (basic).
    public static let hashAlgorithm: UInt16 = 2
    /// 3: Authentication Method (basic).
    public static let authenticationMethod: UInt16 = 3
    /// 4: Group Description (basic).
    public static let groupDescription: UInt16 = 4
    /// 5: Group Type (basic; 1 MODP, 2 ECP, 3 EC2N).
    public static let groupType: UInt16 = 5
    /// 6: Group Prime/Irreducible Polynomial (variable).
    public static let groupPrime: UInt16 = 6
    /// 7: Group Generator One (variable).
    public static let groupGeneratorOne: UInt16 = 7
    /// 8: Group Generator Two (variable).
    public static let groupGeneratorTwo: UInt16 = 8
    /// 9: Group Curve A (variable).
    public static let groupCurveA: UInt16 = 9
    /// 10: Group Curve B (variable).
    public static let groupCurveB: UInt16 = 10
    /// 11: Life Type (basic; see `IKEv1LifeType`).
    public static let lifeType: UInt16 = 11
    /// 12: Life Duration (basic or variable).
    public static let lifeDuration: UInt16 = 12
    /// 13: PRF (basic).
    public static let prf: UInt16 = 13
    /// 14: Key Length in bits (basic).
    public static let keyLength: UInt16 = 14
    /// 15: Field Size (basic).
    public static let fieldSize: UInt16 = 15
    /// 16: Group Order (variable).
    public static let groupOrder: UInt16 = 16
}

/// Phase 2 (IPsec DOI) SA attribute types, RFC 2407 section 4.5, RFC 4304 for ESN.
public enum IKEv1Phase2Attribute {
    /// 1: SA Life Type (basic; see `IKEv1LifeType`).
    public static let saLifeType: UInt16 = 1
    /// 2: SA Life Duration (basic or variable).
    public static let saLifeDuration: UInt16 = 2
    /// 3: Group Description, for PFS (basic).
    public static let groupDescription: UInt16 = 3
    /// 4: Encapsulation Mode (basic; see `IKEv1EncapsulationMode`).
    public static let encapsulationMode: UInt16 = 4
    /// 5: Authentication Algorithm (basic).
    public static let authenticationAlgorithm: UInt16 = 5
    /// 6: Key Length in bits (basic).
    public static let keyLength: UInt16 = 6
    /// 7: Key Rounds (basic).
    public static let keyRounds: UInt16 = 7
    /// 8: Compress Dictionary Size (basic).
    public static let compressDictionarySize: UInt16 = 8
    /// 9: Compress Private Algorithm (variable).
    public static let compressPrivateAlgorithm: UInt16 = 9
    /// 10: ECN Tunnel (basic; RFC 3168).
    public static let ecnTunnel: UInt16 = 10
    /// 11: Extended (64-bit) Sequence Number (basic; 1 = use ESN; RFC 4304).
    public static let extendedSequenceNumber: UInt16 = 11
}

/// Life Type values shared by phase 1 (attribute 11) and phase 2 (attribute 1).
public enum IKEv1LifeType {
    /// 1: seconds.
    public static let seconds: UInt16 = 1
    /// 2: kilobytes.
    public static let kilobytes: UInt16 = 2
}

/// Encapsulation Mode values (RFC 2407 section 4.5, RFC 3947 section 5.1 for UDP).
public struct IKEv1EncapsulationMode: RawRepresentable, Hashable, Sendable {
    /// The attribute value.
    public let rawValue: UInt16

    /// A mode from its number.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 1: Tunnel.
    public static let tunnel = Self(rawValue: 1)
    /// 2: Transport.
    public static let transport = Self(rawValue: 2)
    /// 3: UDP-Encapsulated-Tunnel (RFC 3947).
    public static let udpEncapsulatedTunnel = Self(rawValue: 3)
    /// 4: UDP-Encapsulated-Transport (RFC 3947).
    public static let udpEncapsulatedTransport = Self(rawValue: 4)
    /// 61443: UDP-Encapsulated-Tunnel as numbered by the NAT-T drafts.
    public static let udpEncapsulatedTunnelDraft = Self(rawValue: 61443)
    /// 61444: UDP-Encapsulated-Transport as numbered by the NAT-T drafts.
    public static let udpEncapsulatedTransportDraft = Self(rawValue: 61444)

    /// Whether the mode is a tunnel mode, with or without UDP encapsulation.
    public var isTunnel: Bool {
        self == .tunnel || self == .udpEncapsulatedTunnel || self == .udpEncapsulatedTunnelDraft
    }

    /// Whether ESP is encapsulated in UDP (NAT traversal).
    public var isUDPEncapsulated: Bool { rawValue == 3 || rawValue == 4 || rawValue >= 61443 }
}

/// Lifetimes in the two units IKEv1 attributes express them in.
struct IKEv1Lifetimes {
    var seconds: UInt64?
    var kilobytes: UInt64?

    // RFC 2407 section 4.5 and RFC 2409 appendix A: a Life Duration applies to the Life
    // Type sent just before it. Returns false for a duration without a type, an unknown
    // type, or a value wider than 64 bits.
    mutating func take(_ value: DataAttribute, pending: inout UInt16?) -> Bool {
        guard let unit = pending, let duration = value.integerValue else { return false }
        pending = nil
        switch unit {
        case IKEv1LifeType.seconds: seconds = duration
        case IKEv1LifeType.kilobytes: kilobytes = duration
        default: return false
        }
        return true
    }

    func attributes(typeAttribute: UInt16, durationAttribute: UInt16) -> [DataAttribute] {
        var result: [DataAttribute] = []
        if let seconds {
            result.append(DataAttribute(type: typeAttribute, value: .basic(IKEv1LifeType.seconds)))
            result.append(.integer(type: durationAttribute, seconds))
        }
        if let kilobytes {
            result.append(
                DataAttribute(type: typeAttribute, value: .basic(IKEv1LifeType.kilobytes)))
            result.append(.integer(type: durationAttribute, kilobytes))
        }
        return result
    }
}
