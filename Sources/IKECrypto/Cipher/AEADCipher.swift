internal import CCrypto
import IKECore

/// An AEAD transform keyed for one direction (RFC 5282 for IKEv2, RFC 4106/4309/7634/4543
/// for ESP): AES-GCM and AES-CCM with 8, 12 or 16-octet ICVs, ChaCha20-Poly1305, and
/// NULL_AUTH_AES_GMAC (authentication only).
///
/// The key material is the cipher key followed by the salt; the nonce of each message is
/// salt | IV, where the IV is the 8 octets the message carries. Immutable after init and
/// safe to share; each call uses a fresh context from the cached cipher.
public final class AEADCipher: Sendable {
    /// The cipher and its key length.
    public let cipher: Cipher
    private let mode: Mode
    private let key: SecretBytes
    private let salt: [UInt8]

    private enum Mode {
        case gcm(Fetched)
        case ccm(Fetched)
        case chacha20Poly1305
        case gmac(Fetched)
    }

    /// A cipher keyed with `keyMaterial`, `cipher.keyMaterialLength` octets long: key then
    /// salt (4 octets for GCM, GMAC and ChaCha20-Poly1305, 3 for CCM).
    public init(_ cipher: Cipher, keyMaterial: SecretBytes) throws {
        self.cipher = cipher
        let info = cipher.algorithm.info
        guard info.implemented, info.isAEAD else {
            throw CryptoError(
                .unsupportedAlgorithm,
                info.isAEAD
                    ? "\(info.ianaName) is not implemented"
                    : "\(info.ianaName) is not an AEAD: use BlockCipher")
        }
        guard keyMaterial.count == cipher.keyMaterialLength else {
            throw CryptoError(
                .invalidKeyLength,
                "\(info.ianaName) takes \(cipher.keyMaterialLength) octets of key material, "
                    + "not \(keyMaterial.count)")
        }
        let bits = cipher.effectiveKeyBits
        let fetched: Fetched?
        switch cipher.algorithm {
        case .aesGCM8, .aesGCM12, .aesGCM16:
            fetched = Ciphers.aesGCM(bits: bits)
            mode = .gcm(fetched ?? Ciphers.aes128GCM)
        case .nullAuthAESGMAC:
            fetched = Ciphers.aesGCM(bits: bits)
            mode = .gmac(fetched ?? Ciphers.aes128GCM)
        case .aesCCM8, .aesCCM12, .aesCCM16:
            fetched = Ciphers.aesCCM(bits: bits)
            mode = .ccm(fetched ?? Ciphers.aes128CCM)
        case .chacha20Poly1305:
            fetched = bits == 256 ? Ciphers.chacha20Poly1305 : nil
            mode = .chacha20Poly1305
        default:
            throw CryptoError(.unsupportedAlgorithm, "\(info.ianaName) is not implemented")
        }
        guard fetched != nil else {
            throw CryptoError(.invalidKeyLength, "\(info.ianaName) has no \(bits)-bit key size")
        }
        let (cipherKey, salt) = keyMaterial.split(at: bits / 8)
        self.key = cipherKey
        self.salt = salt.revealed
    }

    /// Octets of IV each message carries (8).
    public var ivLength: Int { cipher.algorithm.info.ivLength }

    /// Octets of ICV appended to the ciphertext.
    public var icvLength: Int { cipher.algorithm.info.icvLength }

    /// Encrypts `plaintext` and authenticates it with `additionalData`; returns the
    /// ciphertext followed by the ICV.
    ///
    /// For NULL_AUTH_AES_GMAC nothing is encrypted: the output is the plaintext and the
    /// GMAC tag over additionalData | IV | plaintext (RFC 4543 section 3.3).
    public func seal(_ plaintext: [UInt8], additionalData: [UInt8], iv: [UInt8]) throws
        -> [UInt8]
    {
        let nonce = try makeNonce(iv)
        switch mode {
        case .gcm(let fetched):
            return try AEADRun.gcmLike(
                try fetched.get(), key: key, nonce: nonce, aad: additionalData,
                input: plaintext, tag: nil, tagLength: icvLength)
        case .chacha20Poly1305:
            return try AEADRun.gcmLike(
                try Ciphers.chacha20Poly1305.get(), key: key, nonce: nonce,
                aad: additionalData, input: plaintext, tag: nil, tagLength: icvLength)
        case .ccm(let fetched):
            return try AEADRun.ccm(
                try fetched.get(), key: key, nonce: nonce, aad: additionalData,
                input: plaintext, tag: nil, tagLength: icvLength)
        case .gmac(let fetched):
            let tag = try AEADRun.gcmLike(
                try fetched.get(), key: key, nonce: nonce,
                aad: additionalData + iv + plaintext, input: [], tag: nil,
                tagLength: icvLength)
            return plaintext + tag
        }
    }

    /// Verifies the ICV at the end of `sealed` over it and `additionalData`, and returns
    /// the plaintext; `authenticationFailed` if anything was modified or the input is
    /// shorter than the ICV.
    public func open(_ sealed: [UInt8], additionalData: [UInt8], iv: [UInt8]) throws
        -> [UInt8]
    {
        let nonce = try makeNonce(iv)
        guard sealed.count >= icvLength else {
            throw CryptoError(
                .authenticationFailed,
                "\(sealed.count) octets are too short for a \(icvLength)-octet ICV")
        }
        let body = Array(sealed[..<(sealed.count - icvLength)])
        let tag = Array(sealed[(sealed.count - icvLength)...])
        switch mode {
        case .gcm(let fetched):
            return try AEADRun.gcmLike(
                try fetched.get(), key: key, nonce: nonce, aad: additionalData, input: body,
                tag: tag, tagLength: icvLength)
        case .chacha20Poly1305:
            return try AEADRun.gcmLike(
                try Ciphers.chacha20Poly1305.get(), key: key, nonce: nonce,
                aad: additionalData, input: body, tag: tag, tagLength: icvLength)
        case .ccm(let fetched):
            return try AEADRun.ccm(
                try fetched.get(), key: key, nonce: nonce, aad: additionalData, input: body,
                tag: tag, tagLength: icvLength)
        case .gmac(let fetched):
            _ = try AEADRun.gcmLike(
                try fetched.get(), key: key, nonce: nonce, aad: additionalData + iv + body,
                input: [], tag: tag, tagLength: icvLength)
            return body
        }
    }

    /// The GMAC tag over exactly `data` (AUTH_AES_GMAC, RFC 4543 section 3.1): the
    /// integrity transform places the IV inside the data itself.
    func gmacTag(over data: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        guard case .gmac(let fetched) = mode else {
            preconditionFailure("gmacTag is called only by IntegrityTransform's GMAC cipher")
        }
        return try AEADRun.gcmLike(
            try fetched.get(), key: key, nonce: try makeNonce(iv), aad: data, input: [],
            tag: nil, tagLength: icvLength)
    }

    /// salt | IV (RFC 4106 section 4, RFC 4309 section 4, RFC 7634 section 2).
    private func makeNonce(_ iv: [UInt8]) throws -> [UInt8] {
        guard iv.count == ivLength else {
            throw CryptoError(
                .invalidIVLength,
                "\(cipher.algorithm.info.ianaName) takes a \(ivLength)-octet IV, not \(iv.count)")
        }
        return salt + iv
    }
}
