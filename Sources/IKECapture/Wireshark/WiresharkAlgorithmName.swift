import IKECore

/// How Wireshark 4.0 can use one algorithm of a key table row.
public enum WiresharkAlgorithmName: Sendable, Hashable {
    /// Wireshark decrypts with it, or checks the ICV with it, under this exact display
    /// name (the UAT field's value).
    case verified(String)
    /// Wireshark cannot check this ICV but skips it by length ("ANY 96 bit ..."), so the
    /// payload still decrypts; the name is that catch-all entry.
    case unverified(String)
    /// Wireshark 4.0 cannot decrypt traffic protected by this algorithm.
    case notDecryptableByWireshark4(reason: String)

    /// The name to write into the table, unless Wireshark cannot use the algorithm.
    public var tableName: String? {
        switch self {
        case .verified(let name), .unverified(let name): return name
        case .notDecryptableByWireshark4: return nil
        }
    }
}

/// The display names Wireshark 4.0 gives ikec's algorithms in its key tables
/// (`ikev2_decryption_table`, `esp_sa`), read from the value strings of its ISAKMP and ESP
/// dissectors. A name must match exactly or Wireshark rejects the row.
public enum WiresharkAlgorithms {
    /// The `ikev2_decryption_table` encryption name of `cipher`.
    public static func ikev2Encryption(_ cipher: Cipher) -> WiresharkAlgorithmName {
        let bits = cipher.effectiveKeyBits
        let aesBits = [128, 192, 256].contains(bits)
        switch cipher.algorithm {
        case .null: return .verified("NULL [RFC2410]")
        case .tripleDES: return .verified("3DES [RFC2451]")
        case .aesCBC where aesBits: return .verified("AES-CBC-\(bits) [RFC3602]")
        case .aesCTR where aesBits: return .verified("AES-CTR-\(bits) [RFC5930]")
        case .aesGCM8 where aesBits: return aead("GCM", bits, 8)
        case .aesGCM12 where aesBits: return aead("GCM", bits, 12)
        case .aesGCM16 where aesBits: return aead("GCM", bits, 16)
        case .aesCCM8 where aesBits: return aead("CCM", bits, 8)
        case .aesCCM12 where aesBits: return aead("CCM", bits, 12)
        case .aesCCM16 where aesBits: return aead("CCM", bits, 16)
        default: return unsupported(cipher.algorithm.info.ianaName, "IKEv2")
        }
    }

    /// The `ikev2_decryption_table` integrity name of `integrity`; nil (an AEAD's SA) is
    /// "NONE".
    public static func ikev2Integrity(_ integrity: IntegrityAlgorithm?) -> WiresharkAlgorithmName {
        guard let integrity else { return .verified("NONE [RFC4306]") }
        switch integrity {
        case .hmacMD5_96: return .verified("HMAC_MD5_96 [RFC2403]")
        case .hmacSHA1_96: return .verified("HMAC_SHA1_96 [RFC2404]")
        case .hmacMD5_128: return .verified("HMAC_MD5_128 [RFC4595]")
        case .hmacSHA1_160: return .verified("HMAC_SHA1_160 [RFC4595]")
        case .hmacSHA256_128: return .verified("HMAC_SHA2_256_128 [RFC4868]")
        case .hmacSHA384_192: return .verified("HMAC_SHA2_384_192 [RFC4868]")
        case .hmacSHA512_256: return .verified("HMAC_SHA2_512_256 [RFC4868]")
        case .aesXCBC96, .aesCMAC96:
            return .unverified("ANY 96-bits of Authentication [No Checking]")
        case .aes128GMAC, .aes192GMAC, .aes256GMAC:
            return .unverified("ANY 128-bits of Authentication [No Checking]")
        case .desMAC, .kpdkMD5:
            return unsupported(integrity.info.ianaName, "IKEv2")
        }
    }

    /// The `esp_sa` encryption name of `cipher`.
    public static func espEncryption(_ cipher: Cipher) -> WiresharkAlgorithmName {
        let bits = cipher.effectiveKeyBits
        switch cipher.algorithm {
        case .null: return .verified("NULL")
        case .tripleDES: return .verified("TripleDES-CBC [RFC2451]")
        case .des: return .verified("DES-CBC [RFC2405]")
        case .aesCBC: return .verified("AES-CBC [RFC3602]")
        case .aesCTR: return .verified("AES-CTR [RFC3686]")
        case .cast: return .verified("CAST5-CBC [RFC2144]")
        // Wireshark's ESP Blowfish takes 128-bit keys only.
        case .blowfish where bits == 128: return .verified("BLOWFISH-CBC [RFC2451]")
        case .aesGCM8: return .verified("AES-GCM with 8 octet ICV [RFC4106]")
        case .aesGCM12: return .verified("AES-GCM with 12 octet ICV [RFC4106]")
        case .aesGCM16: return .verified("AES-GCM with 16 octet ICV [RFC4106]")
        default: return unsupported(cipher.algorithm.info.ianaName, "ESP")
        }
    }

    /// The `esp_sa` authentication name of `integrity`; nil (an AEAD, or no integrity)
    /// is "NULL".
    public static func espAuthentication(_ integrity: IntegrityAlgorithm?)
        -> WiresharkAlgorithmName
    {
        guard let integrity else { return .verified("NULL") }
        switch integrity {
        case .hmacSHA1_96: return .verified("HMAC-SHA-1-96 [RFC2404]")
        case .hmacSHA256_128: return .verified("HMAC-SHA-256-128 [RFC4868]")
        case .hmacSHA384_192: return .verified("HMAC-SHA-384-192 [RFC4868]")
        case .hmacSHA512_256: return .verified("HMAC-SHA-512-256 [RFC4868]")
        case .hmacMD5_96: return .verified("HMAC-MD5-96 [RFC2403]")
        case .aesXCBC96, .aesCMAC96: return .unverified("ANY 96 bit authentication [no checking]")
        case .hmacMD5_128: return .unverified("ANY 128 bit authentication [no checking]")
        case .hmacSHA1_160, .aes128GMAC, .aes192GMAC, .aes256GMAC, .desMAC, .kpdkMD5:
            return unsupported(integrity.info.ianaName, "ESP")
        }
    }

    /// Whether Wireshark 4.0 decrypts IKEv1 messages protected by `cipher` (it reads the
    /// cipher from the captured SA payload and takes only the key from the table).
    public static func ikev1Encryption(_ cipher: Cipher) -> WiresharkAlgorithmName {
        switch cipher.algorithm {
        case .des, .tripleDES, .aesCBC: return .verified(cipher.algorithm.info.ianaName)
        default: return unsupported(cipher.algorithm.info.ianaName, "IKEv1")
        }
    }

    private static func aead(_ mode: String, _ bits: Int, _ icv: Int) -> WiresharkAlgorithmName {
        .verified("AES-\(mode)-\(bits) with \(icv) octet ICV [RFC5282]")
    }

    private static func unsupported(_ name: String, _ protocolName: String)
        -> WiresharkAlgorithmName
    {
        .notDecryptableByWireshark4(reason: "Wireshark 4.0 has no \(protocolName) \(name)")
    }
}
