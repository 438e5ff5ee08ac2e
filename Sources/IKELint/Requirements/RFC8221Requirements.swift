import IKECore

/// RFC 8221, "Cryptographic Algorithm Implementation Requirements and Usage Guidance for
/// ESP and AH": the Child SA's transforms. Integrity rows apply to ESP and AH alike.
///
/// Written from the RFC's tables as the author knows them; no copy of the RFC text was
/// at hand to compare against while writing. Certain: DES, the DES variants, Blowfish and
/// 3IDEA MUST NOT; 3DES SHOULD NOT; AES-CBC and AES-GCM-16 MUST; MD5, DES-MAC and KPDK-MD5
/// MUST NOT; SHA-1 MUST-. Less certain: AES-XCBC (recorded as SHOULD; the RFC
/// distinguishes IoT use) and the GMAC rows (recorded as MAY).
enum RFC8221Requirements {
    // swift-format-ignore
    static let rows: [AlgorithmRequirement] = [
        // Section 5: ESP encryption.
        esp(.encryption(.desIV64), .mustNot),
        esp(.encryption(.des), .mustNot),
        esp(.encryption(.tripleDES), .shouldNot),
        esp(.encryption(.blowfish), .mustNot),
        esp(.encryption(.tripleIDEA), .mustNot),
        esp(.encryption(.desIV32), .mustNot),
        esp(.encryption(.null), .must),
        esp(.encryption(.aesCBC), .must),
        esp(.encryption(.aesCCM8), .should),
        esp(.encryption(.aesGCM16), .must),
        esp(.encryption(.chacha20Poly1305), .should),

        // Section 6: ESP and AH authentication.
        integrity(.hmacMD5_96, .mustNot),
        integrity(.hmacSHA1_96, .mustMinus),
        integrity(.desMAC, .mustNot),
        integrity(.kpdkMD5, .mustNot),
        integrity(.aesXCBC96, .should),
        integrity(.aes128GMAC, .may),
        integrity(.aes256GMAC, .may),
        integrity(.hmacSHA256_128, .must),
        integrity(.hmacSHA512_256, .should),
    ]

    /// Section 5: ENCR_NULL is for authentication-only ESP and gives no confidentiality.
    static let nullEncryption = Citation(rfc: 8221, section: "5")

    private static func esp(_ key: AlgorithmKey, _ level: RequirementLevel)
        -> AlgorithmRequirement
    {
        AlgorithmRequirement(key, level, rfc: 8221, section: "5", uses: [.esp])
    }

    private static func integrity(_ algorithm: IntegrityAlgorithm, _ level: RequirementLevel)
        -> AlgorithmRequirement
    {
        AlgorithmRequirement(
            .integrity(algorithm), level, rfc: 8221, section: "6", uses: [.esp, .ah])
    }
}
