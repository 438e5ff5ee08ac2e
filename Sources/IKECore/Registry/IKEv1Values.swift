/// IKEv1 numbers for the algorithms of the IKEv2 registry.
///
/// Phase 1 (RFC 2409 appendix A) names algorithms with its own attribute values; phase 2
/// (RFC 2407 section 4.4 and 4.5) uses the IPsec DOI transform identifiers and the
/// Authentication Algorithm attribute. The numbers below are IANA's "IPsec Registry" and
/// "ISAKMP Registry"; where IKEv1 has no number for an algorithm the mapping is nil.
public enum IKEv1Values {
    /// Phase 1 Encryption Algorithm attribute value (class 1).
    public static func phase1Encryption(_ algorithm: EncryptionAlgorithm) -> UInt16? {
        switch algorithm {
        case .des: return 1
        case .idea: return 2
        case .blowfish: return 3
        case .rc5: return 4
        case .tripleDES: return 5
        case .cast: return 6
        case .aesCBC: return 7
        case .camelliaCBC: return 8
        default: return nil
        }
    }

    /// The cipher for a phase 1 Encryption Algorithm attribute value.
    public static func encryption(phase1Value value: UInt16) -> EncryptionAlgorithm? {
        EncryptionAlgorithm.allCases.first { phase1Encryption($0) == value }
    }

    /// Phase 1 Hash Algorithm attribute value (class 2).
    public static func phase1Hash(_ hash: HashAlgorithm) -> UInt16 {
        switch hash {
        case .md5: return 1
        case .sha1: return 2
        case .sha256: return 4
        case .sha384: return 5
        case .sha512: return 6
        }
    }

    /// The hash for a phase 1 Hash Algorithm attribute value.
    public static func hash(phase1Value value: UInt16) -> HashAlgorithm? {
        HashAlgorithm.allCases.first { phase1Hash($0) == value }
    }

    /// The phase 1 hash an IKEv2-style integrity keyword stands for in an IKEv1 proposal
    /// (`sha256` means SHA2-256 as the hash and HMAC-SHA2-256 as the PRF).
    public static func phase1Hash(forIntegrity integrity: IntegrityAlgorithm) -> HashAlgorithm? {
        switch integrity {
        case .hmacMD5_96, .hmacMD5_128: return .md5
        case .hmacSHA1_96, .hmacSHA1_160: return .sha1
        case .hmacSHA256_128: return .sha256
        case .hmacSHA384_192: return .sha384
        case .hmacSHA512_256: return .sha512
        default: return nil
        }
    }

    /// The phase 1 hash an IKEv2 PRF stands for in an IKEv1 proposal.
    public static func phase1Hash(forPRF prf: PseudorandomFunction) -> HashAlgorithm? {
        prf.info.hash
    }

    /// IPsec DOI ESP transform identifier (RFC 2407 section 4.4.4 and IANA "IPSEC ESP
    /// Transform Identifiers"). Note the numbers that differ from IKEv2: Camellia is 22 and
    /// NULL_AUTH_AES_GMAC is 23 in IKEv1.
    public static func espTransformID(_ algorithm: EncryptionAlgorithm) -> UInt8? {
        switch algorithm {
        case .desIV64: return 1
        case .des: return 2
        case .tripleDES: return 3
        case .rc5: return 4
        case .idea: return 5
        case .cast: return 6
        case .blowfish: return 7
        case .tripleIDEA: return 8
        case .desIV32: return 9
        case .null: return 11
        case .aesCBC: return 12
        case .aesCTR: return 13
        case .aesCCM8: return 14
        case .aesCCM12: return 15
        case .aesCCM16: return 16
        case .aesGCM8: return 18
        case .aesGCM12: return 19
        case .aesGCM16: return 20
        case .camelliaCBC: return 22
        case .nullAuthAESGMAC: return 23
        default: return nil
        }
    }

    /// The cipher for an IKEv1 ESP transform identifier.
    public static func encryption(espTransformID id: UInt8) -> EncryptionAlgorithm? {
        EncryptionAlgorithm.allCases.first { espTransformID($0) == id }
    }

    /// IPsec DOI Authentication Algorithm attribute value (RFC 2407 section 4.5), used by
    /// ESP and AH in quick mode.
    public static func authenticationAlgorithm(_ integrity: IntegrityAlgorithm) -> UInt16? {
        switch integrity {
        case .hmacMD5_96: return 1
        case .hmacSHA1_96: return 2
        case .desMAC: return 3
        case .kpdkMD5: return 4
        case .hmacSHA256_128: return 5
        case .hmacSHA384_192: return 6
        case .hmacSHA512_256: return 7
        case .aesXCBC96: return 9
        case .aes128GMAC: return 11
        case .aes192GMAC: return 12
        case .aes256GMAC: return 13
        default: return nil
        }
    }

    /// The integrity algorithm for an Authentication Algorithm attribute value.
    public static func integrity(authenticationAlgorithm value: UInt16) -> IntegrityAlgorithm? {
        IntegrityAlgorithm.allCases.first { authenticationAlgorithm($0) == value }
    }

    /// IPsec DOI AH transform identifier (RFC 2407 section 4.4.3, IANA "IPSEC AH Transform
    /// Identifiers").
    public static func ahTransformID(_ integrity: IntegrityAlgorithm) -> UInt8? {
        switch integrity {
        case .hmacMD5_96: return 2
        case .hmacSHA1_96: return 3
        case .desMAC: return 4
        case .hmacSHA256_128: return 5
        case .hmacSHA384_192: return 6
        case .hmacSHA512_256: return 7
        case .aesXCBC96: return 9
        case .aes128GMAC: return 11
        case .aes192GMAC: return 12
        case .aes256GMAC: return 13
        default: return nil
        }
    }

    /// The integrity algorithm for an IKEv1 AH transform identifier.
    public static func integrity(ahTransformID id: UInt8) -> IntegrityAlgorithm? {
        IntegrityAlgorithm.allCases.first { ahTransformID($0) == id }
    }

    /// Whether IANA's IKEv1 Group Description registry lists this group. Curve25519 and
    /// Curve448 are registered for IKEv2 only (RFC 8031 section 6); strongSwan still sends
    /// them in IKEv1 under the IKEv2 numbers, which other IKEv1 peers will not know.
    public static func isRegisteredForIKEv1(_ group: DHGroup) -> Bool {
        switch group {
        case .curve25519, .curve448: return false
        default: return true
        }
    }
}
