import IKECore

/// How a signature is made: the key family, the hash, the padding and the encoding.
public enum SignatureScheme: Sendable, Hashable, CustomStringConvertible {
    /// RSASSA-PKCS1-v1_5 with a DigestInfo over `hash` (RFC 8017 section 8.2): IKEv2 auth
    /// method 1 (SHA-1) and RFC 7427 shaNWithRSAEncryption.
    case rsaPKCS1(HashAlgorithm)
    /// PKCS#1 type 1 padding over the given octets with no DigestInfo and no hashing: the
    /// IKEv1 RSA signature over HASH_I / HASH_R (RFC 2409 section 5.1).
    case rsaPKCS1Raw
    /// RSASSA-PSS with `hash`, MGF1 with the same hash and a salt as long as the digest
    /// (RFC 8017 section 8.1, RFC 7427).
    case rsaPSS(HashAlgorithm)
    /// ECDSA with `hash`, the signature DER-encoded (RFC 7427) or as fixed-size r | s
    /// (RFC 4754: IKEv2 auth methods 9-11 and IKEv1 ECDSA).
    case ecdsa(HashAlgorithm, ECDSASignatureEncoding)
    /// Pure Ed25519 over the whole message (RFC 8420).
    case ed25519
    /// Pure Ed448 over the whole message (RFC 8420).
    case ed448

    /// The scheme of a fixed IKEv2 signature auth method: 1 is RSA PKCS#1 v1.5 with SHA-1,
    /// 9-11 are ECDSA with SHA-256/384/512 as r | s (RFC 4754). Nil for other methods
    /// (method 14 names its scheme in the AUTH payload's AlgorithmIdentifier).
    public init?(ikev2AuthMethod method: IKEv2AuthMethod) {
        switch method {
        case .rsaSignature: self = .rsaPKCS1(.sha1)
        case .ecdsaSHA256P256: self = .ecdsa(.sha256, .raw)
        case .ecdsaSHA384P384: self = .ecdsa(.sha384, .raw)
        case .ecdsaSHA512P521: self = .ecdsa(.sha512, .raw)
        default: return nil
        }
    }

    /// The key algorithms that can make this signature.
    public func accepts(_ key: KeyAlgorithm) -> Bool {
        switch self {
        case .rsaPKCS1, .rsaPKCS1Raw, .rsaPSS: return key == .rsa
        case .ecdsa: return key.ecdsaCoordinateLength != nil
        case .ed25519: return key == .ed25519
        case .ed448: return key == .ed448
        }
    }

    /// A short readable name, for example `ecdsa-sha256-raw`.
    public var description: String {
        switch self {
        case .rsaPKCS1(let hash): return "rsa-pkcs1-\(hash)"
        case .rsaPKCS1Raw: return "rsa-pkcs1-raw"
        case .rsaPSS(let hash): return "rsa-pss-\(hash)"
        case .ecdsa(let hash, let encoding): return "ecdsa-\(hash)-\(encoding.rawValue)"
        case .ed25519: return "ed25519"
        case .ed448: return "ed448"
        }
    }
}

/// How an ECDSA signature's (r, s) pair is written.
public enum ECDSASignatureEncoding: String, Sendable, Hashable {
    /// `Ecdsa-Sig-Value` DER (RFC 3279 section 2.2.3), as RFC 7427 carries it.
    case der
    /// r | s, each left-padded to the curve's order length (RFC 4754 section 7).
    case raw
}
