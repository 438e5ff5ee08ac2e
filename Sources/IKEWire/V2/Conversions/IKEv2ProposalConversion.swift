import IKECore

// RFC 7296 section 3.3.5: Key Length (attribute type 14, basic form) is the only transform
// attribute defined; section 3.3.6: a transform with an unrecognized attribute, or an
// unknown Transform ID, cannot be chosen, while a proposal with an unknown Transform Type
// is unacceptable as a whole.

/// Transform attribute types of IKEv2 (IANA "IKEv2 Transform Attribute Types").
public enum IKEv2TransformAttribute {
    /// 14: Key Length in bits, basic (TV) form.
    public static let keyLength: UInt16 = 14
}

extension IKEv2Transform {
    /// The wire form of an IKECore transform, with a Key Length attribute when it has one.
    public init(_ transform: Transform) {
        var attributes: [DataAttribute] = []
        if let bits = transform.keyLengthAttribute {
            // Beyond 16 bits the value goes out in variable form rather than cut short.
            attributes.append(
                .integer(type: IKEv2TransformAttribute.keyLength, UInt64(clamping: bits)))
        }
        self.init(
            type: transform.type.rawValue, transformID: transform.transformID,
            attributes: attributes)
    }

    /// The Transform Type, or nil for an unknown number.
    public var transformType: TransformType? { TransformType(rawValue: type) }

    /// The Key Length attribute's value in bits, when there is exactly one in basic form.
    public var keyLength: Int? {
        // Counted in place: proposal selection asks this of every transform it reads.
        var only: DataAttribute?
        for attribute in attributes where attribute.type == IKEv2TransformAttribute.keyLength {
            guard only == nil else { return nil }
            only = attribute
        }
        guard let bits = only?.basicValue else { return nil }
        return Int(bits)
    }

    /// The IKECore transform; nil for an unknown type or ID, an attribute other than one
    /// Key Length, or a key length the algorithm does not allow.
    public var transform: Transform? {
        guard let transformType else { return nil }
        let onlyKeyLength = attributes.allSatisfy { $0.type == IKEv2TransformAttribute.keyLength }
        guard onlyKeyLength, attributes.count <= 1 else { return nil }
        if !attributes.isEmpty && keyLength == nil { return nil }
        return Transform(type: transformType, id: transformID, keyLength: keyLength)
    }
}

extension IKEv2Proposal {
    /// The wire form of an IKECore proposal: transforms in the order ENCR, PRF, INTEG,
    /// D-H, ESN, each list in preference order.
    public init(number: UInt8, proposal: Proposal, spi: [UInt8] = []) {
        self.init(
            number: number, protocolID: proposal.protocolID.rawValue, spi: spi,
            transforms: proposal.transforms.map(IKEv2Transform.init))
    }

    /// The protocol, or nil for an unknown Protocol ID.
    public var securityProtocol: SecurityProtocol? { SecurityProtocol(rawValue: protocolID) }

    /// The proposal as an IKECore proposal. Nil when the Protocol ID or a Transform Type is
    /// unknown, which makes the whole proposal unacceptable (RFC 7296 section 3.3.6).
    /// Transforms with unknown IDs or attributes are left out; `unrecognizedTransforms`
    /// lists them.
    public var proposal: Proposal? {
        guard let securityProtocol else { return nil }
        guard transforms.allSatisfy({ $0.transformType != nil }) else { return nil }
        var result = Proposal(protocolID: securityProtocol)
        for case let transform? in transforms.map(\.transform) {
            switch transform {
            case .encryption(let cipher): result.encryption.append(cipher)
            case .prf(let prf): result.prf.append(prf)
            case .integrity(let integrity): result.integrity.append(integrity)
            case .dhGroup(let group): result.dhGroups.append(group)
            case .esn(let esn): result.esn.append(esn)
            }
        }
        return result
    }

    /// The transforms that have no IKECore meaning: unknown type or ID, unknown
    /// attributes, or a key length the algorithm does not allow.
    public var unrecognizedTransforms: [IKEv2Transform] {
        transforms.filter { $0.transform == nil }
    }
}
