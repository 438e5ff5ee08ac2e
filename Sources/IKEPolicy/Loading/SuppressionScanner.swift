import IKEDiagnostics

/// Finds `# ikec: ignore[ID, ...] reason` comments. libyaml drops comments, so this scans
/// the text for `#` that starts a comment: at the start of a line or after whitespace, and
/// not inside a scalar the parser reported.
struct SuppressionScanner {
    struct Output {
        var suppressions: [Suppression] = []
        var diagnostics: [Diagnostic] = []
    }

    let path: String
    let text: String
    /// Every scalar's place, in document order.
    let scalarSpans: [SourceSpan]

    func scan() -> Output {
        var output = Output()
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var lineStart = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(lineStart..<index)
            lineStart = index + 1
        }
        lines.append(lineStart..<bytes.count)

        // Only lines holding `#` followed by `ikec:` are decoded; the rest is a byte scan.
        for (offset, range) in lines.enumerated() where Self.mayHoldSuppression(bytes[range]) {
            let number = offset + 1
            let line = String(decoding: bytes[range], as: UTF8.self)
            let scalars = Array(line.unicodeScalars)
            guard let hash = commentStart(scalars, line: number) else { continue }
            let comment = String(String.UnicodeScalarView(scalars[(hash + 1)...]))
            let body = comment.drop { $0 == " " }
            guard body.hasPrefix("ikec:") else { continue }
            let alone = scalars[..<hash].allSatisfy { $0 == " " || $0 == "\t" }
            let target = alone ? nextContentLine(after: offset, in: lines, bytes: bytes) : number
            let span = SourceSpan(
                path: path, start: SourceLocation(line: number, column: hash + 1),
                end: SourceLocation(line: number, column: scalars.count + 1))
            let bodyColumn = hash + 2 + (comment.count - body.count)
            parse(
                String(body.dropFirst(5)), column: bodyColumn + 5, line: number, span: span,
                target: target, into: &output)
        }
        return output
    }

    /// Whether the line has a `#` followed, after spaces, by `ikec:`.
    private static func mayHoldSuppression(_ line: ArraySlice<UInt8>) -> Bool {
        let marker = Array("ikec:".utf8)
        var index = line.startIndex
        while let hash = line[index...].firstIndex(of: UInt8(ascii: "#")) {
            var cursor = hash + 1
            while cursor < line.endIndex, line[cursor] == UInt8(ascii: " ") { cursor += 1 }
            if line[cursor...].starts(with: marker) { return true }
            index = hash + 1
        }
        return false
    }

    /// `ignore[A, B] reason` after `ikec:`.
    private func parse(
        _ rest: String, column: Int, line: Int, span: SourceSpan, target: Int,
        into output: inout Output
    ) {
        let trimmed = rest.drop { $0 == " " }
        let lead = rest.count - trimmed.count
        guard trimmed.hasPrefix("ignore["), let close = trimmed.firstIndex(of: "]") else {
            output.diagnostics.append(
                error(
                    .malformedSuppression,
                    "malformed suppression; write '# ikec: ignore[RULE-ID] reason'", at: span))
            return
        }
        let listStart = trimmed.index(trimmed.startIndex, offsetBy: 7)
        var rules: [Located<String>] = []
        var ruleColumn = column + lead + 7
        for part in trimmed[listStart..<close].split(
            separator: ",", omittingEmptySubsequences: false)
        {
            let name = part.trimmingSpaces
            let leading = part.prefix { $0 == " " }.count
            let start = SourceLocation(line: line, column: ruleColumn + leading)
            let ruleSpan = SourceSpan(
                path: path, start: start,
                end: SourceLocation(line: line, column: start.column + name.count))
            if name.isEmpty || !RuleReference.isWellFormed(name) {
                output.diagnostics.append(
                    error(
                        .invalidRuleReference,
                        name.isEmpty
                            ? "empty rule in a suppression"
                            : "'\(name)' is not a rule id or name", at: ruleSpan))
            } else {
                rules.append(Located(name, at: ruleSpan))
            }
            ruleColumn += part.count + 1
        }
        let reason = String(trimmed[trimmed.index(after: close)...]).trimmingSpaces
        guard !reason.isEmpty else {
            output.diagnostics.append(
                error(
                    .suppressionWithoutReason,
                    "suppression without a reason; say why after the brackets", at: span))
            return
        }
        guard !rules.isEmpty else { return }
        output.suppressions.append(
            Suppression(rules: rules, reason: reason, targetLine: target, span: span))
    }

    /// The index of the `#` that starts a comment on the line, if any.
    private func commentStart(_ scalars: [Unicode.Scalar], line: Int) -> Int? {
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "#" else { continue }
            guard index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t" else {
                continue
            }
            if !insideScalar(line: line, column: index + 1) { return index }
        }
        return nil
    }

    /// Whether the place falls inside a reported scalar (binary search by start).
    private func insideScalar(line: Int, column: Int) -> Bool {
        let place = SourceLocation(line: line, column: column)
        var low = 0
        var high = scalarSpans.count
        while low < high {
            let middle = (low + high) / 2
            if scalarSpans[middle].start <= place { low = middle + 1 } else { high = middle }
        }
        // Scalars before the place: a multi-line one may still cover it, so look back a
        // few; scalars do not overlap, so the nearest starts are the only candidates.
        var index = low - 1
        while index >= 0, index >= low - 4 {
            let span = scalarSpans[index]
            if span.start <= place && place < span.end { return true }
            index -= 1
        }
        return false
    }

    /// The 1-based number of the first line after line index `index` with content other
    /// than a comment.
    private func nextContentLine(after index: Int, in lines: [Range<Int>], bytes: [UInt8]) -> Int {
        var next = index + 1
        while next < lines.count {
            let content = bytes[lines[next]].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if let first = content.first, first != UInt8(ascii: "#") { return next + 1 }
            next += 1
        }
        return index + 2
    }

    private func error(_ id: PolicyDiagnosticID, _ message: String, at span: SourceSpan)
        -> Diagnostic
    {
        Diagnostic(id: id.rawValue, severity: .error, message: message, span: span)
    }
}

/// The syntax of a rule reference: an id such as `IKE-L012` or `E0301`, or a kebab-case
/// name such as `weak-dh-group`.
enum RuleReference {
    static func isWellFormed(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic,
            first.isASCII
        else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
        } && !text.hasSuffix("-")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
