import IKECore

// RFC 2409 appendix A and RFC 2407 section 4.4.2: a phase 1 proposal is one ISAKMP
// proposal whose transforms are KEY_IKE alternatives, each carrying one cipher, hash,
// authentication method and group as attributes, and optionally lifetimes.

/// One phase 1 transform in IKECore terms.
public struct IKEv1Phase1Transform: Hashable, Sendable {
    /// The Transform #.
    public var number: UInt8
    /// The cipher and key length.
    public var cipher: Cipher
    /// The hash (which also selects the HMAC PRF).
    public var hash: HashAlgorithm
    /// The authentication method.
    public var authMethod: IKEv1AuthMethod
    /// The Diffie-Hellman group.
    public var group: DHGroup
    /// The lifetime in seconds, if one is given.
    public var lifeSeconds: UInt64?
    /// The lifetime in kilobytes, if one is given.
    public var lifeKilobytes: UInt64?

    /// A phase 1 transform.
    public init(
        number: UInt8, cipher: Cipher, hash: HashAlgorithm, authMethod: IKEv1AuthMethod,
        group: DHGroup, lifeSeconds: UInt64? = nil, lifeKilobytes: UInt64? = nil
    ) {
        self.number = number
        self.cipher = cipher
        self.hash = hash
        self.authMethod = authMethod
        self.group = group
        self.lifeSeconds = lifeSeconds
        self.lifeKilobytes = lifeKilobytes
    }

    /// Reads a KEY_IKE transform. Nil when the transform ID is not KEY_IKE, a mandatory
    /// attribute is missing, a value is unknown to IKECore, or an attribute is one this
    /// conversion does not model (a private group, a PRF): the engine must then treat the
    /// transform as unacceptable (RFC 2409 section 5). An AES key length left out is
    /// read as the algorithm's default, as deployed peers do.
    public init?(_ transform: ISAKMPTransform) {
        guard transform.transformID == ISAKMPTransform.keyIKE else { return nil }
        var algorithm: EncryptionAlgorithm?
        var keyBits: Int?
        var hash: HashAlgorithm?
        var method: IKEv1AuthMethod?
        var group: DHGroup?
        var lifetimes = IKEv1Lifetimes()
        var pendingLifeType: UInt16?

        for attribute in transform.attributes {
            let basic = attribute.basicValue
            switch attribute.type {
            case IKEv1Phase1Attribute.encryptionAlgorithm:
                guard let basic, let value = IKEv1Values.encryption(phase1Value: basic) else {
                    return nil
                }
                algorithm = value
            case IKEv1Phase1Attribute.keyLength:
                guard let basic else { return nil }
                keyBits = Int(basic)
            case IKEv1Phase1Attribute.hashAlgorithm:
                guard let basic, let value = IKEv1Values.hash(phase1Value: basic) else {
                    return nil
                }
                hash = value
            case IKEv1Phase1Attribute.authenticationMethod:
                guard let basic, let value = IKEv1AuthMethod(rawValue: basic) else { return nil }
                method = value
            case IKEv1Phase1Attribute.groupDescription:
                guard let basic, let value = DHGroup(rawValue: basic) else { return nil }
                group = value
            case IKEv1Phase1Attribute.groupType:
                // Redundant with a registered Group Description; accepted and not kept.
                guard basic != nil else { return nil }
            case IKEv1Phase1Attribute.lifeType:
                guard let basic else { return nil }
                pendingLifeType = basic
            case IKEv1Phase1Attribute.lifeDuration:
                guard lifetimes.take(attribute, pending: &pendingLifeType) else { return nil }
            default:
                return nil
            }
        }

        guard let algorithm, let hash, let method, let group else { return nil }
        if algorithm.info.hasKeyLengthAttribute, keyBits == nil {
            keyBits = algorithm.info.defaultKeyBits
        }
        guard
            case .encryption(let cipher)? = Transform(
                type: .encryption, id: algorithm.rawValue, keyLength: keyBits)
        else { return nil }
        self.init(
            number: transform.number, cipher: cipher, hash: hash, authMethod: method,
            group: group, lifeSeconds: lifetimes.seconds, lifeKilobytes: lifetimes.kilobytes)
    }

    /// The KEY_IKE transform with attributes in the usual order: encryption, key length,
    /// hash, authentication method, group, life type and duration pairs. Nil when the
    /// cipher has no IKEv1 phase 1 number.
    public var wireTransform: ISAKMPTransform? {
        guard let encryption = IKEv1Values.phase1Encryption(cipher.algorithm) else { return nil }
        var attributes = [
            DataAttribute(type: IKEv1Phase1Attribute.encryptionAlgorithm, value: .basic(encryption))
        ]
        if let bits = cipher.keyBits {
            // Beyond 16 bits the value goes out in variable form rather than cut short.
            attributes.append(
                .integer(type: IKEv1Phase1Attribute.keyLength, UInt64(clamping: bits)))
        }
        attributes += [
            DataAttribute(
                type: IKEv1Phase1Attribute.hashAlgorithm,
                value: .basic(IKEv1Values.phase1Hash(hash))),
            DataAttribute(
                type: IKEv1Phase1Attribute.authenticationMethod,
                value: .basic(authMethod.rawValue)),
            DataAttribute(
                type: IKEv1Phase1Attribute.groupDescription, value: .basic(group.rawValue)),
        ]
        let lifetimes = IKEv1Lifetimes(seconds: lifeSeconds, kilobytes: lifeKilobytes)
        attributes += lifetimes.attributes(
            typeAttribute: IKEv1Phase1Attribute.lifeType,
            durationAttribute: IKEv1Phase1Attribute.lifeDuration)
        return ISAKMPTransform(
            number: number, transformID: ISAKMPTransform.keyIKE, attributes: attributes)
    }
}

extension ISAKMPProposal {
    /// A phase 1 proposal (Protocol-Id ISAKMP, no SPI) of these transforms; nil when one
    /// of them has no IKEv1 encoding.
    public static func phase1(number: UInt8 = 1, transforms: [IKEv1Phase1Transform])
        -> ISAKMPProposal?
    {
        var wire: [ISAKMPTransform] = []
        for transform in transforms {
            guard let encoded = transform.wireTransform else { return nil }
            wire.append(encoded)
        }
        return ISAKMPProposal(
            number: number, protocolID: SecurityProtocol.ike.rawValue, spi: [], transforms: wire)
    }

    /// The transforms of a phase 1 proposal that convert to IKECore terms, in order;
    /// the others (see `IKEv1Phase1Transform.init?(_:)`) are left out.
    public var phase1Transforms: [IKEv1Phase1Transform] {
        transforms.compactMap(IKEv1Phase1Transform.init)
    }
}
