import IKEDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds `# ikec: ignore[ID, ...] reason` comments. libyaml drops comments, so this scans
/// the text for `#` that starts a comment: at the start of a line or after whitespace, and
/// not inside a scalar the parser reported.
struct SuppressionScanner {
    struct Output {
        var suppressions: [Suppression] = []
        var diagnostics: [Diagnostic] = []
    }

    let path: String
    /// The file's UTF-8 text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The YAML nodes read, whose scalars' places tell a `#` in a scalar from a comment.
    let tree: YAMLTree?

    func scan() -> Output {
        var output = Output()
        var line = LineCursor()
        var scalarSpans: [SourceSpan]?

        // Only lines holding `#` followed by `ikec:` are decoded; `memchr` finds the
        // candidates, so a file without such comments costs one pass over its bytes.
        var from = 0
        while let hash = nextHash(from: from) {
            from = hash + 1
            guard Self.startsSuppression(bytes, afterHash: hash) else { continue }
            line.advance(to: hash, in: bytes)
            let range = line.start..<line.end(in: bytes)
            from = range.upperBound + 1
            // Every scalar's place in document order, read at the first candidate.
            let spans = scalarSpans ?? tree?.scalarSpans ?? []
            scalarSpans = spans
            process(line: line.number, range, scalarSpans: spans, into: &output)
        }
        return output
    }

    /// Reads the suppression on one line (1-based `number`, bytes `range`), if any.
    private func process(
        line number: Int, _ range: Range<Int>, scalarSpans: [SourceSpan],
        into output: inout Output
    ) {
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let scalars = Array(line.unicodeScalars)
        guard let hash = commentStart(scalars, line: number, scalarSpans: scalarSpans) else {
            return
        }
        let comment = String(String.UnicodeScalarView(scalars[(hash + 1)...]))
        let body = comment.drop { $0 == " " }
        guard body.hasPrefix("ikec:") else { return }
        let alone = scalars[..<hash].allSatisfy { $0 == " " || $0 == "\t" }
        let target = alone ? nextContentLine(after: number, lineEnd: range.upperBound) : number
        let span = SourceSpan(
            path: path, start: SourceLocation(line: number, column: hash + 1),
            end: SourceLocation(line: number, column: scalars.count + 1))
        let bodyColumn = hash + 2 + (comment.count - body.count)
        parse(
            String(body.dropFirst(5)), column: bodyColumn + 5, line: number, span: span,
            target: target, into: &output)
    }

    /// The next `#` at or after `from`.
    private func nextHash(from: Int) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count,
            let found = memchr(base + from, Int32(UInt8(ascii: "#")), bytes.count - from)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the `#` at `hash` is followed, after spaces, by `ikec:`.
    private static func startsSuppression(_ bytes: UnsafeBufferPointer<UInt8>, afterHash hash: Int)
        -> Bool
    {
        var cursor = hash + 1
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        let marker: StaticString = "ikec:"
        guard cursor + marker.utf8CodeUnitCount <= bytes.count else { return false }
        for offset in 0..<marker.utf8CodeUnitCount
        where bytes[cursor + offset] != marker.utf8Start[offset] {
            return false
        }
        return true
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
    private func commentStart(_ scalars: [Unicode.Scalar], line: Int, scalarSpans: [SourceSpan])
        -> Int?
    {
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "#" else { continue }
            guard index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t" else {
                continue
            }
            if !Self.insideScalar(line: line, column: index + 1, scalarSpans) { return index }
        }
        return nil
    }

    /// Whether the place falls inside a reported scalar (binary search by start).
    private static func insideScalar(line: Int, column: Int, _ scalarSpans: [SourceSpan])
        -> Bool
    {
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

    /// The 1-based number of the first line after line `number` (which ends at byte
    /// `lineEnd`) with content other than a comment; the next line's number if none has.
    private func nextContentLine(after number: Int, lineEnd: Int) -> Int {
        var next = number + 1
        var cursor = lineEnd + 1
        while cursor < bytes.count {
            while cursor < bytes.count,
                bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0D
            {
                cursor += 1
            }
            guard cursor < bytes.count else { break }
            if bytes[cursor] != 0x0A && bytes[cursor] != UInt8(ascii: "#") { return next }
            while cursor < bytes.count, bytes[cursor] != 0x0A { cursor += 1 }
            cursor += 1
            next += 1
        }
        return number + 1
    }

    private func error(_ id: PolicyDiagnosticID, _ message: String, at span: SourceSpan)
        -> Diagnostic
    {
        Diagnostic(id: id.rawValue, severity: .error, message: message, span: span)
    }
}

/// The line that holds a byte, found by counting line breaks forward from the last line
/// asked for.
private struct LineCursor {
    /// The 1-based line number.
    private(set) var number = 1
    /// The offset of the line's first byte.
    private(set) var start = 0

    /// Moves to the line holding byte `offset`, which is not before `start`.
    mutating func advance(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var cursor = start
        while cursor < offset {
            if bytes[cursor] == 0x0A {
                number += 1
                start = cursor + 1
            }
            cursor += 1
        }
    }

    /// The offset just past the line's last byte (its line break, or the end).
    func end(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var cursor = start
        while cursor < bytes.count, bytes[cursor] != 0x0A { cursor += 1 }
        return cursor
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
