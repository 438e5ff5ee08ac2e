import Foundation
import IKECore

/// Whether a presented identity is the one expected, compared as IKE peers compare them:
/// FQDNs without case and a final dot, e-mail addresses without case, distinguished names
/// without case or spaces around their separators, addresses and key ids exactly.
enum IdentityComparison {
    static func matches(_ presented: Identity, expected: Identity) -> Bool {
        switch (presented, expected) {
        case (.fqdn(let a), .fqdn(let b)):
            return fqdn(a) == fqdn(b)
        case (.email(let a), .email(let b)):
            return a.lowercased() == b.lowercased()
        case (.distinguishedName(let a), .distinguishedName(let b)):
            return distinguishedName(a) == distinguishedName(b)
        default:
            return presented == expected
        }
    }

    private static func fqdn(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }

    private static func distinguishedName(_ text: String) -> [String] {
        text.split(separator: ",").map { part in
            part.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }.joined(separator: "=")
        }
    }
}
