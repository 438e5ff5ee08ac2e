import IKEDiagnostics

/// Rule references (in `lint: rules:` or a suppression) that name no rule. Reported by
/// the engine, not by a check.
struct UnknownRuleRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L036", name: "unknown-rule",
        summary: "'lint.rules' or a suppression names a rule that does not exist",
        explanation: """
            Keys of 'lint: rules:' and the rules in '# ikec: ignore[...]' comments must \
            name a lint rule (by id such as IKE-L004 or name such as weak-dh-group) or a \
            checker diagnostic (E0520, identity-without-type). A misspelt rule would \
            otherwise silently change nothing.

            Fix: use a name from 'ikec rules'; the finding suggests the closest one.
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] { [] }
}
