/// Renders diagnostics in the compiler style:
///
///     hq.yaml:12:21: error[E0301]: unknown algorithm 'aes256gcm61'
///        |
///     12 |     proposals: [aes256gcm61-prfsha384-ecp384]
///        |                 ^~~~~~~~~~~
///        = note: did you mean 'aes256gcm16'?
///
/// Colour is the caller's decision (a terminal, and no NO_COLOR); this type only obeys it.
public struct TextRenderer: Sendable {
    /// Whether to emit ANSI colour codes.
    public var colour: Bool
    /// The files diagnostics point into, by path, for quoting source lines.
    public var files: [String: SourceFile]

    /// A renderer over the given files.
    public init(files: [SourceFile], colour: Bool = false) {
        self.colour = colour
        var byPath: [String: SourceFile] = [:]
        for file in files { byPath[file.path] = file }
        self.files = byPath
    }

    /// All diagnostics, in order, each followed by a blank line, then a summary line such
    /// as `2 errors, 1 warning` (nothing at all when there are no diagnostics).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = ""
        for diagnostic in diagnostics {
            out += render(diagnostic)
            out += "\n"
        }
        out += summary(diagnostics) + "\n"
        return out
    }

    /// One diagnostic with its source excerpt and notes.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let span = diagnostic.span { out += bold("\(span): ") }
        out += styled(diagnostic.severity) + bold("[\(diagnostic.id)]: \(diagnostic.message)")
        out += "\n"
        if let span = diagnostic.span { out += excerpt(span, label: nil) }
        for note in diagnostic.notes {
            if let span = note.span,
                span.path != diagnostic.span?.path
                    || span.start.line
                        != diagnostic.span?.start.line
            {
                out += gutter(width: gutterWidth(diagnostic)) + "= note: \(note.message)\n"
                out += "  --> \(span)\n" + excerpt(span, label: nil)
            } else {
                out += gutter(width: gutterWidth(diagnostic)) + "= note: \(note.message)\n"
            }
        }
        for fix in diagnostic.fixIts {
            out += gutter(width: gutterWidth(diagnostic)) + "= help: \(fix.message)\n"
        }
        return out
    }

    /// `N errors, M warnings, K notes`, omitting zero counts.
    public func summary(_ diagnostics: [Diagnostic]) -> String {
        var parts: [String] = []
        for severity in [Severity.error, .warning, .note] {
            let count = diagnostics.filter { $0.severity == severity }.count
            if count > 0 { parts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")") }
        }
        return parts.joined(separator: ", ")
    }

    private func gutterWidth(_ diagnostic: Diagnostic) -> Int {
        let lines = [diagnostic.span?.start.line] + diagnostic.notes.map { $0.span?.start.line }
        return String(lines.compactMap { $0 }.max() ?? 0).count
    }

    private func gutter(width: Int) -> String { String(repeating: " ", count: width + 1) }

    private func excerpt(_ span: SourceSpan, label: String?) -> String {
        guard let file = files[span.path], let line = file.line(span.start.line) else {
            return ""
        }
        let number = String(span.start.line)
        let pad = String(repeating: " ", count: number.count)
        let shown = line.replacingTabs()
        var out = "\(pad) |\n\(number) | \(shown)\n"
        let startColumn = max(1, span.start.column)
        let scalars = Array(line.unicodeScalars)
        var endColumn = span.end.line == span.start.line ? span.end.column : scalars.count + 1
        endColumn = min(max(endColumn, startColumn + 1), scalars.count + 2)
        let prefix = String(repeating: " ", count: max(0, startColumn - 1))
        let marker = "^" + String(repeating: "~", count: max(0, endColumn - startColumn - 1))
        out += "\(pad) | \(prefix)\(colour ? "\u{1B}[32m\(marker)\u{1B}[0m" : marker)"
        if let label { out += " \(label)" }
        return out + "\n"
    }

    private func styled(_ severity: Severity) -> String {
        guard colour else { return severity.rawValue }
        switch severity {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .note: return "\u{1B}[1;36mnote\u{1B}[0m"
        }
    }

    private func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

extension Substring {
    /// The line with each tab shown as one space, so carets line up with columns counted
    /// in characters.
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
