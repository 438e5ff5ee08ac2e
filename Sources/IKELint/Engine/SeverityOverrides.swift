import IKEDiagnostics
import IKEPolicy

/// The `lint: rules:` map applied to findings: each named rule's findings take the
/// written severity, or are dropped for `off`. A later entry for the same rule wins.
struct SeverityOverrides {
    /// Rule id to new severity (nil: off).
    private var table: [String: Severity?] = [:]
    /// Unknown-rule findings for entries that name no rule.
    private(set) var problems: [Diagnostic] = []

    init(_ overrides: [RuleOverride]) {
        for override in overrides {
            guard let id = RuleReferences.id(for: override.rule.value) else {
                problems.append(RuleReferences.unknown(override.rule, in: "'lint.rules'"))
                continue
            }
            table[id] = .some(override.severity)
        }
    }

    /// The findings with their overridden severities; those turned off are removed.
    func apply(to findings: [Diagnostic]) -> [Diagnostic] {
        guard !table.isEmpty else { return findings }
        return findings.compactMap { finding in
            guard let override = table[finding.id] else { return finding }
            guard let severity = override else { return nil }
            var changed = finding
            changed.severity = severity
            return changed
        }
    }
}
