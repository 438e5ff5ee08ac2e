import Foundation

/// What pluto's log says about one case.
struct PlutoLog {
    let text: String

    var lines: [Substring] { text.split(separator: "\n") }

    /// Whether an IKE SA came up: `responder established IKE SA`, `initiator established
    /// IKE SA` (IKEv2) or `IKE SA established` (IKEv1).
    var ikeSAEstablished: Bool {
        lines.contains { $0.contains("established IKE SA") || $0.contains("IKE SA established") }
    }

    /// The IKE SA's algorithms as keywords, from the first `{cipher=... integ=... prf=...
    /// group=...}` pluto logs (its IKEv1 line has no prf; `n/a` is left out).
    var selectedIKE: Set<String>? {
        guard let line = lines.first(where: { $0.contains("{cipher=") || $0.contains(" cipher=") }),
            let open = line.firstIndex(of: "{"), let close = line.lastIndex(of: "}")
        else { return nil }
        var keywords = Set<String>()
        for field in line[line.index(after: open)..<close].split(separator: " ") {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[1] != "n/a" else { continue }
            switch parts[0] {
            case "cipher": keywords.insert(ProposalNames.keyword(parts[1]))
            case "integ": keywords.insert(Self.hash(parts[1]))
            case "prf": keywords.insert("prf" + Self.hash(parts[1]))
            case "group": keywords.insert(Self.group(parts[1]))
            default: continue
            }
        }
        return keywords
    }

    /// The line where the kernel refused the Child SA's ESP SA (`netlink response for
    /// Add SA esp.SPI@ADDRESS: REASON (errno N)`).
    var childSAInstallFailure: Substring? {
        lines.first { $0.contains("netlink response for Add SA esp.") }
    }

    /// A hash or HMAC name as its keyword; IKEv2 integrity names carry the truncated
    /// length (`HMAC_SHA2_256_128`), IKEv1 hash and PRF names do not.
    private static func hash(_ name: String) -> String {
        switch name {
        case "HMAC_SHA1", "HMAC_SHA1_96": return "sha1"
        case "HMAC_SHA2_256", "HMAC_SHA2_256_128": return "sha256"
        case "HMAC_SHA2_384", "HMAC_SHA2_384_192": return "sha384"
        case "HMAC_SHA2_512", "HMAC_SHA2_512_256": return "sha512"
        default: return name.lowercased()
        }
    }

    private static func group(_ name: String) -> String {
        switch name {
        case "DH19": return "ecp256"
        case "DH20": return "ecp384"
        case "DH21": return "ecp521"
        case "DH31": return "curve25519"
        default: return name.lowercased()
        }
    }
}
