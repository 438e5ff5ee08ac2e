import IKECore

/// RFC 9206, "Commercial National Security Algorithm (CNSA) Suite Cryptography for IPsec":
/// the `cnsa` profile. Unlike the other tables this one lists what is allowed; anything
/// else is an error under the profile.
///
/// IKE and ESP: AES-256 in GCM with a 16-octet ICV (preferred) or in CBC with
/// HMAC-SHA2-384-192; PRF HMAC-SHA2-384; Diffie-Hellman ECP-384 or MODP of 3072 bits or
/// more; authentication with ECDSA P-384 or RSA of at least 3072 bits; IKEv2 only.
///
/// Written from the RFC as the author knows it; the section numbers (3 for the
/// algorithm list, 4 for IKEv2, 5 for ESP) are the least certain part.
enum RFC9206Requirements {
    /// Ciphers allowed for the IKE SA and ESP.
    static let ciphers: Set<EncryptionAlgorithm> = [.aesGCM16, .aesCBC]
    /// The only key length allowed.
    static let keyBits = 256
    /// PRFs allowed.
    static let prfs: Set<PseudorandomFunction> = [.hmacSHA384]
    /// Integrity algorithms allowed (with AES-CBC).
    static let integrity: Set<IntegrityAlgorithm> = [.hmacSHA384_192]
    /// Diffie-Hellman groups allowed, for the IKE SA and for PFS.
    static let groups: Set<DHGroup> = [.ecp384, .modp3072, .modp4096, .modp6144, .modp8192]
    /// The smallest RSA modulus allowed.
    static let minimumRSABits = 3072

    /// Where the algorithm list is.
    static let algorithms = Citation(rfc: 9206, section: "3")
    /// Where IKEv2 (and only IKEv2) is required.
    static let ikeVersion = Citation(rfc: 9206, section: "4")

    /// The allowed replacement for a transform, as a keyword, if one fits in its place.
    static func replacement(for transform: Transform) -> String? {
        switch transform {
        case .encryption(let cipher):
            return cipher.algorithm.info.isAEAD ? "aes256gcm16" : "aes256"
        case .prf: return "prfsha384"
        case .integrity: return "sha384"
        case .dhGroup: return "ecp384"
        case .esn: return nil
        }
    }

    /// Whether `transform` is allowed by the suite.
    static func allows(_ transform: Transform) -> Bool {
        switch transform {
        case .encryption(let cipher):
            return ciphers.contains(cipher.algorithm) && cipher.effectiveKeyBits == keyBits
        case .prf(let prf): return prfs.contains(prf)
        case .integrity(let algorithm): return integrity.contains(algorithm)
        case .dhGroup(let group): return groups.contains(group)
        case .esn: return true
        }
    }
}
