import IKECore

/// Libreswan 4.10's algorithm names (ipsec.conf(5), `ike=`, `esp=`, `ah=`), checked
/// against its own parser (`ipsec algparse`). Nil means Libreswan 4.10 does not support
/// the algorithm in that place.
enum LibreswanAlgorithms {
    /// A cipher; `ike` is false for ESP, where a few more are allowed.
    static func cipher(_ cipher: Cipher, ike: Bool) -> String? {
        let bits = cipher.keyBits.map(String.init) ?? ""
        switch cipher.algorithm {
        case .tripleDES: return "3des"
        case .aesCBC: return "aes" + bits
        case .aesCTR: return "aes_ctr" + bits
        case .aesGCM8: return "aes_gcm_a" + bits
        case .aesGCM12: return "aes_gcm_b" + bits
        case .aesGCM16: return "aes_gcm" + bits
        case .aesCCM8: return ike ? nil : "aes_ccm_a" + bits
        case .aesCCM12: return ike ? nil : "aes_ccm_b" + bits
        case .aesCCM16: return ike ? nil : "aes_ccm" + bits
        case .camelliaCBC: return "camellia" + bits
        case .chacha20Poly1305: return "chacha20_poly1305"
        case .null: return ike ? nil : "null"
        case .nullAuthAESGMAC: return ike ? nil : "null_auth_aes_gmac" + bits
        default: return nil
        }
    }

    /// An integrity algorithm; in an IKE proposal it also names the PRF.
    static func integrity(_ integrity: IntegrityAlgorithm, ike: Bool) -> String? {
        switch integrity {
        case .hmacMD5_96: return "md5"
        case .hmacSHA1_96: return "sha1"
        case .hmacSHA256_128: return "sha2_256"
        case .hmacSHA384_192: return "sha2_384"
        case .hmacSHA512_256: return "sha2_512"
        case .aesXCBC96: return "aes_xcbc"
        case .aesCMAC96: return ike ? nil : "aes_cmac"
        default: return nil
        }
    }

    /// A PRF (the middle word of an AEAD IKE proposal).
    static func prf(_ prf: PseudorandomFunction) -> String? {
        switch prf {
        case .hmacMD5: return "md5"
        case .hmacSHA1: return "sha1"
        case .hmacSHA256: return "sha2_256"
        case .hmacSHA384: return "sha2_384"
        case .hmacSHA512: return "sha2_512"
        case .aes128XCBC: return "aes_xcbc"
        default: return nil
        }
    }

    /// A Diffie-Hellman group.
    static func group(_ group: DHGroup) -> String? {
        switch group {
        case .modp1536: return "modp1536"
        case .modp2048: return "modp2048"
        case .modp3072: return "modp3072"
        case .modp4096: return "modp4096"
        case .modp6144: return "modp6144"
        case .modp8192: return "modp8192"
        case .ecp256: return "dh19"
        case .ecp384: return "dh20"
        case .ecp521: return "dh21"
        case .curve25519: return "dh31"
        default: return nil
        }
    }
}
