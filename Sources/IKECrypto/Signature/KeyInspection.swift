internal import CCrypto
internal import CCryptoShim

/// Facts read from an `EVP_PKEY`.
enum KeyInspection {
    /// The key's algorithm, or `invalidKey` for a kind ikec does not sign with.
    static func algorithm(of key: OpaquePointer) throws -> KeyAlgorithm {
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA, EVP_PKEY_RSA_PSS: return .rsa
        case EVP_PKEY_ED25519: return .ed25519
        case EVP_PKEY_ED448: return .ed448
        case EVP_PKEY_EC:
            var name = [CChar](repeating: 0, count: 64)
            var length = 0
            guard EVP_PKEY_get_utf8_string_param(key, "group", &name, name.count, &length) == 1
            else { throw ErrorQueue.error(.invalidKey, "EC key without a named curve") }
            let curve = String(
                decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            switch curve {
            case "prime256v1", "P-256", "secp256r1": return .ecP256
            case "secp384r1", "P-384": return .ecP384
            case "secp521r1", "P-521": return .ecP521
            default: throw CryptoError(.invalidKey, "EC keys on \(curve) are not supported")
            }
        default:
            throw CryptoError(.invalidKey, "only RSA, ECDSA (P-256/384/521) and EdDSA keys")
        }
    }

    /// SubjectPublicKeyInfo DER of the key's public half.
    static func subjectPublicKeyInfo(of key: OpaquePointer) throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = i2d_PUBKEY(key, &buffer)
        guard length > 0, let buffer else {
            throw ErrorQueue.error(.libraryFailure, "i2d_PUBKEY")
        }
        defer { ikec_openssl_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }
}
