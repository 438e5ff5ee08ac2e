import IKECore
import IKECrypto

/// The cryptography of one ESP SA: an AEAD (RFC 4106, RFC 4309, RFC 7634, RFC 4543), or a
/// cipher with an optional integrity transform (RFC 4303 section 3.3.2: encrypt, then
/// compute the ICV over the ciphertext).
enum ESPTransform: Sendable {
    /// AES-GCM, AES-CCM, ChaCha20-Poly1305 or NULL_AUTH_AES_GMAC.
    case aead(AEADCipher)
    /// A CBC, CTR or NULL cipher and, unless the SA is confidentiality-only, an integrity
    /// transform.
    case separate(BlockCipher, IntegrityTransform?)

    /// Builds the transform, mapping libcrypto's complaints to `invalidConfiguration` or
    /// `unsupportedAlgorithm`.
    init(
        cipher: Cipher, encryptionKey: SecretBytes, integrity: IntegrityAlgorithm?,
        integrityKey: SecretBytes?
    ) throws(IPsecError) {
        let info = cipher.algorithm.info
        guard info.implemented else {
            throw IPsecError(.unsupportedAlgorithm, "\(info.ianaName) is not implemented")
        }
        if info.isAEAD {
            guard integrity == nil else {
                throw IPsecError(
                    .invalidConfiguration,
                    "\(info.ianaName) is an AEAD and takes no integrity algorithm")
            }
            self = .aead(
                try IPsecCrypto.run("ESP") { try AEADCipher(cipher, keyMaterial: encryptionKey) })
            return
        }
        let block = try IPsecCrypto.run("ESP") {
            try BlockCipher(cipher, keyMaterial: encryptionKey)
        }
        guard let integrity else {
            // RFC 4303 section 3.2: ESP must provide confidentiality, integrity or both.
            guard info.encrypts else {
                throw IPsecError(
                    .invalidConfiguration, "ENCR_NULL without an integrity algorithm")
            }
            self = .separate(block, nil)
            return
        }
        switch integrity {
        case .aes128GMAC, .aes192GMAC, .aes256GMAC:
            // ESP uses GMAC as ENCR_NULL_AUTH_AES_GMAC (RFC 4543 section 3); the
            // integrity transform IDs are for AH, which does not yet implement them.
            throw IPsecError(
                .unsupportedAlgorithm,
                "\(integrity.info.ianaName) in ESP: use ENCR_NULL_AUTH_AES_GMAC")
        default:
            break
        }
        guard let integrityKey else {
            throw IPsecError(
                .invalidConfiguration, "\(integrity.info.ianaName) needs an integrity key")
        }
        let transform = try IPsecCrypto.run("ESP") {
            try IntegrityTransform(integrity, key: integrityKey)
        }
        self = .separate(block, transform)
    }

    /// Octets of IV each packet carries.
    var ivLength: Int {
        switch self {
        case .aead(let aead): return aead.ivLength
        case .separate(let block, _): return block.ivLength
        }
    }

    /// Octets of ICV at the end of each packet.
    var icvLength: Int {
        switch self {
        case .aead(let aead): return aead.icvLength
        case .separate(_, let integrity): return integrity?.icvLength ?? 0
        }
    }

    /// The cipher's block size; the trailer pads to it (and to 4 octets).
    var blockSize: Int {
        switch self {
        case .aead: return 1
        case .separate(let block, _): return block.blockSize
        }
    }

    /// Whether the cipher is CBC, whose IV must be unpredictable.
    var isCBC: Bool {
        if case .separate(let block, _) = self { return block.blockSize > 1 }
        return false
    }

    /// IV | ciphertext | ICV for `plaintext` (payload and trailer), behind `header`
    /// (SPI and the low sequence number bits).
    ///
    /// RFC 4106 section 5, RFC 4309 section 5, RFC 7634 section 3, RFC 4543 section 3.3:
    /// the AAD is SPI | sequence number, or SPI | high bits | low bits with ESN. RFC 4303
    /// section 2.2.1: without an AEAD the ICV covers header | IV | ciphertext, with the ESN
    /// high bits appended but not sent.
    func seal(header: [UInt8], esnHigh: [UInt8], iv: [UInt8], plaintext: [UInt8])
        throws(IPsecError) -> [UInt8]
    {
        switch self {
        case .aead(let aead):
            let aad = Array(header[0..<4]) + esnHigh + Array(header[4..<8])
            return iv
                + (try IPsecCrypto.run("ESP") {
                    try aead.seal(plaintext, additionalData: aad, iv: iv)
                })
        case .separate(let block, let integrity):
            let ciphertext = try IPsecCrypto.run("ESP") { try block.encrypt(plaintext, iv: iv) }
            guard let integrity else { return iv + ciphertext }
            let covered = header + iv + ciphertext
            let icv = try IPsecCrypto.run("ESP") { try integrity.icv(for: covered + esnHigh) }
            return iv + ciphertext + icv
        }
    }

    /// The plaintext (payload and trailer) of `body` (IV | ciphertext | ICV) behind
    /// `header`; `authenticationFailed` if the ICV does not verify, `truncated` or
    /// `malformed` if the lengths cannot be right.
    func open(header: [UInt8], esnHigh: [UInt8], body: [UInt8]) throws(IPsecError) -> [UInt8] {
        let reader = IPsecReader(body, "ESP payload")
        try reader.require(ivLength + icvLength + 2, at: 0)
        let iv = try reader.slice(0, ivLength)
        switch self {
        case .aead(let aead):
            let aad = Array(header[0..<4]) + esnHigh + Array(header[4..<8])
            let sealed = try reader.rest(from: ivLength)
            return try IPsecCrypto.run("ESP") { try aead.open(sealed, additionalData: aad, iv: iv) }
        case .separate(let block, let integrity):
            let icvStart = body.count - icvLength
            let ciphertext = Array(body[ivLength..<icvStart])
            if let integrity {
                let covered = header + Array(body[..<icvStart]) + esnHigh
                let received = Array(body[icvStart...])
                let valid = try IPsecCrypto.run("ESP") {
                    try integrity.verify(icv: received, for: covered)
                }
                guard valid else {
                    throw IPsecError(.authenticationFailed, "the ESP ICV does not verify")
                }
            }
            guard ciphertext.count % block.blockSize == 0 else {
                throw IPsecError(
                    .malformed,
                    "\(ciphertext.count) octets of ciphertext are not whole "
                        + "\(block.blockSize)-octet blocks")
            }
            return try IPsecCrypto.run("ESP") { try block.decrypt(ciphertext, iv: iv) }
        }
    }
}
