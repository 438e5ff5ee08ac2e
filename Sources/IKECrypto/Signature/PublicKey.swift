internal import CCrypto
import IKECore

/// A public key for verifying signatures (and, for RSA, IKEv1 public key encryption),
/// read from a PEM SubjectPublicKeyInfo, its DER, or a certificate. Immutable and safe to
/// share.
public final class PublicKey: @unchecked Sendable, Hashable {
    // The EVP_PKEY is only read after init: each operation makes its own context.
    let key: EVPKey
    /// The key's algorithm.
    public let algorithm: KeyAlgorithm
    /// The key size in bits.
    public let keyBits: Int
    /// The SubjectPublicKeyInfo DER.
    public let subjectPublicKeyInfo: [UInt8]

    /// Reads a PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    public convenience init(pem: String) throws {
        let bio = try MemoryBIO(Array(pem.utf8))
        let key = PEM_read_bio_PUBKEY(bio.pointer, nil, noPassphrase, nil)
        try self.init(owning: try checkPointer(key, "no public key in the PEM", .invalidKey))
    }

    /// Reads a DER SubjectPublicKeyInfo.
    public convenience init(subjectPublicKeyInfo der: [UInt8]) throws {
        let key = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        try self.init(owning: try checkPointer(key, "not a DER public key", .invalidKey))
    }

    /// Takes ownership of an `EVP_PKEY` (from a certificate).
    init(owning pointer: OpaquePointer) throws {
        key = EVPKey(owning: pointer)
        algorithm = try KeyInspection.algorithm(of: pointer)
        keyBits = Int(EVP_PKEY_get_bits(pointer))
        subjectPublicKeyInfo = try KeyInspection.subjectPublicKeyInfo(of: pointer)
    }

    /// Whether `signature` is a valid signature of `message` under `scheme`. A signature
    /// that is malformed or of the wrong size is simply not valid; `keySchemeMismatch`
    /// when the scheme does not fit the key.
    public func verify(_ signature: [UInt8], for message: [UInt8], scheme: SignatureScheme)
        throws -> Bool
    {
        guard scheme.accepts(algorithm) else {
            throw CryptoError(.keySchemeMismatch, "a \(algorithm) key cannot verify \(scheme)")
        }
        var encoded = signature
        if case .ecdsa(_, .raw) = scheme, let length = algorithm.ecdsaCoordinateLength {
            guard let der = try ECDSAEncoding.der(fromRaw: signature, length: length) else {
                return false
            }
            encoded = der
        }
        return try SigningOperations.verify(key.pointer, encoded, message, scheme)
    }

    /// RSAES-PKCS1-v1_5 encryption (RFC 8017 section 7.2.1) for IKEv1 public key
    /// encryption. The padding string comes from `random`, so a seeded source makes the
    /// ciphertext reproducible; at most the modulus length less 11 octets.
    public func encryptPKCS1(_ plaintext: [UInt8], random: RandomSource) throws -> [UInt8] {
        guard algorithm == .rsa else {
            throw CryptoError(.keySchemeMismatch, "only RSA keys encrypt")
        }
        let modulusLength = Int(EVP_PKEY_get_size(key.pointer))
        guard plaintext.count <= modulusLength - 11 else {
            throw CryptoError(
                .invalidInputLength,
                "RSA PKCS#1 v1.5 encrypts at most \(modulusLength - 11) octets with this key")
        }

        // EM = 0x00 | 0x02 | PS | 0x00 | M, PS being non-zero random octets.
        var padding: [UInt8] = []
        let paddingLength = modulusLength - 3 - plaintext.count
        while padding.count < paddingLength {
            padding.append(
                contentsOf: random.bytes(paddingLength - padding.count).filter { $0 != 0 })
        }
        var encoded = [0x00, 0x02] + padding + [0x00] + plaintext
        defer { for index in encoded.indices { encoded[index] = 0 } }

        let context = try EVPKeyContext(key: key.pointer)
        try check(EVP_PKEY_encrypt_init(context.pointer), "EVP_PKEY_encrypt_init")
        try check(
            EVP_PKEY_CTX_set_rsa_padding(context.pointer, RSA_NO_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding")
        var length = modulusLength
        var out = [UInt8](repeating: 0, count: modulusLength)
        try check(
            EVP_PKEY_encrypt(context.pointer, &out, &length, encoded, encoded.count),
            "EVP_PKEY_encrypt")
        return Array(out.prefix(length))
    }

    /// Keys are equal when their SubjectPublicKeyInfo encodings are.
    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.subjectPublicKeyInfo == rhs.subjectPublicKeyInfo
    }

    /// Hashes the SubjectPublicKeyInfo.
    public func hash(into hasher: inout Hasher) { hasher.combine(subjectPublicKeyInfo) }
}
