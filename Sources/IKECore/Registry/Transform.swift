/// A cipher with its key length: the value of one Transform Type 1 with its Key Length
/// attribute (RFC 7296 section 3.3.5).
public struct Cipher: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The algorithm.
    public var algorithm: EncryptionAlgorithm
    /// The key length in bits, present exactly when the algorithm takes a Key Length
    /// attribute.
    public var keyBits: Int?

    /// A cipher; `keyBits` must be nil for fixed-length algorithms.
    public init(_ algorithm: EncryptionAlgorithm, keyBits: Int? = nil) {
        self.algorithm = algorithm
        self.keyBits = keyBits
    }

    /// The key length in bits whether or not it is carried as an attribute.
    public var effectiveKeyBits: Int {
        keyBits ?? algorithm.info.fixedKeyBits ?? algorithm.info.defaultKeyBits ?? 0
    }

    /// Octets of keying material for this cipher: key plus salt (RFC 7296 section 2.14,
    /// RFC 5282 section 7).
    public var keyMaterialLength: Int { effectiveKeyBits / 8 + algorithm.info.saltLength }

    /// The strongSwan keyword, for example `aes256gcm16`.
    public var description: String { Transform.encryption(self).keyword }
}

/// One transform of a proposal, typed by its transform type.
public enum Transform: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Transform Type 1.
    case encryption(Cipher)
    /// Transform Type 2.
    case prf(PseudorandomFunction)
    /// Transform Type 3.
    case integrity(IntegrityAlgorithm)
    /// Transform Type 4.
    case dhGroup(DHGroup)
    /// Transform Type 5.
    case esn(ExtendedSequenceNumbers)

    /// The transform's type.
    public var type: TransformType {
        switch self {
        case .encryption: return .encryption
        case .prf: return .prf
        case .integrity: return .integrity
        case .dhGroup: return .dhGroup
        case .esn: return .esn
        }
    }

    /// The Transform ID sent on the wire (IKEv2 numbering).
    public var transformID: UInt16 {
        switch self {
        case .encryption(let cipher): return cipher.algorithm.rawValue
        case .prf(let prf): return prf.rawValue
        case .integrity(let integrity): return integrity.rawValue
        case .dhGroup(let group): return group.rawValue
        case .esn(let esn): return esn.rawValue
        }
    }

    /// The Key Length attribute, if this transform carries one.
    public var keyLengthAttribute: Int? {
        if case .encryption(let cipher) = self { return cipher.keyBits }
        return nil
    }

    /// Builds a transform from wire values; nil when the ID is unknown or the key length is
    /// missing, present where it must not be, or not one the algorithm allows.
    public init?(type: TransformType, id: UInt16, keyLength: Int?) {
        switch type {
        case .encryption:
            guard let algorithm = EncryptionAlgorithm(rawValue: id) else { return nil }
            let info = algorithm.info
            if info.hasKeyLengthAttribute {
                guard let bits = keyLength, info.keyLengths.contains(bits) else { return nil }
            } else if keyLength != nil {
                return nil
            }
            self = .encryption(Cipher(algorithm, keyBits: keyLength))
        case .prf:
            guard keyLength == nil, let prf = PseudorandomFunction(rawValue: id) else {
                return nil
            }
            self = .prf(prf)
        case .integrity:
            guard keyLength == nil, let integrity = IntegrityAlgorithm(rawValue: id) else {
                return nil
            }
            self = .integrity(integrity)
        case .dhGroup:
            guard keyLength == nil, let group = DHGroup(rawValue: id) else { return nil }
            self = .dhGroup(group)
        case .esn:
            guard keyLength == nil, let esn = ExtendedSequenceNumbers(rawValue: id) else {
                return nil
            }
            self = .esn(esn)
        }
    }

    /// The IANA name, with the key length appended for variable-length ciphers
    /// (`ENCR_AES_CBC_256`).
    public var ianaName: String {
        switch self {
        case .encryption(let cipher):
            let name = cipher.algorithm.info.ianaName
            if let bits = cipher.keyBits { return "\(name)_\(bits)" }
            return name
        case .prf(let prf): return prf.info.ianaName
        case .integrity(let integrity): return integrity.info.ianaName
        case .dhGroup(let group): return group.info.ianaName
        case .esn(let esn): return esn == .enabled ? "ESN" : "NO_ESN"
        }
    }

    /// Whether ikec's engine can run this transform.
    public var isImplemented: Bool {
        switch self {
        case .encryption(let cipher): return cipher.algorithm.info.implemented
        case .prf(let prf): return prf.info.implemented
        case .integrity(let integrity): return integrity.info.implemented
        case .dhGroup(let group): return group.info.implemented
        case .esn: return true
        }
    }

    /// The strongSwan keyword, for example `aes256gcm16` or `prfsha384`.
    public var description: String { keyword }
}
