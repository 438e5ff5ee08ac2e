internal import CCrypto
import IKECore

/// An integrity transform keyed for one direction of an SA (SK_ai / SK_ar, or an ESP/AH
/// integrity key): computes the truncated ICV and verifies a received one in constant
/// time.
///
/// HMAC-MD5-96/128 (RFC 2403, RFC 4595), HMAC-SHA1-96/160 (RFC 2404, RFC 4595),
/// HMAC-SHA2-256-128/384-192/512-256 (RFC 4868), AES-XCBC-96 (RFC 3566), AES-CMAC-96
/// (RFC 4494), and AES-GMAC-128/192/256 (RFC 4543), which alone takes a per-message IV.
/// Immutable after init and safe to share.
public final class IntegrityTransform: Sendable {
    /// The IANA transform.
    public let algorithm: IntegrityAlgorithm
    private let kind: Kind
    private let key: SecretBytes

    private enum Kind {
        /// HMAC or CMAC: a keyed context duplicated per message.
        case template(KeyedTemplate, MACAlgorithm)
        /// XCBC: keyed per message.
        case mac(MACAlgorithm)
        case gmac(AEADCipher)
    }

    /// A transform keyed with `key`, which must be `algorithm.info.keyLength` octets (for
    /// GMAC: the AES key followed by the 4-octet salt, RFC 4543 section 3.2).
    public init(_ algorithm: IntegrityAlgorithm, key: SecretBytes) throws {
        self.algorithm = algorithm
        let info = algorithm.info
        guard info.implemented else {
            throw CryptoError(.unsupportedAlgorithm, "\(info.ianaName) is not implemented")
        }
        guard key.count == info.keyLength else {
            throw CryptoError(
                .invalidKeyLength,
                "\(info.ianaName) takes a \(info.keyLength)-octet key, not \(key.count)")
        }
        self.key = key
        switch algorithm {
        case .hmacMD5_96, .hmacMD5_128: kind = try Self.keyed(.hmac(.md5), key)
        case .hmacSHA1_96, .hmacSHA1_160: kind = try Self.keyed(.hmac(.sha1), key)
        case .hmacSHA256_128: kind = try Self.keyed(.hmac(.sha256), key)
        case .hmacSHA384_192: kind = try Self.keyed(.hmac(.sha384), key)
        case .hmacSHA512_256: kind = try Self.keyed(.hmac(.sha512), key)
        case .aesXCBC96: kind = .mac(.aesXCBC)
        case .aesCMAC96: kind = try Self.keyed(.aesCMAC, key)
        case .aes128GMAC, .aes192GMAC, .aes256GMAC:
            let keyBits = (key.count - 4) * 8
            kind = .gmac(
                try AEADCipher(Cipher(.nullAuthAESGMAC, keyBits: keyBits), keyMaterial: key))
        case .desMAC, .kpdkMD5:
            throw CryptoError(.unsupportedAlgorithm, "\(info.ianaName) is not implemented")
        }
    }

    private static func keyed(_ mac: MACAlgorithm, _ key: SecretBytes) throws -> Kind {
        let template = try key.withUnsafeBytes { try mac.keyedTemplate($0) }
        guard let template else { return .mac(mac) }
        return .template(template, mac)
    }

    /// Length of the ICV in octets.
    public var icvLength: Int { algorithm.info.icvLength }

    /// Whether `icv(for:iv:)` needs the message's IV (AES-GMAC, RFC 4543 section 3.1).
    public var requiresIV: Bool {
        if case .gmac = kind { return true }
        return false
    }

    /// The truncated ICV over `data`. `iv` is the 8-octet IV carried in the message for
    /// GMAC and ignored otherwise.
    public func icv(for data: [UInt8], iv: [UInt8]? = nil) throws -> [UInt8] {
        switch kind {
        case .template(let template, let mac):
            let full = try data.withUnsafeBytes {
                try template.compute($0, length: mac.outputLength)
            }
            return Array(full.prefix(icvLength))
        case .mac(let mac):
            let full = try key.withUnsafeBytes { key in
                try data.withUnsafeBytes { data in try mac.compute(key: key, data: data) }
            }
            return Array(full.prefix(icvLength))
        case .gmac(let cipher):
            guard let iv else {
                throw CryptoError(.invalidIVLength, "\(algorithm.info.ianaName) needs an IV")
            }
            return try cipher.gmacTag(over: data, iv: iv)
        }
    }

    /// Whether `icv` is the ICV of `data`, compared in constant time (`CRYPTO_memcmp`). A
    /// received ICV of the wrong length is simply not valid.
    public func verify(icv received: [UInt8], for data: [UInt8], iv: [UInt8]? = nil) throws
        -> Bool
    {
        let expected = try icv(for: data, iv: iv)
        return ConstantTime.equal(expected, received)
    }
}

/// Comparisons whose time does not depend on where the inputs differ.
enum ConstantTime {
    /// Whether two octet strings are equal; lengths are not secret.
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}
