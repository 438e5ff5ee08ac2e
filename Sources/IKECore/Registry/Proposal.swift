/// The security protocol a proposal is for (RFC 7296 section 3.3.1, Protocol ID; RFC 2407
/// section 4.4.1 for IKEv1, where ISAKMP is 1 as well).
public enum SecurityProtocol: UInt8, Sendable, Hashable, CaseIterable, Codable {
    /// The IKE SA (ISAKMP in IKEv1).
    case ike = 1
    /// Authentication Header (RFC 4302).
    case ah = 2
    /// Encapsulating Security Payload (RFC 4303).
    case esp = 3

    /// The proposal context that governs which transforms are allowed.
    public var context: ProposalContext {
        switch self {
        case .ike: return .ike
        case .ah: return .ah
        case .esp: return .esp
        }
    }
}

/// A proposal: for each transform type, the acceptable algorithms in preference order.
///
/// In IKEv2 this is exactly one Proposal substructure: one of each listed type is chosen
/// (RFC 7296 section 3.3). In IKEv1, where a transform carries one algorithm of each kind,
/// the lists expand into one transform per combination, in order.
public struct Proposal: Sendable, Hashable, Codable {
    /// IKE, AH or ESP.
    public var protocolID: SecurityProtocol
    /// Ciphers (empty for AH).
    public var encryption: [Cipher]
    /// PRFs (IKE SA only).
    public var prf: [PseudorandomFunction]
    /// Integrity algorithms (empty with an AEAD cipher).
    public var integrity: [IntegrityAlgorithm]
    /// Diffie-Hellman groups: the IKE SA's groups, or a Child SA's PFS groups (empty for
    /// no PFS).
    public var dhGroups: [DHGroup]
    /// Extended Sequence Numbers choices (Child SAs only; empty means "no ESN").
    public var esn: [ExtendedSequenceNumbers]

    /// A proposal with the given transform lists.
    public init(
        protocolID: SecurityProtocol, encryption: [Cipher] = [],
        prf: [PseudorandomFunction] = [], integrity: [IntegrityAlgorithm] = [],
        dhGroups: [DHGroup] = [], esn: [ExtendedSequenceNumbers] = []
    ) {
        self.protocolID = protocolID
        self.encryption = encryption
        self.prf = prf
        self.integrity = integrity
        self.dhGroups = dhGroups
        self.esn = esn
    }

    /// Whether every cipher is an AEAD (RFC 5282); a valid proposal does not mix kinds.
    public var isAEAD: Bool {
        !encryption.isEmpty && encryption.allSatisfy { $0.algorithm.info.isAEAD }
    }

    /// All transforms, in the order IKEv2 sends them: ENCR, PRF, INTEG, D-H, ESN.
    public var transforms: [Transform] {
        // One allocation: sessions build this for every proposal they send.
        var all: [Transform] = []
        all.reserveCapacity(
            encryption.count + prf.count + integrity.count + dhGroups.count + esn.count)
        for cipher in encryption { all.append(.encryption(cipher)) }
        for function in prf { all.append(.prf(function)) }
        for algorithm in integrity { all.append(.integrity(algorithm)) }
        for group in dhGroups { all.append(.dhGroup(group)) }
        for choice in esn { all.append(.esn(choice)) }
        return all
    }

    /// The first transform, in `transforms` order, that ikec's engine cannot run; nil when
    /// the engine runs them all. Walks the lists in place: every session checks its
    /// configuration's proposals when it is made.
    public var firstUnimplementedTransform: Transform? {
        if let cipher = encryption.first(where: { !$0.algorithm.info.implemented }) {
            return .encryption(cipher)
        }
        if let function = prf.first(where: { !$0.info.implemented }) { return .prf(function) }
        if let algorithm = integrity.first(where: { !$0.info.implemented }) {
            return .integrity(algorithm)
        }
        if let group = dhGroups.first(where: { !$0.info.implemented }) { return .dhGroup(group) }
        return nil
    }

    /// The transforms of one type.
    public func transforms(of type: TransformType) -> [Transform] {
        // Each type has its own list: mapping it builds one array, where filtering
        // `transforms` would build the five lists and their concatenation first.
        switch type {
        case .encryption: return encryption.map(Transform.encryption)
        case .prf: return prf.map(Transform.prf)
        case .integrity: return integrity.map(Transform.integrity)
        case .dhGroup: return dhGroups.map(Transform.dhGroup)
        case .esn: return esn.map(Transform.esn)
        }
    }

    /// The proposal as strongSwan writes it: keywords joined by `-`
    /// (`aes256gcm16-prfsha384-ecp384`).
    public var keywordString: String {
        transforms.map(\.keyword).joined(separator: "-")
    }
}
