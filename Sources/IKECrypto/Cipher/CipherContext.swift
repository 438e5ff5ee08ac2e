import IKECore

/// Either kind of encryption transform, chosen from the cipher: what the engine holds for
/// SK_e* or an ESP SA.
public enum CipherContext: Sendable {
    /// CBC, CTR or NULL, used with a separate integrity transform.
    case block(BlockCipher)
    /// An AEAD: no integrity transform.
    case aead(AEADCipher)

    /// The transform for `cipher` keyed with `keyMaterial` (key then salt or nonce).
    public init(_ cipher: Cipher, keyMaterial: SecretBytes) throws {
        if cipher.algorithm.info.isAEAD {
            self = .aead(try AEADCipher(cipher, keyMaterial: keyMaterial))
        } else {
            self = .block(try BlockCipher(cipher, keyMaterial: keyMaterial))
        }
    }

    /// Octets of IV each message carries.
    public var ivLength: Int {
        switch self {
        case .block(let cipher): return cipher.ivLength
        case .aead(let cipher): return cipher.ivLength
        }
    }
}
