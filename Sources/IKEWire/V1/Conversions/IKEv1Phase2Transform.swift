import IKECore

// RFC 2407 sections 4.4 and 4.5: a quick mode proposal is an ISAKMP proposal for AH or
// ESP whose transforms name the algorithm by Transform-Id (the ESP cipher, or the AH
// integrity algorithm) and carry the rest as IPsec DOI attributes.

/// One quick mode transform: transform ID and the IPsec DOI attributes it carries.
public struct IKEv1Phase2Transform: Hashable, Sendable {
    /// The Transform #.
    public var number: UInt8
    /// The Transform-Id: an ESP transform (the cipher) or an AH transform (the integrity
    /// algorithm), by the proposal's protocol; see `cipher(for:)` and `ahIntegrity`.
    public var transformID: UInt8
    /// Key Length in bits, for variable-length ciphers.
    public var keyLength: Int?
    /// The Authentication Algorithm attribute (the integrity algorithm for ESP, and the
    /// same as the transform for AH).
    public var authenticationAlgorithm: IntegrityAlgorithm?
    /// Group Description for PFS, or nil for no PFS.
    public var group: DHGroup?
    /// Encapsulation Mode.
    public var encapsulationMode: IKEv1EncapsulationMode?
    /// The lifetime in seconds, if one is given.
    public var lifeSeconds: UInt64?
    /// The lifetime in kilobytes, if one is given.
    public var lifeKilobytes: UInt64?
    /// Whether 64-bit extended sequence numbers are asked for (RFC 4304).
    public var extendedSequenceNumbers: Bool
    /// The ECN Tunnel attribute (RFC 3168 section 9.2.1: 1 allowed, 2 forbidden), if sent.
    public var ecnTunnel: UInt16?

    /// A quick mode transform from its parts.
    public init(
        number: UInt8, transformID: UInt8, keyLength: Int? = nil,
        authenticationAlgorithm: IntegrityAlgorithm? = nil, group: DHGroup? = nil,
        encapsulationMode: IKEv1EncapsulationMode? = nil, lifeSeconds: UInt64? = nil,
        lifeKilobytes: UInt64? = nil, extendedSequenceNumbers: Bool = false,
        ecnTunnel: UInt16? = nil
    ) {
        self.number = number
        self.transformID = transformID
        self.keyLength = keyLength
        self.authenticationAlgorithm = authenticationAlgorithm
        self.group = group
        self.encapsulationMode = encapsulationMode
        self.lifeSeconds = lifeSeconds
        self.lifeKilobytes = lifeKilobytes
        self.extendedSequenceNumbers = extendedSequenceNumbers
        self.ecnTunnel = ecnTunnel
    }

    /// An ESP transform for a cipher (and integrity algorithm unless it is an AEAD); nil
    /// when IKEv1 has no ESP transform ID or Authentication Algorithm number for them.
    public static func esp(
        number: UInt8, cipher: Cipher, integrity: IntegrityAlgorithm?, group: DHGroup? = nil,
        encapsulationMode: IKEv1EncapsulationMode = .tunnel, lifeSeconds: UInt64? = nil,
        lifeKilobytes: UInt64? = nil, extendedSequenceNumbers: Bool = false
    ) -> IKEv1Phase2Transform? {
        guard let id = IKEv1Values.espTransformID(cipher.algorithm) else { return nil }
        if let integrity, IKEv1Values.authenticationAlgorithm(integrity) == nil { return nil }
        return IKEv1Phase2Transform(
            number: number, transformID: id, keyLength: cipher.keyBits,
            authenticationAlgorithm: integrity, group: group, encapsulationMode: encapsulationMode,
            lifeSeconds: lifeSeconds, lifeKilobytes: lifeKilobytes,
            extendedSequenceNumbers: extendedSequenceNumbers)
    }

    /// An AH transform for an integrity algorithm; nil when IKEv1 has no number for it.
    public static func ah(
        number: UInt8, integrity: IntegrityAlgorithm, group: DHGroup? = nil,
        encapsulationMode: IKEv1EncapsulationMode = .tunnel, lifeSeconds: UInt64? = nil,
        lifeKilobytes: UInt64? = nil, extendedSequenceNumbers: Bool = false
    ) -> IKEv1Phase2Transform? {
        guard let id = IKEv1Values.ahTransformID(integrity),
            IKEv1Values.authenticationAlgorithm(integrity) != nil
        else { return nil }
        return IKEv1Phase2Transform(
            number: number, transformID: id, authenticationAlgorithm: integrity, group: group,
            encapsulationMode: encapsulationMode, lifeSeconds: lifeSeconds,
            lifeKilobytes: lifeKilobytes, extendedSequenceNumbers: extendedSequenceNumbers)
    }

    /// The ESP cipher this transform names, with its key length checked; nil for AH, an
    /// unknown transform ID, or a key length the cipher does not allow.
    public func cipher(for protocolID: SecurityProtocol) -> Cipher? {
        guard protocolID == .esp,
            let algorithm = IKEv1Values.encryption(espTransformID: transformID)
        else { return nil }
        guard
            case .encryption(let cipher)? = Transform(
                type: .encryption, id: algorithm.rawValue, keyLength: keyLength)
        else { return nil }
        return cipher
    }

