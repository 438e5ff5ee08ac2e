import IKECore

/// An IKE pseudorandom function (RFC 7296 section 2.13): HMAC with MD5, SHA-1 or SHA-2
/// (RFC 2104, RFC 4868), AES-XCBC-PRF-128 (RFC 4434) or AES-CMAC-PRF-128 (RFC 4615).
///
/// The value holds no key and no context: it is cheap to copy and safe to share. Each call
/// keys a fresh context from the process-wide cached algorithm.
public struct PRF: Sendable, Hashable {
    /// The IANA transform.
    public let algorithm: PseudorandomFunction
    let mac: MACAlgorithm

    /// The PRF for `algorithm`; `unsupportedAlgorithm` for one ikec does not implement.
    public init(_ algorithm: PseudorandomFunction) throws {
        self.algorithm = algorithm
        switch algorithm {
        case .hmacMD5: mac = .hmac(.md5)
        case .hmacSHA1: mac = .hmac(.sha1)
        case .hmacSHA256: mac = .hmac(.sha256)
        case .hmacSHA384: mac = .hmac(.sha384)
        case .hmacSHA512: mac = .hmac(.sha512)
        case .aes128XCBC: mac = .aesXCBC
        case .aes128CMAC: mac = .aesCMAC
        case .hmacTiger:
            throw CryptoError(
                .unsupportedAlgorithm, "\(algorithm.info.ianaName) is not implemented")
        }
    }

    /// HMAC with `hash` as a PRF: IKEv1's PRF when no PRF attribute is negotiated is the
    /// HMAC version of the negotiated hash (RFC 2409 section 4).
    public init(hmac hash: HashAlgorithm) {
        switch hash {
        case .md5: algorithm = .hmacMD5
        case .sha1: algorithm = .hmacSHA1
        case .sha256: algorithm = .hmacSHA256
        case .sha384: algorithm = .hmacSHA384
        case .sha512: algorithm = .hmacSHA512
        }
        mac = .hmac(hash)
    }

    /// Output length in octets.
    public var outputLength: Int { mac.outputLength }

    /// The preferred key length in octets (RFC 7296 section 2.14: SK_d and SK_p* are this
    /// long).
    public var keyLength: Int { algorithm.info.keyLength }

    /// Whether the PRF is built on a block cipher with a fixed 128-bit key (XCBC, CMAC).
    ///
    /// For these, RFC 7296 section 2.14 makes the SKEYSEED key from half Ni and half Nr;
    /// see `nonceKey(initiatorNonce:responderNonce:)`.
    public var hasFixedKeyLength: Bool {
        switch mac {
        case .hmac: return false
        case .aesXCBC, .aesCMAC: return true
        }
    }

    /// The key for SKEYSEED = prf(Ni | Nr, g^ir) (RFC 7296 section 2.14): Ni | Nr for HMAC
    /// PRFs; for fixed-key PRFs the first 64 bits of Ni followed by the first 64 bits of Nr.
    /// Nonces are at least 16 octets (RFC 7296 section 2.10), so the prefixes exist; a
    /// shorter nonce contributes what it has.
    public func nonceKey(initiatorNonce: [UInt8], responderNonce: [UInt8]) -> [UInt8] {
        guard hasFixedKeyLength else { return initiatorNonce + responderNonce }
        return Array(initiatorNonce.prefix(8)) + Array(responderNonce.prefix(8))
    }

    /// prf(key, data).
    public func callAsFunction(key: [UInt8], data: [UInt8]) throws -> [UInt8] {
        try key.withUnsafeBytes { key in
            try data.withUnsafeBytes { data in try compute(key: key, data: data) }
        }
    }

    /// prf(key, data) with a secret key; the output is secret too.
    public func callAsFunction(key: SecretBytes, data: [UInt8]) throws -> SecretBytes {
        SecretBytes(
            try key.withUnsafeBytes { key in
                try data.withUnsafeBytes { data in try compute(key: key, data: data) }
            })
    }

    /// prf(key, data) over secret data (SKEYSEED = prf(Ni | Nr, g^ir)).
    public func callAsFunction(key: [UInt8], data: SecretBytes) throws -> SecretBytes {
        SecretBytes(
            try key.withUnsafeBytes { key in
                try data.withUnsafeBytes { data in try compute(key: key, data: data) }
            })
    }

    /// prf(key, data) with both secret.
    public func callAsFunction(key: SecretBytes, data: SecretBytes) throws -> SecretBytes {
        SecretBytes(
            try key.withUnsafeBytes { key in
                try data.withUnsafeBytes { data in try compute(key: key, data: data) }
            })
    }

    /// The PRF over raw buffers, applying the key rule of the fixed-key PRFs first.
    func compute(key: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer) throws -> [UInt8] {
        try withPRFKey(key) { key in try mac.compute(key: key, data: data) }
    }

    /// A keyed computation for prf+, with the key rule applied.
    func keyed(_ key: UnsafeRawBufferPointer) throws -> KeyedMAC {
        try withPRFKey(key) { key in try mac.keyed(key) }
    }

    /// The key rules of the fixed-key PRFs; HMAC takes any key as it is.
    /// - RFC 4434 section 2 (XCBC): a 128-bit key is used as is; a shorter key is padded on
    ///   the right with zero bits; a longer key is replaced by AES-XCBC-PRF-128 of it under
    ///   the all-zero 128-bit key.
    /// - RFC 4615 section 3 (CMAC): a 128-bit key is used as is; a key of any other length
    ///   is replaced by AES-CMAC of it under the all-zero 128-bit key.
    private func withPRFKey<R>(
        _ key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        guard hasFixedKeyLength, key.count != 16 else { return try body(key) }
        var fixed: [UInt8]
        if key.count < 16, mac == .aesXCBC {
            fixed = Array(key) + [UInt8](repeating: 0, count: 16 - key.count)
        } else {
            let zero = [UInt8](repeating: 0, count: 16)
            fixed = try zero.withUnsafeBytes { zero in try mac.compute(key: zero, data: key) }
        }
        defer {
            fixed.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices { buffer[index] = 0 }
            }
        }
        return try fixed.withUnsafeBytes { try body($0) }
    }
}
