/// Reads distinguished name text into RDNs of (type, value) attributes, in the order
/// written. RFC 4514 section 3 grammar, with the RFC 2253 leniencies people type: spaces
/// around separators, `;` as an RDN separator, and double-quoted values.
enum DNTextParser {
    /// One attribute: its type as written (`CN`, `E`, `2.5.4.3`) and its UTF-8 value.
    struct Attribute: Equatable {
        let type: String
        let value: [UInt8]
    }

    /// The RDNs of `text`, each a list of attributes joined by `+`.
    static func parse(_ text: String) throws -> [[Attribute]] {
        var rdns: [[Attribute]] = []
        var current: [Attribute] = []
        var input = Array(text.utf8)[...]
        skipSpaces(&input)
        guard !input.isEmpty else { throw invalid("empty name") }

        while true {
            let type = try readType(&input)
            let value = try readValue(&input)
            current.append(Attribute(type: type, value: value))
            skipSpaces(&input)
            guard let separator = input.popFirst() else { break }
            switch separator {
            case UInt8(ascii: "+"):
                continue
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                rdns.append(current)
                current = []
            default:
                throw invalid("unexpected '\(Character(Unicode.Scalar(separator)))'")
            }
        }
        rdns.append(current)
        return rdns
    }

    /// The attribute type as libcrypto spells it. Type names are case-insensitive (RFC 4514
    /// section 3), libcrypto's are not; strongSwan's `E` is `emailAddress`.
    static func openSSLName(_ type: String) -> String {
        let lower = type.lowercased()
        if lower == "e" || lower == "email" { return "emailAddress" }
        return knownTypes.first { $0.lowercased() == lower } ?? type
    }

    private static let knownTypes = [
        "C", "CN", "O", "OU", "L", "ST", "DC", "UID", "SN", "GN", "street", "title",
        "serialNumber", "emailAddress", "postalCode", "initials", "pseudonym", "dnQualifier",
        "name", "surname", "givenName", "generationQualifier", "description",
    ]

    /// `descr` or a dotted OID, then `=`.
    private static func readType(_ input: inout ArraySlice<UInt8>) throws -> String {
        skipSpaces(&input)
        var type: [UInt8] = []
        while let byte = input.first, byte != UInt8(ascii: "="), byte != UInt8(ascii: " ") {
            guard isTypeCharacter(byte) else { throw invalid("bad attribute type character") }
            type.append(byte)
            input.removeFirst()
        }
        skipSpaces(&input)
        guard !type.isEmpty, input.popFirst() == UInt8(ascii: "=") else {
            throw invalid("expected 'type=value'")
        }
        skipSpaces(&input)
        return String(decoding: type, as: UTF8.self)
    }

    /// A quoted or unquoted value with RFC 4514 escapes; unescaped trailing spaces are
    /// not part of it.
    private static func readValue(_ input: inout ArraySlice<UInt8>) throws -> [UInt8] {
        if input.first == UInt8(ascii: "#") {
            throw invalid("hex-encoded (#) attribute values are not supported")
        }
        if input.first == UInt8(ascii: "\"") {
            input.removeFirst()
            var value: [UInt8] = []
            while true {
                guard let byte = input.popFirst() else { throw invalid("unterminated quote") }
                if byte == UInt8(ascii: "\"") { break }
                value.append(byte == UInt8(ascii: "\\") ? try readEscape(&input) : byte)
            }
            return value
        }
        var value: [UInt8] = []
        var significantLength = 0
        while let byte = input.first, !isSeparator(byte) {
            input.removeFirst()
            if byte == UInt8(ascii: "\\") {
                value.append(try readEscape(&input))
                significantLength = value.count
            } else {
                value.append(byte)
                if byte != UInt8(ascii: " ") { significantLength = value.count }
            }
        }
        return Array(value.prefix(significantLength))
    }

    /// After a backslash: a special character, or two hex digits for one octet.
    private static func readEscape(_ input: inout ArraySlice<UInt8>) throws -> UInt8 {
        guard let first = input.popFirst() else { throw invalid("dangling backslash") }
        if let high = hexValue(first), let next = input.first, let low = hexValue(next) {
            input.removeFirst()
            return high << 4 | low
        }
        return first
    }

    private static func skipSpaces(_ input: inout ArraySlice<UInt8>) {
        while input.first == UInt8(ascii: " ") { input.removeFirst() }
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "+")
    }

    private static func isTypeCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func invalid(_ why: String) -> CryptoError {
        CryptoError(.invalidDistinguishedName, why)
    }
}
