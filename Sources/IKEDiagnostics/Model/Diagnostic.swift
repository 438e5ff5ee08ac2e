/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// Informational; never fails a run.
    case note
    /// A problem worth fixing; fails a run only with `--fail-on warning`.
    case warning
    /// The input is wrong or unsafe; always fails a run.
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    /// `note` < `warning` < `error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, with its own place in the source.
public struct DiagnosticNote: Sendable, Hashable {
    /// The note's text: lowercase, no final period.
    public var message: String
    /// Where it points, if anywhere.
    public var span: SourceSpan?

    /// A note.
    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// A suggested edit: replace the text of `span` with `replacement`.
public struct FixIt: Sendable, Hashable {
    /// What the edit does, for example "replace with 'aes256gcm16'".
    public var message: String
    /// The text to replace.
    public var span: SourceSpan
    /// The new text.
    public var replacement: String

    /// A fix-it.
    public init(_ message: String, span: SourceSpan, replacement: String) {
        self.message = message
        self.span = span
        self.replacement = replacement
    }
}

/// One problem found in an input, from the checker, a lint rule or a later stage.
///
/// Messages follow one style: lowercase, no final period, source tokens in '...'. The id
/// is stable across releases, so CI configurations and suppressions can name it.
public struct Diagnostic: Sendable, Hashable {
    /// The stable identifier, for example `E0201` or `IKE-L010`.
    public var id: String
    /// How serious it is.
    public var severity: Severity
    /// The message.
    public var message: String
    /// Where the problem is; nil for problems with no place (an unreadable file).
    public var span: SourceSpan?
    /// Further context, each with its own place.
    public var notes: [DiagnosticNote]
    /// Suggested edits.
    public var fixIts: [FixIt]

    /// A diagnostic.
    public init(
        id: String, severity: Severity, message: String, span: SourceSpan?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.span = span
        self.notes = notes
        self.fixIts = fixIts
    }

    /// Sorts diagnostics by place (those without a place first), then id, then message,
    /// so every output format lists them in the same stable order.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        // Positions are sorted rather than the diagnostics, so each is copied once.
        let order = diagnostics.indices.sorted { left, right in
            let (a, b) = (diagnostics[left], diagnostics[right])
            switch (a.span, b.span) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (.some(let x), .some(let y)) where x != y: return x < y
            default: break
            }
            if a.id != b.id { return a.id < b.id }
            if a.message != b.message { return a.message < b.message }
            return left < right
        }
        return order.map { diagnostics[$0] }
    }

    /// `sorted(_:)` without exact repeats: the first of equal diagnostics is kept. Equal
    /// diagnostics sort next to each other (same place, id and message), so only those
    /// neighbours are compared.
    public static func sortedUnique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let sorted = sorted(diagnostics)
        var out: [Diagnostic] = []
        out.reserveCapacity(sorted.count)
        var runStart = 0
        for diagnostic in sorted {
            if let last = out.last,
                last.span != diagnostic.span || last.id != diagnostic.id
                    || last.message != diagnostic.message
            {
                runStart = out.count
            }
            if !out[runStart...].contains(diagnostic) { out.append(diagnostic) }
        }
        return out
    }
}

/// What a rule catalog says about one diagnostic id, for `ikec explain` and SARIF.
public struct RuleDescriptor: Sendable, Hashable {
    /// The stable id.
    public var id: String
    /// A short kebab-case name, for example `weak-dh-group`.
    public var name: String
    /// One line: what the rule finds.
    public var summary: String
    /// The full explanation `ikec explain` prints: why it matters, what to do, references.
    public var explanation: String
    /// The severity it has unless a profile or the policy file changes it.
    public var defaultSeverity: Severity

    /// A descriptor.
    public init(
        id: String, name: String, summary: String, explanation: String,
        defaultSeverity: Severity
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.explanation = explanation
        self.defaultSeverity = defaultSeverity
    }
}
