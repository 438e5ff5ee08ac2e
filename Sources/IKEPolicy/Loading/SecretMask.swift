import IKEDiagnostics

/// Makes the copy of a policy's text that diagnostics quote: every character of a literal
/// secret becomes `*`, so the excerpt under a diagnostic keeps its columns but not the key.
enum SecretMask {
    /// `text` with the characters inside `spans` replaced (line breaks kept).
    static func masked(text: String, path: String, spans: [SourceSpan]) -> SourceFile {
        guard !spans.isEmpty else { return SourceFile(path: path, text: text) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.unicodeScalars)
        }
        for span in spans {
            for line in span.start.line...max(span.start.line, span.end.line) {
                guard line >= 1, line <= lines.count else { continue }
                var scalars = lines[line - 1]
                let from = line == span.start.line ? span.start.column - 1 : 0
                let to = line == span.end.line ? span.end.column - 1 : scalars.count
                var column = max(0, from)
                while column < min(to, scalars.count) {
                    if scalars[column] != "\r" { scalars[column] = "*" }
                    column += 1
                }
                lines[line - 1] = scalars
            }
        }
        let joined = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
        return SourceFile(path: path, text: joined)
    }

    /// For text the checker never saw (a syntax error stopped the reader): masks the value
    /// after every `psk:` key by looking at the text alone, up to a `,` or `}` in flow
    /// style, else to the end of the line. `{ env: ... }` and `{ file: ... }` stay.
    static func lexicallyMasked(text: String, path: String) -> SourceFile {
        guard text.contains("psk") else { return SourceFile(path: path, text: text) }
        var spans: [SourceSpan] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            spans += pskValues(in: Array(line.unicodeScalars), line: lineNumber, path: path)
        }
        return masked(text: text, path: path, spans: spans)
    }

    private static func pskValues(in scalars: [Unicode.Scalar], line: Int, path: String)
        -> [SourceSpan]
    {
        var spans: [SourceSpan] = []
        var index = 0
        let key: [Unicode.Scalar] = ["p", "s", "k"]
        while index + 3 < scalars.count {
            defer { index += 1 }
            guard Array(scalars[index..<index + 3]) == key else { continue }
            let before = index == 0 ? " " : scalars[index - 1]
            guard before == " " || before == "{" || before == "," || before == "\t" else {
                continue
            }
            var cursor = index + 3
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] == ":" else { continue }
            cursor += 1
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] != "{" else { continue }
            let start = cursor
            let flow = scalars[..<index].contains("{")
            while cursor < scalars.count,
                !(flow && (scalars[cursor] == "," || scalars[cursor] == "}"))
            {
                cursor += 1
            }
            spans.append(
                SourceSpan(
                    path: path, start: SourceLocation(line: line, column: start + 1),
                    end: SourceLocation(line: line, column: cursor + 1)))
        }
        return spans
    }
}
