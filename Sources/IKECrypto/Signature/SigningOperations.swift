internal import CCrypto
import IKECore

/// The libcrypto calls behind `PrivateKey.sign` and `PublicKey.verify`.
enum SigningOperations {
    /// Signs `message` with `key` under `scheme` (which the caller has matched to the key).
    static func sign(_ key: OpaquePointer, _ message: [UInt8], _ scheme: SignatureScheme)
        throws -> [UInt8]
    {
        if case .rsaPKCS1Raw = scheme { return try signRaw(key, message) }
        let context = try EVPDigestContext()
        var keyContext: OpaquePointer?
        try check(
            EVP_DigestSignInit_ex(
                context.pointer, &keyContext, digestName(scheme), nil, nil, key, nil),
            "EVP_DigestSignInit_ex \(scheme)")
        try configure(keyContext, scheme)
        var length = 0
        try check(
            EVP_DigestSign(context.pointer, nil, &length, message, message.count),
            "EVP_DigestSign (length)")
        var signature = [UInt8](repeating: 0, count: length)
        try check(
            EVP_DigestSign(context.pointer, &signature, &length, message, message.count),
            "EVP_DigestSign \(scheme)")
        signature.removeLast(signature.count - length)
        return signature
    }

    /// Whether `signature` verifies over `message`; malformed signatures do not.
    static func verify(
        _ key: OpaquePointer, _ signature: [UInt8], _ message: [UInt8], _ scheme: SignatureScheme
    ) throws -> Bool {
        if case .rsaPKCS1Raw = scheme { return try verifyRaw(key, signature, message) }
        let context = try EVPDigestContext()
        var keyContext: OpaquePointer?
        try check(
            EVP_DigestVerifyInit_ex(
                context.pointer, &keyContext, digestName(scheme), nil, nil, key, nil),
            "EVP_DigestVerifyInit_ex \(scheme)")
        try configure(keyContext, scheme)
        let result = EVP_DigestVerify(
            context.pointer, signature, signature.count, message, message.count)
        ErrorQueue.clear()
        return result == 1
    }

    /// RFC 2409 section 5.1 (IKEv1 RSA signatures): PKCS#1 type 1 padding over the octets
    /// themselves, with no DigestInfo; a signing context with no digest does exactly that.
    private static func signRaw(_ key: OpaquePointer, _ data: [UInt8]) throws -> [UInt8] {
        let context = try EVPKeyContext(key: key)
        try check(EVP_PKEY_sign_init(context.pointer), "EVP_PKEY_sign_init")
        try check(
            EVP_PKEY_CTX_set_rsa_padding(context.pointer, RSA_PKCS1_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding")
        var length = 0
        try check(
            EVP_PKEY_sign(context.pointer, nil, &length, data, data.count),
            .invalidInputLength, "EVP_PKEY_sign (length)")
        var signature = [UInt8](repeating: 0, count: length)
        try check(
            EVP_PKEY_sign(context.pointer, &signature, &length, data, data.count),
            .invalidInputLength, "EVP_PKEY_sign (raw PKCS#1)")
        signature.removeLast(signature.count - length)
        return signature
    }

    private static func verifyRaw(_ key: OpaquePointer, _ signature: [UInt8], _ data: [UInt8])
        throws -> Bool
    {
        let context = try EVPKeyContext(key: key)
        try check(EVP_PKEY_verify_init(context.pointer), "EVP_PKEY_verify_init")
        try check(
            EVP_PKEY_CTX_set_rsa_padding(context.pointer, RSA_PKCS1_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding")
        let result = EVP_PKEY_verify(
            context.pointer, signature, signature.count, data, data.count)
        ErrorQueue.clear()
        return result == 1
    }

    /// The digest a scheme hashes with, or nil for EdDSA (which hashes internally).
    private static func digestName(_ scheme: SignatureScheme) -> String? {
        switch scheme {
        case .rsaPKCS1(let hash), .rsaPSS(let hash), .ecdsa(let hash, _):
            return Digests.name(hash)
        case .ed25519, .ed448, .rsaPKCS1Raw:
            return nil
        }
    }

    /// PSS padding, MGF1 with the signature's hash (libcrypto's default) and a salt as long
    /// as the digest. PKCS#1 v1.5 is the default padding of an RSA context.
    private static func configure(_ keyContext: OpaquePointer?, _ scheme: SignatureScheme)
        throws
    {
        guard case .rsaPSS = scheme else { return }
        try check(
            EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding PSS")
        try check(
            EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST),
            "EVP_PKEY_CTX_set_rsa_pss_saltlen")
    }
}
