import IKECore
import IKEDiagnostics

/// A proposal as written, before the rules of the place it is used apply: each named
/// transform with its place. Named sets are read into this form once and typed per use.
struct WrittenProposal: Sendable {
    /// One named transform, or `none` (no Diffie-Hellman group).
    enum Item: Sendable, Hashable {
        case transform(Transform)
        case noGroup
    }

    struct Element: Sendable {
        let item: Item
        /// The name as written (`aes256gcm16`, `ENCR_AES_CBC_256`, `20/256`).
        let text: String
        let span: SourceSpan
        /// The element's position in `elements`.
        let index: Int
    }

    /// The string or map.
    let span: SourceSpan
    /// The keyword string; nil for the map form.
    let written: String?
    /// The place of the string's text inside its quotes, when it maps column for column.
    let textSpan: SourceSpan?
    var elements: [Element]
    /// The place of a `pfs:` key in the map form (phase 2 only).
    var pfsKey: SourceSpan?
    /// False when a name failed to resolve; the rules are then skipped for this proposal.
    var isComplete: Bool
}

/// Transform names: strongSwan keywords, IANA names and IANA numbers.
enum TransformNames {
    enum Lookup {
        case found(WrittenProposal.Item)
        case unknown(suggestion: String?)
        case malformed(String)
    }

    /// A keyword or IANA name (case-insensitive).
    static func name(_ text: String) -> Lookup {
        if let transform = AlgorithmKeywords.transform(forKeyword: text) {
            return .found(.transform(transform))
        }
        if AlgorithmKeywords.noGroupKeywords.contains(text.lowercased()) { return .found(.noGroup) }
        if let lookup = ianaName(text) { return lookup }
        let lowered = text.lowercased()
        let suggestion = Suggestions.closest(to: lowered, among: AlgorithmKeywords.allKeywords)
        return .unknown(suggestion: suggestion)
    }

    /// `ENCR_AES_GCM_16_256`, `PRF_HMAC_SHA2_256`, `MODP_2048`, `ESN`...
    private static func ianaName(_ text: String) -> Lookup? {
        let upper = text.uppercased()
        if let (type, id) = AlgorithmKeywords.transformID(forIANAName: upper) {
            if let transform = Transform(type: type, id: id, keyLength: nil) {
                return .found(.transform(transform))
            }
            return .malformed(
                "'\(text)' needs its key length as a suffix, for example '\(upper)_256'")
        }
        guard let underscore = upper.lastIndex(of: "_"),
            let bits = Int(upper[upper.index(after: underscore)...]),
            let (type, id) = AlgorithmKeywords.transformID(
                forIANAName: String(upper[..<underscore])),
            type == .encryption
        else { return nil }
        guard let transform = Transform(type: type, id: id, keyLength: bits) else {
            return .malformed("'\(text)': \(bits) is not a key length of this cipher")
        }
        return .found(.transform(transform))
    }

    /// `14` or `20/256` under a map key of transform type `type`.
    static func number(_ text: String, type: TransformType) -> Lookup? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let id = IntegerSyntax.parse(String(parts[0])) else { return nil }
        var bits: Int?
        if parts.count == 2 {
            guard let value = IntegerSyntax.parse(String(parts[1])) else {
                return .malformed("'\(text)' is not 'id/key-bits'")
            }
            bits = Int(clamping: value)
        }
        guard id <= UInt64(UInt16.max),
            let transform = Transform(type: type, id: UInt16(id), keyLength: bits)
        else {
            if type == .encryption, bits == nil, id <= UInt64(UInt16.max),
                let algorithm = EncryptionAlgorithm(rawValue: UInt16(id)),
                algorithm.info.hasKeyLengthAttribute
            {
                let example = algorithm.info.keyLengths.last ?? 256
                return .malformed("cipher \(id) needs its key length: write '\(id)/\(example)'")
            }
            return .malformed("\(text) is not a known \(type.name) transform number")
        }
        return .found(.transform(transform))
    }
}
