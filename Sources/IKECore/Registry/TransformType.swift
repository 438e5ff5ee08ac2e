/// The five transform types of an IKEv2 proposal (RFC 7296 section 3.3.2, IANA "Transform
/// Type Values"). IKEv1 carries the same algorithms as attributes instead.
public enum TransformType: UInt8, Sendable, Hashable, CaseIterable, Codable {
    /// Type 1, ENCR: the cipher, or an AEAD that also protects integrity.
    case encryption = 1
    /// Type 2, PRF: the pseudorandom function of the IKE SA's key derivation.
    case prf = 2
    /// Type 3, INTEG: the integrity algorithm of a non-AEAD proposal.
    case integrity = 3
    /// Type 4, D-H (RFC 9370 "Key Exchange Method"): the Diffie-Hellman group.
    case dhGroup = 4
    /// Type 5, ESN: whether 64-bit extended sequence numbers are used (Child SAs only).
    case esn = 5

    /// The short name used in diagnostics and in the policy language's proposal maps.
    public var name: String {
        switch self {
        case .encryption: return "encryption"
        case .prf: return "prf"
        case .integrity: return "integrity"
        case .dhGroup: return "dh"
        case .esn: return "esn"
        }
    }
}

/// Where a proposal is used; algorithm rules and keyword meanings depend on it.
public enum ProposalContext: String, Sendable, Hashable, CaseIterable, Codable {
    /// A phase 1 proposal: the IKE SA (IKEv2) or ISAKMP SA (IKEv1).
    case ike
    /// A phase 2 proposal for ESP (RFC 4303).
    case esp
    /// A phase 2 proposal for AH (RFC 4302).
    case ah
}

/// The IKE protocol version of a peer.
public enum IKEVersion: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// IKEv1: RFC 2407, 2408 and 2409 (deprecated by RFC 9395).
    case v1 = 1
    /// IKEv2: RFC 7296.
    case v2 = 2

    /// `v1` or `v2`, as written in a policy.
    public var description: String { "v\(rawValue)" }
}
