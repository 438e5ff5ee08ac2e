/// The ciphers, fetched on first use (the legacy ones from the legacy provider's own
/// library context, which is created only then).
enum Ciphers {
    static let aes128ECB = Fetched.cipher("AES-128-ECB")
    static let aes128CBC = Fetched.cipher("AES-128-CBC")
    static let aes192CBC = Fetched.cipher("AES-192-CBC")
    static let aes256CBC = Fetched.cipher("AES-256-CBC")
    static let aes128CTR = Fetched.cipher("AES-128-CTR")
    static let aes192CTR = Fetched.cipher("AES-192-CTR")
    static let aes256CTR = Fetched.cipher("AES-256-CTR")
    static let aes128GCM = Fetched.cipher("AES-128-GCM")
    static let aes192GCM = Fetched.cipher("AES-192-GCM")
    static let aes256GCM = Fetched.cipher("AES-256-GCM")
    static let aes128CCM = Fetched.cipher("AES-128-CCM")
    static let aes192CCM = Fetched.cipher("AES-192-CCM")
    static let aes256CCM = Fetched.cipher("AES-256-CCM")
    static let chacha20Poly1305 = Fetched.cipher("ChaCha20-Poly1305")
    static let tripleDESCBC = Fetched.cipher("DES-EDE3-CBC")
    static let camellia128CBC = Fetched.cipher("CAMELLIA-128-CBC")
    static let camellia192CBC = Fetched.cipher("CAMELLIA-192-CBC")
    static let camellia256CBC = Fetched.cipher("CAMELLIA-256-CBC")
    static let desCBC = LegacyProvider.shared.cipher("DES-CBC")
    static let blowfishCBC = LegacyProvider.shared.cipher("BF-CBC")
    static let cast128CBC = LegacyProvider.shared.cipher("CAST5-CBC")

    /// AES in CBC mode for a key of `bits` bits.
    static func aesCBC(bits: Int) -> Fetched? {
        switch bits {
        case 128: return aes128CBC
        case 192: return aes192CBC
        case 256: return aes256CBC
        default: return nil
        }
    }

    /// AES in CTR mode for a key of `bits` bits.
    static func aesCTR(bits: Int) -> Fetched? {
        switch bits {
        case 128: return aes128CTR
        case 192: return aes192CTR
        case 256: return aes256CTR
        default: return nil
        }
    }

    /// AES in GCM mode for a key of `bits` bits.
    static func aesGCM(bits: Int) -> Fetched? {
        switch bits {
        case 128: return aes128GCM
        case 192: return aes192GCM
        case 256: return aes256GCM
        default: return nil
        }
    }

    /// AES in CCM mode for a key of `bits` bits.
    static func aesCCM(bits: Int) -> Fetched? {
        switch bits {
        case 128: return aes128CCM
        case 192: return aes192CCM
        case 256: return aes256CCM
        default: return nil
        }
    }

    /// Camellia in CBC mode for a key of `bits` bits.
    static func camelliaCBC(bits: Int) -> Fetched? {
        switch bits {
        case 128: return camellia128CBC
        case 192: return camellia192CBC
        case 256: return camellia256CBC
        default: return nil
        }
    }
}