    /// The AH integrity algorithm this transform names; nil for an unknown ID.
    public var ahIntegrity: IntegrityAlgorithm? {
        IKEv1Values.integrity(ahTransformID: transformID)
    }

    /// Reads a quick mode transform's attributes. Nil when an attribute is unknown, has the
    /// wrong shape or an unknown value, or a life duration has no life type before it:
    /// RFC 2407 section 4.5 asks for such a transform to be refused. Key Rounds and the
    /// IPComp attributes are not modelled and make the transform unreadable here too.
    public init?(_ transform: ISAKMPTransform) {
        self.init(number: transform.number, transformID: transform.transformID)
        var lifetimes = IKEv1Lifetimes()
        var pendingLifeType: UInt16?
        for attribute in transform.attributes {
            let basic = attribute.basicValue
            switch attribute.type {
            case IKEv1Phase2Attribute.saLifeType:
                guard let basic else { return nil }
                pendingLifeType = basic
            case IKEv1Phase2Attribute.saLifeDuration:
                guard lifetimes.take(attribute, pending: &pendingLifeType) else { return nil }
            case IKEv1Phase2Attribute.groupDescription:
                guard let basic, let value = DHGroup(rawValue: basic) else { return nil }
                group = value
            case IKEv1Phase2Attribute.encapsulationMode:
                guard let basic else { return nil }
                encapsulationMode = IKEv1EncapsulationMode(rawValue: basic)
            case IKEv1Phase2Attribute.authenticationAlgorithm:
                guard let basic, let value = IKEv1Values.integrity(authenticationAlgorithm: basic)
                else { return nil }
                authenticationAlgorithm = value
            case IKEv1Phase2Attribute.keyLength:
                guard let basic else { return nil }
                keyLength = Int(basic)
            case IKEv1Phase2Attribute.extendedSequenceNumber:
                guard basic == 1 else { return nil }
                extendedSequenceNumbers = true
            case IKEv1Phase2Attribute.ecnTunnel:
                guard let basic, basic == 1 || basic == 2 else { return nil }
                ecnTunnel = basic
            default:
                return nil
            }
        }
        lifeSeconds = lifetimes.seconds
        lifeKilobytes = lifetimes.kilobytes
    }

    /// The wire transform with attributes in the usual order: life pairs, group,
    /// encapsulation mode, authentication algorithm, key length, ESN, ECN tunnel.
    public var wireTransform: ISAKMPTransform {
        let lifetimes = IKEv1Lifetimes(seconds: lifeSeconds, kilobytes: lifeKilobytes)
        var attributes = lifetimes.attributes(
            typeAttribute: IKEv1Phase2Attribute.saLifeType,
            durationAttribute: IKEv1Phase2Attribute.saLifeDuration)
        if let group {
            attributes.append(
                DataAttribute(
                    type: IKEv1Phase2Attribute.groupDescription, value: .basic(group.rawValue)))
        }
        if let encapsulationMode {
            attributes.append(
                DataAttribute(
                    type: IKEv1Phase2Attribute.encapsulationMode,
                    value: .basic(encapsulationMode.rawValue)))
        }
        if let authenticationAlgorithm,
            let value = IKEv1Values.authenticationAlgorithm(authenticationAlgorithm)
        {
            attributes.append(
                DataAttribute(
                    type: IKEv1Phase2Attribute.authenticationAlgorithm, value: .basic(value)))
        }
        if let keyLength {
            // Beyond 16 bits the value goes out in variable form rather than cut short.
            attributes.append(
                .integer(type: IKEv1Phase2Attribute.keyLength, UInt64(clamping: keyLength)))
        }
        if extendedSequenceNumbers {
            attributes.append(
                DataAttribute(type: IKEv1Phase2Attribute.extendedSequenceNumber, value: .basic(1)))
        }
        if let ecnTunnel {
            attributes.append(
                DataAttribute(type: IKEv1Phase2Attribute.ecnTunnel, value: .basic(ecnTunnel)))
        }
        return ISAKMPTransform(number: number, transformID: transformID, attributes: attributes)
    }
}

extension ISAKMPProposal {
    /// A quick mode proposal for AH or ESP with the sender's inbound SPI.
    public static func quickMode(
        number: UInt8, protocolID: SecurityProtocol, spi: [UInt8],
        transforms: [IKEv1Phase2Transform]
    ) -> ISAKMPProposal {
        ISAKMPProposal(
            number: number, protocolID: protocolID.rawValue, spi: spi,
            transforms: transforms.map(\.wireTransform))
    }

    /// The protocol, or nil for IPCOMP and unknown numbers.
    public var securityProtocol: SecurityProtocol? { SecurityProtocol(rawValue: protocolID) }

    /// The transforms of a quick mode proposal that convert, in order; the others (see
    /// `IKEv1Phase2Transform.init?(_:)`) are left out.
    public var phase2Transforms: [IKEv1Phase2Transform] {
        transforms.compactMap(IKEv1Phase2Transform.init)
    }
}
