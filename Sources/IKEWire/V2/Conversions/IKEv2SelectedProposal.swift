import IKECore

// RFC 7296 section 3.3: a responder's SA payload carries exactly one proposal with one
// transform of each type it chose (section 2.7), echoing the offered proposal's number.

/// A chosen proposal: at most one transform of each type, with the proposal number and
/// the sender's SPI.
public struct IKEv2SelectedProposal: Hashable, Sendable {
    /// The number of the offered proposal this was chosen from.
    public var number: UInt8
    /// The protocol.
    public var protocolID: SecurityProtocol
    /// The responder's SPI for this SA (empty for the initial IKE SA).
    public var spi: [UInt8]
    /// The cipher, if the protocol has one.
    public var encryption: Cipher?
    /// The PRF (IKE SA only).
    public var prf: PseudorandomFunction?
    /// The integrity algorithm (absent with an AEAD cipher).
    public var integrity: IntegrityAlgorithm?
    /// The Diffie-Hellman group (absent for a Child SA without PFS).
    public var dhGroup: DHGroup?
    /// The ESN choice (Child SAs).
    public var esn: ExtendedSequenceNumbers?

    /// A selected proposal from its parts.
    public init(
        number: UInt8, protocolID: SecurityProtocol, spi: [UInt8] = [], encryption: Cipher? = nil,
        prf: PseudorandomFunction? = nil, integrity: IntegrityAlgorithm? = nil,
        dhGroup: DHGroup? = nil, esn: ExtendedSequenceNumbers? = nil
    ) {
        self.number = number
        self.protocolID = protocolID
        self.spi = spi
        self.encryption = encryption
        self.prf = prf
        self.integrity = integrity
        self.dhGroup = dhGroup
        self.esn = esn
    }

    /// Reads a responder's proposal; nil when the protocol is unknown, a transform has no
    /// IKECore meaning, or a transform type appears more than once.
    public init?(_ wire: IKEv2Proposal) {
        guard let securityProtocol = wire.securityProtocol else { return nil }
        self.init(number: wire.number, protocolID: securityProtocol, spi: wire.spi)
        // One bit per transform type (types 1 to 5): a type seen twice is refused.
        var seen: UInt8 = 0
        for wireTransform in wire.transforms {
            guard let transform = wireTransform.transform else { return nil }
            let bit: UInt8 = 1 << transform.type.rawValue
            guard seen & bit == 0 else { return nil }
            seen |= bit
            switch transform {
            case .encryption(let cipher): encryption = cipher
            case .prf(let prf): self.prf = prf
            case .integrity(let integrity): self.integrity = integrity
            case .dhGroup(let group): dhGroup = group
            case .esn(let esn): self.esn = esn
            }
        }
    }

    /// The chosen transforms in the order IKEv2 sends them.
    public var transforms: [Transform] {
        var result: [Transform] = []
        if let encryption { result.append(.encryption(encryption)) }
        if let prf { result.append(.prf(prf)) }
        if let integrity { result.append(.integrity(integrity)) }
        if let dhGroup { result.append(.dhGroup(dhGroup)) }
        if let esn { result.append(.esn(esn)) }
        return result
    }

    /// The wire proposal, one transform per type.
    public var wireProposal: IKEv2Proposal {
        IKEv2Proposal(
            number: number, protocolID: protocolID.rawValue, spi: spi,
            transforms: transforms.map(IKEv2Transform.init))
    }

    /// The same choice as an IKECore proposal with one-element lists.
    public var proposal: Proposal {
        Proposal(
            protocolID: protocolID, encryption: encryption.map { [$0] } ?? [],
            prf: prf.map { [$0] } ?? [], integrity: integrity.map { [$0] } ?? [],
            dhGroups: dhGroup.map { [$0] } ?? [], esn: esn.map { [$0] } ?? [])
    }
}
