import IKEDiagnostics

extension PolicyChecker {
    /// The node as a mapping with only the `allowed` keys; unknown keys are reported with
    /// the closest allowed key. `what` names the section in messages ("gateway").
    mutating func fields(
        _ node: YAMLNode, of what: @autoclosure () -> String, allowed: FieldNames,
        explain: [String: String] = [:]
    ) -> FieldMap? {
        guard case .mapping(let entries) = node.content else {
            wrongType(node, expected: "a mapping", for: what())
            return nil
        }
        var map = FieldMap(entries: entries)
        var next = 0
        while let position = entries.firstKey(notIn: allowed.probes, from: next) {
            let entry = entries[position]
            if let guess = unknownKey(
                entry, in: what(), allowed: allowed.names, explain: explain[entry.key])
            {
                map.suggested.append(guess)
            }
            next = position + 1
        }
        return map
    }

    /// Reports an unknown key; returns the allowed key it was taken for, if any.
    @discardableResult
    mutating func unknownKey(
        _ entry: YAMLEntry, in what: String, allowed: [String], explain: String? = nil
    ) -> String? {
        let guess = Suggestions.closest(to: entry.key, among: allowed)
        var notes: [DiagnosticNote] = []
        var fixIts: [FixIt] = []
        if let explain { notes.append(DiagnosticNote(explain)) }
        if let guess {
            notes.append(DiagnosticNote("did you mean '\(guess)'?"))
            fixIts.append(FixIt("replace with '\(guess)'", span: entry.keySpan, replacement: guess))
        } else if explain == nil {
            notes.append(
                DiagnosticNote(
                    "keys allowed here: \(allowed.map { "'\($0)'" }.joined(separator: ", "))"))
        }
        error(
            .unknownKey, "unknown key '\(entry.key)' in \(what)", at: entry.keySpan, notes: notes,
            fixIts: fixIts)
        return guess
    }

    /// The entry for a required key, or a "missing key" error at `owner`.
    mutating func required(
        _ fields: FieldMap, _ key: StaticString, in what: @autoclosure () -> String,
        owner: SourceSpan
    ) -> YAMLEntry? {
        if let entry = fields[key] { return entry }
        // A misspelt key was already reported with this key as its suggestion.
        guard !fields.wasSuggested(key) else { return nil }
        error(.missingKey, "missing key '\(key)' in \(what())", at: owner)
        return nil
    }

    mutating func wrongType(_ node: YAMLNode, expected: String, for what: String) {
        error(
            .wrongType, "expected \(expected) for '\(what)', found \(node.kindDescription)",
            at: node.span)
    }

    /// A non-empty scalar's raw text; plain `no`, `on`, `0x10` stay text.
    mutating func string(_ node: YAMLNode, for what: String) -> Located<String>? {
        guard node.isScalar, !node.isEmptyPlainScalar else {
            wrongType(node, expected: "a string", for: what)
            return nil
        }
        return Located(node.text, at: node.span)
    }

    /// One value or a list of them: the elements, or nil after a type error.
    mutating func oneOrMany(_ node: YAMLNode, for what: String, expected: String) -> YAMLItems? {
        switch node.content {
        case .scalar:
            if node.isEmptyPlainScalar {
                wrongType(node, expected: expected, for: what)
                return nil
            }
            return YAMLItems(single: node)
        case .sequence(let items):
            guard !items.isEmpty else {
                error(.emptyCollection, "'\(what)' needs at least one entry", at: node.span)
                return nil
            }
            return YAMLItems(items)
        case .mapping:
            wrongType(node, expected: expected, for: what)
            return nil
        }
    }

    /// A value from a fixed set of words (case-sensitive), with "did you mean".
    mutating func word<Word: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, for what: String, as type: Word.Type
    ) -> Located<Word>? where Word.RawValue == String {
        guard let text = string(node, for: what) else { return nil }
        if let value = Word(rawValue: text.value) { return Located(value, at: text.span) }
        let choices = Word.allCases.map(\.rawValue)
        unknownWord(text, for: what, choices: choices)
        return nil
    }

    mutating func unknownWord(_ text: Located<String>, for what: String, choices: [String]) {
        var notes: [DiagnosticNote] = []
        var fixIts: [FixIt] = []
        if let guess = Suggestions.closest(to: text.value, among: choices) {
            notes.append(DiagnosticNote("did you mean '\(guess)'?"))
            fixIts.append(FixIt("replace with '\(guess)'", span: text.span, replacement: guess))
        }
        notes.append(
            DiagnosticNote("'\(what)' takes \(choices.map { "'\($0)'" }.joined(separator: ", "))"))
        error(
            .unknownValue, "'\(text.value)' is not a valid value for '\(what)'", at: text.span,
            notes: notes, fixIts: fixIts)
    }

    /// A plain decimal integer (digits only, no sign, no leading zero). Anything YAML 1.1
    /// would read as a number in another way gets a hint with the decimal spelling.
    mutating func integer(
        _ node: YAMLNode, for what: String, id: PolicyDiagnosticID = .invalidInteger
    ) -> Located<UInt64>? {
        guard case .scalar(let style) = node.content, !node.isEmptyPlainScalar else {
            wrongType(node, expected: "an integer", for: what)
            return nil
        }
        let text = node.text
        if style != .plain {
            var fixIts: [FixIt] = []
            if IntegerSyntax.parse(text) != nil {
                fixIts.append(FixIt("remove the quotes", span: node.span, replacement: text))
            }
            error(
                id, "expected an integer for '\(what)', found a quoted string", at: node.span,
                fixIts: fixIts)
            return nil
        }
        switch IntegerSyntax.read(text) {
        case .value(let value):
            return Located(value, at: node.span)
        case .tooLarge:
            error(.valueTooLarge, "'\(text)' is too large for '\(what)'", at: node.span)
        case .notDecimal(let hint):
            var fixIts: [FixIt] = []
            var notes: [DiagnosticNote] = []
            if let hint {
                fixIts.append(FixIt("write '\(hint)'", span: node.span, replacement: hint))
                notes.append(DiagnosticNote("integers are written in plain decimal digits"))
            }
            error(
                id, "'\(text)' is not a plain decimal integer for '\(what)'", at: node.span,
                notes: notes, fixIts: fixIts)
        }
        return nil
    }

    /// A name for a gateway, peer, phase 2 entry or proposal set.
    mutating func checkName(_ text: String, at span: SourceSpan, kind: String) -> Bool {
        if NameSyntax.isValid(text) { return true }
        error(
            .invalidName, "\(kind) name '\(text)' has characters a name cannot have", at: span,
            notes: [
                DiagnosticNote(
                    "a name starts with a letter or digit and continues with letters, digits, "
                        + "'.', '_' or '-'"
                )
            ])
        return false
    }
}

/// Names: `[A-Za-z0-9][A-Za-z0-9._-]*`.
enum NameSyntax {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, isAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
