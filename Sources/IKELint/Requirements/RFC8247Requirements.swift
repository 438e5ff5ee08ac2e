import IKECore

/// RFC 8247, "Algorithm Implementation Requirements and Usage Guidance for IKEv2": the
/// IKE SA's transforms (its tables apply to phase 1; ikec applies them to IKEv1 phase 1
/// as well, since RFC 9395 leaves IKEv1 no table of its own).
///
/// Written from the RFC's tables as the author knows them; no copy of the RFC text was
/// at hand to compare against while writing. Rows whose level is certain: DES, MD5,
/// DES-MAC, KPDK-MD5 and MODP-768 are MUST NOT; MODP-1024 and MODP-1536 SHOULD NOT;
/// SHA-1 PRF and integrity MUST-; AES-CBC, HMAC-SHA2-256 and MODP-2048 MUST. Less
/// certain: the RFC 5114 groups 22 to 24 (recorded as SHOULD NOT) and the signature hash
/// table's section number (recorded as 4.2).
enum RFC8247Requirements {
    // swift-format-ignore
    static let rows: [AlgorithmRequirement] = [
        // Section 3.1: Type 1, encryption for the IKE SA. 3DES is MAY, kept for old peers.
        row(.encryption(.aesCBC), .must, "3.1"),
        row(.encryption(.chacha20Poly1305), .should, "3.1"),
        row(.encryption(.aesGCM16), .should, "3.1"),
        row(.encryption(.aesCCM8), .should, "3.1"),
        row(.encryption(.tripleDES), .may, "3.1"),
        row(.encryption(.des), .mustNot, "3.1"),

        // Section 3.2: Type 2, pseudorandom functions.
        row(.prf(.hmacSHA256), .must, "3.2"),
        row(.prf(.hmacSHA512), .shouldPlus, "3.2"),
        row(.prf(.hmacSHA1), .mustMinus, "3.2"),
        row(.prf(.aes128XCBC), .should, "3.2"),
        row(.prf(.hmacMD5), .mustNot, "3.2"),

        // Section 3.3: Type 3, integrity for the IKE SA.
        row(.integrity(.hmacSHA256_128), .must, "3.3"),
        row(.integrity(.hmacSHA512_256), .should, "3.3"),
        row(.integrity(.hmacSHA1_96), .mustMinus, "3.3"),
        row(.integrity(.aesXCBC96), .should, "3.3"),
        row(.integrity(.hmacMD5_96), .mustNot, "3.3"),
        row(.integrity(.desMAC), .mustNot, "3.3"),
        row(.integrity(.kpdkMD5), .mustNot, "3.3"),

        // Section 3.4: Type 4, Diffie-Hellman groups.
        row(.group(.modp2048), .must, "3.4"),
        row(.group(.ecp256), .should, "3.4"),
        row(.group(.curve25519), .should, "3.4"),
        row(.group(.modp1536), .shouldNot, "3.4"),
        row(.group(.modp1024), .shouldNot, "3.4"),
        row(.group(.modp768), .mustNot, "3.4"),
        row(.group(.modp1024s160), .shouldNot, "3.4"),
        row(.group(.modp2048s224), .shouldNot, "3.4"),
        row(.group(.modp2048s256), .shouldNot, "3.4"),
    ]

    /// Section 4.2: SHA-1 MUST NOT be used for RFC 7427 digital signatures.
    static let sha1Signatures = Citation(rfc: 8247, section: "4.2")

    /// Section 4.1: RSA keys of at least 2048 bits.
    static let rsaKeySize = Citation(rfc: 8247, section: "4.1")

    private static func row(_ key: AlgorithmKey, _ level: RequirementLevel, _ section: String)
        -> AlgorithmRequirement
    {
        AlgorithmRequirement(key, level, rfc: 8247, section: section, uses: [.ike])
    }
}
