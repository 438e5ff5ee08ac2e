import IKECore

/// Which algorithm a requirement row is about: a transform type and its IANA number. Key
/// lengths are not part of the match (the RFCs' rows cover every key length unless a
/// remark says otherwise).
public struct AlgorithmKey: Sendable, Hashable {
    /// The transform type.
    public let type: TransformType
    /// The IANA Transform ID.
    public let id: UInt16

    /// The key of `transform`.
    public init(_ transform: Transform) {
        type = transform.type
        id = transform.transformID
    }

    /// The key of a cipher.
    static func encryption(_ algorithm: EncryptionAlgorithm) -> AlgorithmKey {
        AlgorithmKey(.encryption(Cipher(algorithm)))
    }
    /// The key of a PRF.
    static func prf(_ prf: PseudorandomFunction) -> AlgorithmKey { AlgorithmKey(.prf(prf)) }
    /// The key of an integrity algorithm.
    static func integrity(_ integrity: IntegrityAlgorithm) -> AlgorithmKey {
        AlgorithmKey(.integrity(integrity))
    }
    /// The key of a Diffie-Hellman group.
    static func group(_ group: DHGroup) -> AlgorithmKey { AlgorithmKey(.dhGroup(group)) }
}

/// Where an algorithm is used: the IKE SA, or an ESP or AH Child SA. The same algorithm
/// can have different levels in each (3DES is MAY for IKE in RFC 8247 but SHOULD NOT for
/// ESP in RFC 8221).
public enum AlgorithmUse: String, Sendable, Hashable, CaseIterable {
    /// The IKE SA (phase 1).
    case ike
    /// An ESP SA (phase 2).
    case esp
    /// An AH SA (phase 2).
    case ah

    /// A small number per use, for hashing without the raw value's string.
    var ordinal: Int {
        switch self {
        case .ike: return 0
        case .esp: return 1
        case .ah: return 2
        }
    }
}

/// A document and section that a requirement comes from.
public struct Citation: Sendable, Hashable, CustomStringConvertible {
    /// The RFC number.
    public let rfc: Int
    /// The section, for example `3.1`.
    public let section: String

    /// `RFC 8247 section 3.1`.
    public var description: String { "RFC \(rfc) section \(section)" }
}

/// One row of an RFC's requirement table: an algorithm, where it is used, its level and
/// the section that says so.
public struct AlgorithmRequirement: Sendable, Hashable {
    /// The algorithm.
    public let algorithm: AlgorithmKey
    /// Where the row applies.
    public let uses: Set<AlgorithmUse>
    /// The level.
    public let level: RequirementLevel
    /// The RFC and section.
    public let citation: Citation

    /// A row.
    init(
        _ algorithm: AlgorithmKey, _ level: RequirementLevel, rfc: Int, section: String,
        uses: Set<AlgorithmUse>
    ) {
        self.algorithm = algorithm
        self.level = level
        self.uses = uses
        self.citation = Citation(rfc: rfc, section: section)
    }
}
