import Foundation

/// What charon's file log says about one case: the lines written after a mark.
struct CharonLog {
    let text: String

    var lines: [Substring] { text.split(separator: "\n") }

    /// Lines containing `fragment`.
    func lines(containing fragment: String) -> [Substring] {
        lines.filter { $0.contains(fragment) }
    }

    /// Whether an IKE SA came up (`IKE_SA name[n] established between ...`).
    var ikeSAEstablished: Bool {
        lines.contains { $0.contains("IKE_SA ") && $0.contains("] established between") }
    }

    /// Whether the named Child SA came up (`CHILD_SA name{n} established with SPIs ...`).
    func childSAEstablished(_ name: String) -> Bool {
        lines.contains { $0.contains("CHILD_SA \(name){") && $0.contains("established") }
    }

    /// The proposals charon selected, by protocol (`IKE`, `ESP`), in order, as keyword
    /// sets (`selected proposal: IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384`).
    func selectedProposals(_ protocolName: String) -> [Set<String>] {
        lines(containing: "selected proposal: \(protocolName):").map { line in
            let text = line.components(separatedBy: "selected proposal: \(protocolName):")[1]
            return ProposalNames.keywords(charon: text)
        }
    }

    /// Whether charon sent or received a message carrying notify `short` (its short form,
    /// `N(NO_PROP)`) in a message line of the kind given (`generating` or `parsed`).
    func message(_ kind: String, carries short: String) -> Bool {
        lines.contains { $0.contains("\(kind) ") && $0.contains(short) }
    }
}

/// charon's (and pluto's) transform names mapped to strongSwan keywords, to compare a
/// daemon's selection with ikec's (`AES_GCM_16_256` is `aes256gcm16`, `MODP_2048` is
/// `modp2048`...).
enum ProposalNames {
    /// The keywords of a charon proposal text such as
    /// `AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048`.
    static func keywords(charon text: String) -> Set<String> {
        Set(
            text.trimmingCharacters(in: .whitespaces).split(separator: "/").map {
                keyword(String($0))
            })
    }

    /// The keywords of an ikec proposal (`aes128-sha256-prfsha256-modp2048`).
    static func keywords(ikec text: String) -> Set<String> {
        Set(text.split(separator: "-").map(String.init))
    }

    static func keyword(_ name: String) -> String {
        let fixed: [String: String] = [
            "3DES_CBC": "3des", "3DES_CBC_192": "3des", "HMAC_SHA1_96": "sha1",
            "PRF_HMAC_SHA1": "prfsha1",
            "HMAC_SHA2_256_128": "sha256", "HMAC_SHA2_384_192": "sha384",
            "HMAC_SHA2_512_256": "sha512", "PRF_HMAC_SHA2_256": "prfsha256",
            "PRF_HMAC_SHA2_384": "prfsha384", "PRF_HMAC_SHA2_512": "prfsha512",
            "NO_EXT_SEQ": "noesn", "EXT_SEQ": "esn", "CURVE_25519": "curve25519",
        ]
        if let keyword = fixed[name] { return keyword }
        let parts = name.split(separator: "_").map(String.init)
        switch parts.first {
        case "MODP": return "modp" + parts.dropFirst().joined()
        case "ECP": return "ecp" + parts.dropFirst().joined()
        case "AES" where parts.count >= 3:
            // AES_CBC_128, AES_CTR_256, AES_GCM_16_256, AES_CCM_16_128
            let bits = parts.last ?? ""
            switch parts[1] {
            case "CBC": return "aes\(bits)"
            case "CTR": return "aes\(bits)ctr"
            case "GCM": return "aes\(bits)gcm\(parts[2])"
            case "CCM": return "aes\(bits)ccm\(parts[2])"
            default: return name.lowercased()
            }
        default:
            return name.lowercased()
        }
    }
}
