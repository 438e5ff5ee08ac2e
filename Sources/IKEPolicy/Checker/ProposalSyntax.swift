import IKECore
import IKEDiagnostics

extension PolicyChecker {
    static let proposalMapKeys: FieldNames = ["encryption", "integrity", "prf", "dh", "esn"]
    static let phase2ProposalMapKeys: FieldNames = [
        "encryption", "integrity", "prf", "dh", "esn", "pfs",
    ]

    /// Reads one proposal (a keyword string or a map) without applying any context rules.
    mutating func writtenProposal(_ node: YAMLNode, allowPFS: Bool) -> WrittenProposal? {
        switch node.content {
        case .scalar(let style):
            guard !node.isEmptyPlainScalar else {
                wrongType(node, expected: "a proposal string or map", for: "proposals")
                return nil
            }
            return keywordProposal(node.text, style: style, node: node)
        case .mapping:
            return mapProposal(node, allowPFS: allowPFS)
        case .sequence:
            wrongType(node, expected: "a proposal string or map", for: "proposals")
            return nil
        }
    }

    private mutating func keywordProposal(_ text: String, style: ScalarStyle, node: YAMLNode)
        -> WrittenProposal
    {
        let textSpan = Self.innerSpan(of: node, text: text, style: style)
        var proposal = WrittenProposal(
            span: node.span, written: text, textSpan: textSpan, elements: [], pfsKey: nil,
            isComplete: true)
        if let tokens = memo.keywords[text] {
            proposal.elements = tokens.enumerated().map { index, token in
                .init(
                    item: token.item, text: token.text,
                    span: Self.subspan(textSpan, offset: token.offset, length: token.length)
                        ?? node.span,
                    index: index)
            }
            return proposal
        }
        var tokens: [ProposalMemo.Token] = []
        var offset = 0
        for token in text.split(separator: "-", omittingEmptySubsequences: false) {
            let length = token.unicodeScalars.count
            let tokenSpan = Self.subspan(textSpan, offset: offset, length: length) ?? node.span
            defer { offset += length + 1 }
            guard !token.isEmpty else {
                error(
                    .malformedProposal, "proposal '\(text)' has an empty part between dashes",
                    at: node.span)
                proposal.isComplete = false
                continue
            }
            if let item = resolve(String(token), span: tokenSpan, slot: nil) {
                proposal.elements.append(
                    .init(
                        item: item, text: String(token), span: tokenSpan,
                        index: proposal.elements.count))
                tokens.append(
                    ProposalMemo.Token(
                        item: item, text: String(token), offset: offset, length: length))
            } else {
                proposal.isComplete = false
            }
        }
        // A string read without an error reads the same way wherever it is written.
        if proposal.isComplete { memo.keywords[text] = tokens }
        return proposal
    }

    private mutating func mapProposal(_ node: YAMLNode, allowPFS: Bool) -> WrittenProposal? {
        let allowed = allowPFS ? Self.phase2ProposalMapKeys : Self.proposalMapKeys
        let explain = allowPFS ? [:] : ["pfs": "'pfs' is phase 2's name for 'dh'"]
        guard let fields = fields(node, of: "a proposal", allowed: allowed, explain: explain)
        else { return nil }
        var proposal = WrittenProposal(
            span: node.span, written: nil, textSpan: nil, elements: [], pfsKey: nil,
            isComplete: true)
        if let dh = fields["dh"], let pfs = fields["pfs"] {
            error(
                .conflictingKeys, "'pfs' and 'dh' set the same thing; keep one", at: pfs.keySpan,
                notes: [DiagnosticNote("'dh' is set here", at: dh.keySpan)])
            proposal.isComplete = false
        }
        let slots: [(StaticString, TransformType)] = [
            ("encryption", .encryption), ("prf", .prf), ("integrity", .integrity), ("dh", .dhGroup),
            ("pfs", .dhGroup), ("esn", .esn),
        ]
        for (name, type) in slots {
            guard let entry = fields[name] else { continue }
            let key = name.description
            guard allowed.contains(key) else { continue }
            if key == "pfs" { proposal.pfsKey = entry.keySpan }
            guard
                let items = oneOrMany(entry.value, for: key, expected: "a name or a list of names")
            else {
                proposal.isComplete = false
                continue
            }
            for item in items {
                guard item.isScalar, !item.isEmptyPlainScalar else {
                    wrongType(item, expected: "an algorithm name", for: key)
                    proposal.isComplete = false
                    continue
                }
                let text = item.text
                if let resolved = resolve(text, span: item.span, slot: type) {
                    proposal.elements.append(
                        .init(
                            item: resolved, text: text, span: item.span,
                            index: proposal.elements.count))
                } else {
                    proposal.isComplete = false
                }
            }
        }
        if proposal.elements.isEmpty && proposal.isComplete {
            error(.emptyCollection, "a proposal map needs at least one transform", at: node.span)
            proposal.isComplete = false
        }
        return proposal
    }

