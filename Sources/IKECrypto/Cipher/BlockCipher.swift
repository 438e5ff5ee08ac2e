internal import CCrypto
import IKECore

/// A non-AEAD encryption transform keyed for one direction: CBC (AES, Camellia, 3DES, and
/// DES, Blowfish, CAST-128 through the legacy provider), AES-CTR (RFC 3686) or NULL
/// (RFC 2410).
///
/// Input and output are whole: no OpenSSL padding is added or removed, so CBC input must
/// be a whole number of blocks (IKE and ESP pad before encrypting). Immutable after init
/// and safe to share; each call uses a fresh context from the cached cipher.
public final class BlockCipher: Sendable {
    /// The cipher and its key length.
    public let cipher: Cipher
    private let mode: Mode
    private let key: SecretBytes

    private enum Mode {
        case cbc(Fetched, keyLength: Int?)
        /// RFC 3686: the nonce is the 4 octets of key material after the key.
        case ctr(Fetched, nonce: [UInt8])
        case null
    }

    /// A cipher keyed with `keyMaterial`, which must be `cipher.keyMaterialLength` octets
    /// (for AES-CTR: the key followed by the 4-octet nonce).
    public init(_ cipher: Cipher, keyMaterial: SecretBytes) throws {
        self.cipher = cipher
        let info = cipher.algorithm.info
        guard info.implemented, !info.isAEAD else {
            throw CryptoError(
                .unsupportedAlgorithm,
                info.isAEAD
                    ? "\(info.ianaName) is an AEAD: use AEADCipher"
                    : "\(info.ianaName) is not implemented")
        }
        guard keyMaterial.count == cipher.keyMaterialLength else {
            throw CryptoError(
                .invalidKeyLength,
                "\(info.ianaName) takes \(cipher.keyMaterialLength) octets of key material, "
                    + "not \(keyMaterial.count)")
        }
        let bits = cipher.effectiveKeyBits
        let keyOctets = bits / 8
        switch cipher.algorithm {
        case .null:
            mode = .null
            key = keyMaterial
        case .aesCTR:
            guard let fetched = Ciphers.aesCTR(bits: bits) else { throw Self.badBits(cipher) }
            let (cipherKey, nonce) = keyMaterial.split(at: keyOctets)
            mode = .ctr(fetched, nonce: nonce.revealed)
            key = cipherKey
        default:
            mode = .cbc(try Self.cbcCipher(cipher), keyLength: Self.explicitKeyLength(cipher))
            key = keyMaterial
        }
    }

    /// Octets of IV each message carries.
    public var ivLength: Int { cipher.algorithm.info.ivLength }

    /// The block size in octets (1 for CTR and NULL): plaintext is padded to a multiple.
    public var blockSize: Int { cipher.algorithm.info.blockSize }

    /// Encrypts `plaintext` with the message's `iv`.
    public func encrypt(_ plaintext: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        try run(plaintext, iv: iv, encrypt: true)
    }

    /// Decrypts `ciphertext` with the message's `iv`.
    public func decrypt(_ ciphertext: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        try run(ciphertext, iv: iv, encrypt: false)
    }

    private func run(_ input: [UInt8], iv: [UInt8], encrypt: Bool) throws -> [UInt8] {
        guard iv.count == ivLength else {
            throw CryptoError(
                .invalidIVLength,
                "\(cipher.algorithm.info.ianaName) takes a \(ivLength)-octet IV, not \(iv.count)")
        }
        guard input.count % blockSize == 0 else {
            throw CryptoError(
                .invalidInputLength,
                "\(cipher.algorithm.info.ianaName) input of \(input.count) octets is not a "
                    + "multiple of the \(blockSize)-octet block")
        }
        switch mode {
        case .null:
            return input
        case .cbc(let fetched, let keyLength):
            let evp = try fetched.get()
            return try key.withUnsafeBytes { key in
                try iv.withUnsafeBytes { iv in
                    try CipherRun.run(
                        evp, key: key, keyLength: keyLength, iv: iv, input: input,
                        encrypt: encrypt)
                }
            }
        case .ctr(let fetched, let nonce):
            // RFC 3686 section 4: counter block = nonce (4) | IV (8) | block counter (4),
            // the block counter starting at 1.
            let counterBlock = nonce + iv + [0, 0, 0, 1]
            let evp = try fetched.get()
            return try key.withUnsafeBytes { key in
                try counterBlock.withUnsafeBytes { iv in
                    try CipherRun.run(
                        evp, key: key, keyLength: nil, iv: iv, input: input, encrypt: encrypt)
                }
            }
        }
    }

    private static func cbcCipher(_ cipher: Cipher) throws -> Fetched {
        let bits = cipher.effectiveKeyBits
        let fetched: Fetched?
        switch cipher.algorithm {
        case .aesCBC: fetched = Ciphers.aesCBC(bits: bits)
        case .camelliaCBC: fetched = Ciphers.camelliaCBC(bits: bits)
        case .tripleDES: fetched = bits == 192 ? Ciphers.tripleDESCBC : nil
        case .des: fetched = bits == 64 ? Ciphers.desCBC : nil
        case .blowfish: fetched = [128, 192, 256].contains(bits) ? Ciphers.blowfishCBC : nil
        case .cast: fetched = bits == 128 ? Ciphers.cast128CBC : nil
        default:
            throw CryptoError(
                .unsupportedAlgorithm, "\(cipher.algorithm.info.ianaName) is not implemented")
        }
        guard let fetched else { throw badBits(cipher) }
        return fetched
    }

    /// Blowfish's key length varies and OpenSSL's default is 128 bits: set it explicitly.
    private static func explicitKeyLength(_ cipher: Cipher) -> Int? {
        cipher.algorithm == .blowfish ? cipher.effectiveKeyBits / 8 : nil
    }

    private static func badBits(_ cipher: Cipher) -> CryptoError {
        CryptoError(
            .invalidKeyLength,
            "\(cipher.algorithm.info.ianaName) has no \(cipher.effectiveKeyBits)-bit key size")
    }
}
