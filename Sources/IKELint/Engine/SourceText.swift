import IKEDiagnostics

extension LintContext {
    /// The text a single-line span covers in the policy (secrets masked), or nil.
    func text(at span: SourceSpan) -> String? {
        guard span.start.line == span.end.line, span.file == policy.source.file.id,
            let line = policy.source.file.line(span.start.line)
        else { return nil }
        let scalars = Array(line.unicodeScalars)
        let start = span.start.column - 1
        let end = span.end.column - 1
        guard start >= 0, start < end, end <= scalars.count else { return nil }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        if text.count >= 2, let first = text.first, first == "'" || first == "\"",
            text.last == first
        {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }
}
