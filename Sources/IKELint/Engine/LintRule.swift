import IKEDiagnostics

/// One lint rule: a stable id and name, a default severity, the words `ikec explain`
/// prints, and a check over a checked policy.
///
/// A check returns its findings as diagnostics (all of them, never only the first) and
/// never decides what is fatal: the engine applies the file's severity overrides and
/// suppressions afterwards, and the command line decides the exit status.
protocol LintRule: Sendable {
    /// The rule's catalog entry.
    static var descriptor: RuleDescriptor { get }

    /// The findings for one policy.
    func check(_ context: LintContext) -> [Diagnostic]
}

extension LintRule {
    /// The rule's catalog entry.
    var descriptor: RuleDescriptor { Self.descriptor }

    /// A finding of this rule; `severity` defaults to the rule's default severity.
    func finding(
        _ message: String, at span: SourceSpan?, severity: Severity? = nil,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(
            id: Self.descriptor.id, severity: severity ?? Self.descriptor.defaultSeverity,
            message: message, span: span, notes: notes, fixIts: fixIts)
    }
}
