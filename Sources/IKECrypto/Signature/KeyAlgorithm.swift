/// The kind of an asymmetric key, which decides the signature schemes it can use.
public enum KeyAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// RSA (rsaEncryption or id-RSASSA-PSS keys).
    case rsa
    /// ECDSA on NIST P-256 (secp256r1).
    case ecP256
    /// ECDSA on NIST P-384 (secp384r1).
    case ecP384
    /// ECDSA on NIST P-521 (secp521r1).
    case ecP521
    /// Ed25519 (RFC 8032).
    case ed25519
    /// Ed448 (RFC 8032).
    case ed448

    /// Octets of each of r and s in a fixed-size ECDSA signature (RFC 4754 section 7),
    /// or nil for keys that are not ECDSA keys.
    public var ecdsaCoordinateLength: Int? {
        switch self {
        case .ecP256: return 32
        case .ecP384: return 48
        case .ecP521: return 66
        case .rsa, .ed25519, .ed448: return nil
        }
    }
}
