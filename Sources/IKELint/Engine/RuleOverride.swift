import IKEDiagnostics
import IKEPolicy

/// A severity for a rule's findings, given by the caller rather than the policy file (the
/// file's own `lint: rules:` entries are `RuleSeverityOverride`s, which only the checker
/// makes).
public struct RuleOverride: Sendable, Hashable {
    /// The rule's id or name, with a place for the unknown-rule finding (use a span of the
    /// policy, or any span: it is shown only if the rule does not exist).
    public var rule: Located<String>
    /// The new severity, or nil to turn the rule off.
    public var severity: Severity?

    /// An override.
    public init(rule: Located<String>, severity: Severity?) {
        self.rule = rule
        self.severity = severity
    }

    /// The same as a policy file's entry.
    init(_ written: RuleSeverityOverride) {
        self.init(rule: written.rule, severity: written.severity.value)
    }
}
