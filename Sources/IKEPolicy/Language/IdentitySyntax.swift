import IKECore
import IKEDiagnostics

/// Identities as the policy language writes them: `fqdn:`, `ipv4:`, `ipv6:`, `email:`,
/// `dn:`, `keyid:`, or a bare value read the way strongSwan reads one.
enum IdentitySyntax {
    /// A problem with an identity's text.
    struct Problem: Error, Equatable {
        let id: PolicyDiagnosticID
        let message: String
        var suggestion: String?
    }

    /// How a bare value (no prefix) was read, for the note that says so.
    enum Inference: Equatable {
        case none
        case inferred(Identity)
    }

    static let prefixes = ["fqdn", "ipv4", "ipv6", "email", "dn", "keyid"]

    static func parse(_ text: String) -> Result<(Identity, Inference), Problem> {
        if let colon = firstColon(text) {
            let prefix = String(text[..<colon])
            // No type prefix begins like an IPv6 address ("fqdn:" stops at its 'q'), so a
            // typed value is never an address written without a type.
            if prefixes.contains(prefix) {
                let value = String(text[text.index(after: colon)...])
                return typed(prefix: prefix, value: value).map { ($0, .none) }
            }
            if IPAddress(text) == nil, prefix.allSatisfy({ $0.isLetter }) && !prefix.isEmpty {
                return .failure(
                    Problem(
                        id: .unknownIdentityType, message: "unknown identity type '\(prefix):'",
                        suggestion: Suggestions.closest(to: prefix, among: prefixes)))
            }
        }
        return bare(text).map { ($0, .inferred($0)) }
    }

    /// The first `:`, found by bytes in ASCII text (where every byte is a character).
    private static func firstColon(_ text: String) -> String.Index? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.firstIndex(of: ":") }
        return utf8.firstIndex(of: UInt8(ascii: ":"))
    }

    /// strongSwan's reading of a value without a type: text with `=` as a distinguished
    /// name (`C=CH, O=Example, CN=hq`), an address, `@#hex` as a key id, `@name` as an
    /// FQDN, anything with `@` as an email address, else an FQDN.
    private static func bare(_ text: String) -> Result<Identity, Problem> {
        if text.contains("=") { return typed(prefix: "dn", value: text) }
        if text == "%any" {
            return .failure(
                Problem(
                    id: .invalidIdentity,
                    message: "'%any' is strongSwan's wildcard, not an identity; leave 'id' out "
                        + "where any identity is accepted"))
        }
        if let address = IPAddress(text) { return .success(.address(address)) }
        if text.hasPrefix("@#") { return keyID(String(text.dropFirst())) }
        if text.hasPrefix("@") { return typed(prefix: "fqdn", value: String(text.dropFirst())) }
        if text.contains("@") { return typed(prefix: "email", value: text) }
        return typed(prefix: "fqdn", value: text)
    }

    private static func typed(prefix: String, value: String) -> Result<Identity, Problem> {
        func bad(_ message: String) -> Result<Identity, Problem> {
            .failure(Problem(id: .invalidIdentity, message: message))
        }
        switch prefix {
        case "ipv4", "ipv6":
            guard let address = IPAddress(value), address.isIPv4 == (prefix == "ipv4") else {
                return bad("'\(value)' is not an \(prefix == "ipv4" ? "IPv4" : "IPv6") address")
            }
            return .success(.address(address))
        case "fqdn":
            guard isHostName(value) else { return bad("'\(value)' is not a valid host name") }
            return .success(.fqdn(value))
        case "email":
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !value.contains(" "),
                isHostName(String(parts[1]))
            else { return bad("'\(value)' is not an email address (user@domain)") }
            return .success(.email(value))
        case "dn":
            return DistinguishedNameSyntax.check(value).map { .distinguishedName($0) }
                .mapError {
                    Problem(id: .invalidIdentity, message: $0.message, suggestion: $0.suggestion)
                }
        default:
            return keyID(value)
        }
    }

    /// `keyid:0x0a1b` or `keyid:#0a1b` as hex, anything else as its UTF-8 octets.
    private static func keyID(_ value: String) -> Result<Identity, Problem> {
        let isHex = value.hasPrefix("0x") || value.hasPrefix("#")
        if isHex {
            let digits = value.hasPrefix("#") ? value.dropFirst() : value.dropFirst(2)
            guard !digits.isEmpty, let octets = [UInt8](hex: digits) else {
                return .failure(
                    Problem(
                        id: .invalidIdentity,
                        message: "'\(value)' is not an even number of hex digits"))
            }
            return .success(.keyID(octets))
        }
        guard !value.isEmpty else {
            return .failure(Problem(id: .invalidIdentity, message: "a key id cannot be empty"))
        }
        return .success(.keyID(Array(value.utf8)))
    }

    /// Letters, digits, `-`, `_` and `*` in dot-separated labels of at most 63 octets.
    static func isHostName(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var label = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard label > 0 else { return false }
                label = 0
                continue
            }
            let allowed =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "*")
            guard allowed else { return false }
            label += 1
            guard label <= 63 else { return false }
        }
        return label > 0
    }
}

/// Distinguished names in RFC 4514-like text: `C=CH, O=Example, CN=hq`.
enum DistinguishedNameSyntax {
    struct Problem: Error {
        let message: String
        var suggestion: String?
    }

    /// Attribute names ikec knows (RFC 4519 and the ones certificates commonly carry).
    static let attributes = [
        "C", "ST", "L", "O", "OU", "CN", "E", "emailAddress", "DC", "serialNumber", "UID",
        "SN", "GN", "T", "title", "initials", "pseudonym", "dnQualifier", "street",
        "postalCode", "name", "description", "businessCategory",
    ]

    /// The DN, unchanged, or the first problem.
    static func check(_ text: String) -> Result<String, Problem> {
        let parts = splitUnescaped(text)
        guard !text.trimmingSpaces.isEmpty else {
            return .failure(Problem(message: "a distinguished name cannot be empty"))
        }
        for part in parts {
            let item = part.trimmingSpaces
            guard let equals = item.firstIndex(of: "=") else {
                return .failure(Problem(message: "'\(item)' is not 'attribute=value'"))
            }
            let name = item[..<equals].trimmingSpaces
            let value = item[item.index(after: equals)...].trimmingSpaces
            let isOID = !name.isEmpty && name.allSatisfy { $0.isNumber || $0 == "." }
            let known = attributes.contains { $0.lowercased() == name.lowercased() }
            guard known || isOID else {
                return .failure(
                    Problem(
                        message: "unknown attribute '\(name)' in a distinguished name",
                        suggestion: Suggestions.closest(to: name, among: attributes)))
            }
            guard !value.isEmpty else {
                return .failure(Problem(message: "attribute '\(name)' has an empty value"))
            }
        }
        return .success(text)
    }

    /// Splits at commas not preceded by a backslash.
    private static func splitUnescaped(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
