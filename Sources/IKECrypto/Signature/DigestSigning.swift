internal import CCrypto
import IKECore

// ECDSA over a digest the caller already computed: IKEv1 signs HASH_I / HASH_R itself
// (RFC 2409 section 5.1), and for ECDSA (RFC 4754 section 7, methods 9-11) strongSwan
// takes that PRF output as the ECDSA digest, without hashing it again. The signature is
// r | s (RFC 4754) or DER.

extension PrivateKey {
    /// An ECDSA signature over `digest` as given (no hashing). `keySchemeMismatch` for a
    /// key that is not an ECDSA key.
    public func signPrecomputedDigest(_ digest: [UInt8], encoding: ECDSASignatureEncoding)
        throws -> [UInt8]
    {
        guard let length = algorithm.ecdsaCoordinateLength else {
            throw CryptoError(.keySchemeMismatch, "a \(algorithm) key cannot sign a digest")
        }
        let der = try DigestSigning.sign(key.pointer, digest)
        return encoding == .raw ? try ECDSAEncoding.raw(fromDER: der, length: length) : der
    }
}

extension PublicKey {
    /// Whether `signature` is an ECDSA signature over `digest` as given (no hashing); a
    /// malformed signature is simply not valid. `keySchemeMismatch` for a key that is not
    /// an ECDSA key.
    public func verifyPrecomputedDigest(
        _ signature: [UInt8], digest: [UInt8], encoding: ECDSASignatureEncoding
    ) throws -> Bool {
        guard let length = algorithm.ecdsaCoordinateLength else {
            throw CryptoError(.keySchemeMismatch, "a \(algorithm) key cannot verify a digest")
        }
        var der = signature
        if encoding == .raw {
            guard let converted = try ECDSAEncoding.der(fromRaw: signature, length: length) else {
                return false
            }
            der = converted
        }
        return try DigestSigning.verify(key.pointer, der, digest)
    }
}

/// The libcrypto calls behind digest signing: a key context with no digest signs its
/// input as the digest.
enum DigestSigning {
    static func sign(_ key: OpaquePointer, _ digest: [UInt8]) throws -> [UInt8] {
        let context = try EVPKeyContext(key: key)
        try check(EVP_PKEY_sign_init(context.pointer), "EVP_PKEY_sign_init")
        var length = 0
        try check(
            EVP_PKEY_sign(context.pointer, nil, &length, digest, digest.count),
            "EVP_PKEY_sign (length)")
        var signature = [UInt8](repeating: 0, count: length)
        try check(
            EVP_PKEY_sign(context.pointer, &signature, &length, digest, digest.count),
            "EVP_PKEY_sign (digest)")
        signature.removeLast(signature.count - length)
        return signature
    }

    static func verify(_ key: OpaquePointer, _ signature: [UInt8], _ digest: [UInt8]) throws
        -> Bool
    {
        let context = try EVPKeyContext(key: key)
        try check(EVP_PKEY_verify_init(context.pointer), "EVP_PKEY_verify_init")
        let result = EVP_PKEY_verify(
            context.pointer, signature, signature.count, digest, digest.count)
        ErrorQueue.clear()
        return result == 1
    }
}
