internal import CCrypto
import IKECore

/// A private key for signing (and, for RSA, IKEv1 public key decryption): RSA, ECDSA on
/// P-256/384/521, Ed25519 or Ed448, read from PEM (PKCS#8 or the traditional RSA/EC
/// forms) or DER.
///
/// ECDSA nonces come from libcrypto's own generator (OpenSSL 3.0 has no deterministic nonce
/// option), so ECDSA signatures differ from run to run even under a seeded `RandomSource`,
/// as do RSA-PSS signatures made without one; `sign(_:scheme:random:)` takes the PSS salt
/// from the caller. The key has no printable form. Immutable and safe to share.
public final class PrivateKey: @unchecked Sendable {
    // The EVP_PKEY is only read after init: each operation makes its own context.
    let key: EVPKey
    /// The key's algorithm.
    public let algorithm: KeyAlgorithm
    /// The key size in bits (the modulus for RSA, the curve order for ECDSA).
    public let keyBits: Int

    /// Reads the first private key in PEM text. Encrypted keys are refused (`invalidKey`):
    /// ikec never prompts for a passphrase.
    public convenience init(pem: String) throws {
        try self.init(pemBytes: Array(pem.utf8))
    }

    /// Reads the first private key in PEM octets.
    public convenience init(pemBytes: [UInt8]) throws {
        let bio = try MemoryBIO(pemBytes)
        let key = PEM_read_bio_PrivateKey(bio.pointer, nil, noPassphrase, nil)
        try self.init(owning: try checkPointer(key, "no private key in the PEM", .invalidKey))
    }

    /// Reads a DER private key (PKCS#8, or traditional RSA/EC).
    public convenience init(der: [UInt8]) throws {
        let key = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        try self.init(owning: try checkPointer(key, "not a DER private key", .invalidKey))
    }

    private init(owning pointer: OpaquePointer) throws {
        key = EVPKey(owning: pointer)
        algorithm = try KeyInspection.algorithm(of: pointer)
        keyBits = Int(EVP_PKEY_get_bits(pointer))
    }

    /// The matching public key.
    public var publicKey: PublicKey {
        get throws {
            try PublicKey(
                subjectPublicKeyInfo: try KeyInspection.subjectPublicKeyInfo(of: key.pointer))
        }
    }

    /// Signs `message` (for `.rsaPKCS1Raw`: the octets to pad and sign, at most the
    /// modulus length less 11). `keySchemeMismatch` when the scheme does not fit the key.
    public func sign(_ message: [UInt8], scheme: SignatureScheme) throws -> [UInt8] {
        guard scheme.accepts(algorithm) else {
            throw CryptoError(.keySchemeMismatch, "a \(algorithm) key cannot sign \(scheme)")
        }
        let der = try SigningOperations.sign(key.pointer, message, scheme)
        if case .ecdsa(_, .raw) = scheme, let length = algorithm.ecdsaCoordinateLength {
            return try ECDSAEncoding.raw(fromDER: der, length: length)
        }
        return der
    }

    /// Signs `message`, taking the RSA-PSS salt from `random` so that a seeded source makes
    /// PSS signatures reproducible. Other schemes sign as `sign(_:scheme:)` does (PKCS#1
    /// v1.5 and EdDSA are deterministic anyway; ECDSA nonces stay libcrypto's).
    public func sign(_ message: [UInt8], scheme: SignatureScheme, random: RandomSource) throws
        -> [UInt8]
    {
        guard case .rsaPSS(let hash) = scheme, scheme.accepts(algorithm) else {
            return try sign(message, scheme: scheme)
        }
        return try PSSEncoding.sign(key.pointer, message, hash: hash, random: random)
    }

    /// RSAES-PKCS1-v1_5 decryption (RFC 8017 section 7.2.2), for IKEv1 public key
    /// encryption (RFC 2409 sections 5.2 and 5.3). `decryptionFailed` on bad padding.
    public func decryptPKCS1(_ ciphertext: [UInt8]) throws -> SecretBytes {
        guard algorithm == .rsa else {
            throw CryptoError(.keySchemeMismatch, "only RSA keys decrypt")
        }
        let context = try EVPKeyContext(key: key.pointer)
        try check(EVP_PKEY_decrypt_init(context.pointer), "EVP_PKEY_decrypt_init")
        try check(
            EVP_PKEY_CTX_set_rsa_padding(context.pointer, RSA_PKCS1_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding")
        var length = 0
        try check(
            EVP_PKEY_decrypt(context.pointer, nil, &length, ciphertext, ciphertext.count),
            .decryptionFailed, "EVP_PKEY_decrypt (length)")
        var out = [UInt8](repeating: 0, count: length)
        try check(
            EVP_PKEY_decrypt(context.pointer, &out, &length, ciphertext, ciphertext.count),
            .decryptionFailed, "EVP_PKEY_decrypt")
        let plaintext = SecretBytes(Array(out.prefix(length)))
        for index in out.indices { out[index] = 0 }
        return plaintext
    }
}