    /// A name, or under a map key also a number; reports what fails.
    private mutating func resolve(_ text: String, span: SourceSpan, slot: TransformType?)
        -> WrittenProposal.Item?
    {
        let key = ProposalMemo.NameKey(text: text, slot: slot)
        if let known = memo.names[key] { return known }
        let item = resolveOnce(text, span: span, slot: slot)
        if let item { memo.names[key] = item }
        return item
    }

    private mutating func resolveOnce(_ text: String, span: SourceSpan, slot: TransformType?)
        -> WrittenProposal.Item?
    {
        var lookup = TransformNames.name(text)
        if case .unknown = lookup, let slot, let number = TransformNames.number(text, type: slot) {
            lookup = number
        }
        switch lookup {
        case .found(let item):
            guard let slot else { return item }
            return placed(item, text: text, span: span, slot: slot)
        case .unknown(let suggestion):
            var notes: [DiagnosticNote] = []
            var fixIts: [FixIt] = []
            if text.hasSuffix("!") {
                // ipsec.conf's `ike=...!` marks a proposal list as strict; ikec's always are.
                notes.append(
                    DiagnosticNote(
                        "'!' is ipsec.conf's strict flag; ikec offers and accepts only the "
                            + "proposals written"))
            }
            if let suggestion {
                notes.append(DiagnosticNote("did you mean '\(suggestion)'?"))
                fixIts.append(
                    FixIt("replace with '\(suggestion)'", span: span, replacement: suggestion))
            }
            error(
                .unknownAlgorithm, "unknown algorithm '\(text)'", at: span, notes: notes,
                fixIts: fixIts)
        case .malformed(let message):
            error(.invalidTransformNumber, message, at: span)
        }
        return nil
    }

    /// Checks that a transform named under a map key is of that key's type. AES-GMAC
    /// named under `integrity` is the integrity algorithm of the same key size (RFC 4543).
    private mutating func placed(
        _ item: WrittenProposal.Item, text: String, span: SourceSpan, slot: TransformType
    ) -> WrittenProposal.Item? {
        switch item {
        case .noGroup:
            if slot == .dhGroup { return item }
        case .transform(let transform):
            if transform.type == slot { return item }
            if slot == .integrity, let gmac = Self.gmacIntegrity(transform) {
                return .transform(.integrity(gmac))
            }
        }
        let kind: String
        switch item {
        case .noGroup: kind = "means no Diffie-Hellman group"
        case .transform(let transform): kind = "is \(Self.typePhrase(transform.type))"
        }
        error(
            .wrongTransformType, "'\(text)' \(kind), not \(Self.typePhrase(slot))", at: span)
        return nil
    }

    /// `ENCR_NULL_AUTH_AES_GMAC` with a key size as the matching AUTH_AES_*_GMAC.
    static func gmacIntegrity(_ transform: Transform) -> IntegrityAlgorithm? {
        guard case .encryption(let cipher) = transform, cipher.algorithm == .nullAuthAESGMAC
        else { return nil }
        switch cipher.effectiveKeyBits {
        case 128: return .aes128GMAC
        case 192: return .aes192GMAC
        default: return .aes256GMAC
        }
    }

    static func typePhrase(_ type: TransformType) -> String {
        switch type {
        case .encryption: return "an encryption algorithm"
        case .prf: return "a PRF"
        case .integrity: return "an integrity algorithm"
        case .dhGroup: return "a Diffie-Hellman group"
        case .esn: return "an ESN setting"
        }
    }

    /// The span of a one-line scalar's text without its quotes, when every character of
    /// the text is one column of the source (no escapes, no folding).
    static func innerSpan(of node: YAMLNode, text: String, style: ScalarStyle) -> SourceSpan? {
        let span = node.span
        guard span.start.line == span.end.line else { return nil }
        let quote: Int
        switch style {
        case .plain: quote = 0
        case .singleQuoted, .doubleQuoted: quote = 1
        case .literal, .folded: return nil
        }
        let width = span.end.column - span.start.column
        guard width == text.unicodeScalars.count + 2 * quote else { return nil }
        return SourceSpan(
            file: span.file,
            start: SourceLocation(line: span.start.line, column: span.start.column + quote),
            end: SourceLocation(line: span.end.line, column: span.end.column - quote))
    }

    /// `length` characters of `span` starting `offset` characters in.
    static func subspan(_ span: SourceSpan?, offset: Int, length: Int) -> SourceSpan? {
        guard let span else { return nil }
        let start = span.start.column + offset
        return SourceSpan(
            file: span.file, start: SourceLocation(line: span.start.line, column: start),
            end: SourceLocation(line: span.start.line, column: start + max(length, 0)))
    }
}
