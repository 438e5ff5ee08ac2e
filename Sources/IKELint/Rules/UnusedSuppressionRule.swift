import IKEDiagnostics

/// Suppressions that silence nothing. Reported by the engine, not by a check.
struct UnusedSuppressionRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L037", name: "unused-suppression",
        summary: "a suppression that matches no finding",
        explanation: """
            '# ikec: ignore[RULE] reason' silences RULE's findings on the line it \
            targets: its own line for a trailing comment, else the next line with \
            content. One that matches nothing is stale (the problem was fixed) or \
            misplaced (on the wrong line, or naming the wrong rule), and would silently \
            hide a future finding.

            Fix: remove it, or move it to the line it is about.
            """,
        defaultSeverity: .note)

    func check(_ context: LintContext) -> [Diagnostic] { [] }
}
