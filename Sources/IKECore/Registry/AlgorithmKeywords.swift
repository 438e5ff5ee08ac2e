/// The strongSwan proposal keywords (`aes256gcm16`, `prfsha384`, `ecp384`...), which ikec's
/// policy language uses, and the IANA names accepted as aliases.
///
/// Each keyword names one transform. The table is built from the families below rather
/// than listed by hand, so the spellings strongSwan accepts for one cipher (for example
/// `aes128gcm16`, `aes128gcm128` and `aes128gcm`) cannot drift apart.
public enum AlgorithmKeywords {
    /// The transform a keyword names, or nil. Case-insensitive.
    public static func transform(forKeyword keyword: String) -> Transform? {
        table.byKeyword[keyword.lowercased()]
    }

    /// Every keyword, in a stable order: the canonical spelling of each transform first.
    public static var allKeywords: [String] { table.ordered.map(\.keyword) }

    /// Keywords that stand for "no Diffie-Hellman group" in a Child SA proposal (no PFS).
    public static let noGroupKeywords: Set<String> = ["none", "modpnone"]

    /// The canonical keyword of a transform.
    static func canonicalKeyword(of transform: Transform) -> String {
        if let keyword = table.canonical[transform] { return keyword }
        return transform.ianaName.lowercased()
    }

    /// A transform type and ID for an IANA name such as `ENCR_AES_GCM_16`, `PRF_HMAC_SHA2_256`,
    /// `AUTH_HMAC_SHA2_256_128`, `MODP_2048` or `ESN`. Case-insensitive. The caller adds the
    /// key length for variable-length ciphers.
    public static func transformID(forIANAName name: String) -> (TransformType, UInt16)? {
        ianaNames[name.uppercased()]
    }

    /// All IANA names ikec accepts, for "did you mean" suggestions.
    public static var allIANANames: [String] { ianaNames.keys.sorted() }

    private struct Entry {
        let keyword: String
        let transform: Transform
    }

    private struct Table {
        var ordered: [Entry] = []
        var byKeyword: [String: Transform] = [:]
        var canonical: [Transform: String] = [:]

        mutating func add(_ transform: Transform, _ keywords: [String]) {
            for keyword in keywords {
                ordered.append(Entry(keyword: keyword, transform: transform))
                byKeyword[keyword] = transform
            }
            if canonical[transform] == nil, let first = keywords.first {
                canonical[transform] = first
            }
        }
    }

    private static let table: Table = {
        var table = Table()
        addCiphers(to: &table)
        addIntegrity(to: &table)
        addPRFs(to: &table)
        addGroups(to: &table)
        table.add(.esn(.enabled), ["esn"])
        table.add(.esn(.disabled), ["noesn"])
        return table
    }()

    private static func addCiphers(to table: inout Table) {
        func cipher(_ algorithm: EncryptionAlgorithm, _ bits: Int? = nil) -> Transform {
            .encryption(Cipher(algorithm, keyBits: bits))
        }

        table.add(cipher(.null), ["null"])
        table.add(cipher(.des), ["des"])
        table.add(cipher(.tripleDES), ["3des"])
        for bits in [128, 192, 256] {
            let plain = bits == 128 ? ["aes\(bits)", "aes"] : ["aes\(bits)"]
            table.add(cipher(.aesCBC, bits), plain)
            table.add(cipher(.aesCTR, bits), ["aes\(bits)ctr"])
            let aeads: [(EncryptionAlgorithm, EncryptionAlgorithm, EncryptionAlgorithm, String)] =
                [(.aesCCM8, .aesCCM12, .aesCCM16, "ccm"), (.aesGCM8, .aesGCM12, .aesGCM16, "gcm")]
            for (icv8, icv12, icv16, mode) in aeads {
                let icv16Names = ["16", "128", ""].map { "aes\(bits)\(mode)\($0)" }
                table.add(cipher(icv16, bits), icv16Names)
                table.add(cipher(icv8, bits), ["aes\(bits)\(mode)8", "aes\(bits)\(mode)64"])
                table.add(cipher(icv12, bits), ["aes\(bits)\(mode)12", "aes\(bits)\(mode)96"])
            }
            table.add(cipher(.nullAuthAESGMAC, bits), ["aes\(bits)gmac"])
            let camellia = bits == 128 ? ["camellia\(bits)", "camellia"] : ["camellia\(bits)"]
            table.add(cipher(.camelliaCBC, bits), camellia)
            table.add(cipher(.camelliaCTR, bits), ["camellia\(bits)ctr"])
            let camelliaCCM: [(EncryptionAlgorithm, Int)] =
                [(.camelliaCCM16, 16), (.camelliaCCM8, 8), (.camelliaCCM12, 12)]
            for (algorithm, icv) in camelliaCCM {
                let names = ["camellia\(bits)ccm\(icv)", "camellia\(bits)ccm\(icv * 8)"]
                table.add(cipher(algorithm, bits), names)
            }
            let blowfish = bits == 128 ? ["blowfish\(bits)", "blowfish"] : ["blowfish\(bits)"]
            table.add(cipher(.blowfish, bits), blowfish)
        }
        table.add(cipher(.chacha20Poly1305), ["chacha20poly1305"])
        table.add(cipher(.cast, 128), ["cast128"])
    }

    private static func addIntegrity(to table: inout Table) {
        table.add(.integrity(.hmacSHA1_96), ["sha1", "sha"])
        table.add(.integrity(.hmacSHA1_160), ["sha1_160"])
        table.add(.integrity(.hmacSHA256_128), ["sha256", "sha2_256"])
        table.add(.integrity(.hmacSHA384_192), ["sha384", "sha2_384"])
        table.add(.integrity(.hmacSHA512_256), ["sha512", "sha2_512"])
        table.add(.integrity(.hmacMD5_96), ["md5"])
        table.add(.integrity(.hmacMD5_128), ["md5_128"])
        table.add(.integrity(.aesXCBC96), ["aesxcbc"])
        table.add(.integrity(.aesCMAC96), ["aescmac"])
    }

    private static func addPRFs(to table: inout Table) {
        table.add(.prf(.hmacSHA1), ["prfsha1"])
        table.add(.prf(.hmacSHA256), ["prfsha256"])
        table.add(.prf(.hmacSHA384), ["prfsha384"])
        table.add(.prf(.hmacSHA512), ["prfsha512"])
        table.add(.prf(.hmacMD5), ["prfmd5"])
        table.add(.prf(.aes128XCBC), ["prfaesxcbc"])
        table.add(.prf(.aes128CMAC), ["prfaescmac"])
    }

    private static func addGroups(to table: inout Table) {
        let modp: [(DHGroup, String)] = [
            (.modp768, "modp768"), (.modp1024, "modp1024"), (.modp1536, "modp1536"),
            (.modp2048, "modp2048"), (.modp3072, "modp3072"), (.modp4096, "modp4096"),
            (.modp6144, "modp6144"), (.modp8192, "modp8192"), (.modp1024s160, "modp1024s160"),
            (.modp2048s224, "modp2048s224"), (.modp2048s256, "modp2048s256"),
            (.ecp192, "ecp192"), (.ecp224, "ecp224"), (.ecp256, "ecp256"), (.ecp384, "ecp384"),
            (.ecp521, "ecp521"), (.brainpool224, "ecp224bp"), (.brainpool256, "ecp256bp"),
            (.brainpool384, "ecp384bp"), (.brainpool512, "ecp512bp"),
        ]
        for (group, keyword) in modp { table.add(.dhGroup(group), [keyword]) }
        table.add(.dhGroup(.curve25519), ["curve25519", "x25519"])
        table.add(.dhGroup(.curve448), ["curve448", "x448"])
    }

    private static let ianaNames: [String: (TransformType, UInt16)] = {
        var names: [String: (TransformType, UInt16)] = [:]
        for algorithm in EncryptionAlgorithm.allCases {
            names[algorithm.info.ianaName] = (.encryption, algorithm.rawValue)
        }
        for prf in PseudorandomFunction.allCases {
            names[prf.info.ianaName] = (.prf, prf.rawValue)
        }
        for integrity in IntegrityAlgorithm.allCases {
            names[integrity.info.ianaName] = (.integrity, integrity.rawValue)
        }
        for group in DHGroup.allCases {
            names[group.ianaKeyword] = (.dhGroup, group.rawValue)
        }
        names["ESN"] = (.esn, 1)
        names["NO_ESN"] = (.esn, 0)
        return names
    }()
}

extension Transform {
    /// The canonical strongSwan keyword for this transform.
    public var keyword: String { AlgorithmKeywords.canonicalKeyword(of: self) }
}

extension DHGroup {
    /// The IANA-style identifier ikec accepts for the group: `MODP_2048`, `ECP_256`,
    /// `MODP_2048_256`, `BRAINPOOL_P256R1`, `CURVE25519`...
    public var ianaKeyword: String {
        switch self {
        case .modp768: return "MODP_768"
        case .modp1024: return "MODP_1024"
        case .modp1536: return "MODP_1536"
        case .modp2048: return "MODP_2048"
        case .modp3072: return "MODP_3072"
        case .modp4096: return "MODP_4096"
        case .modp6144: return "MODP_6144"
        case .modp8192: return "MODP_8192"
        case .ecp256: return "ECP_256"
        case .ecp384: return "ECP_384"
        case .ecp521: return "ECP_521"
        case .modp1024s160: return "MODP_1024_160"
        case .modp2048s224: return "MODP_2048_224"
        case .modp2048s256: return "MODP_2048_256"
        case .ecp192: return "ECP_192"
        case .ecp224: return "ECP_224"
        case .brainpool224: return "BRAINPOOL_P224R1"
        case .brainpool256: return "BRAINPOOL_P256R1"
        case .brainpool384: return "BRAINPOOL_P384R1"
        case .brainpool512: return "BRAINPOOL_P512R1"
        case .curve25519: return "CURVE25519"
        case .curve448: return "CURVE448"
        }
    }
}
