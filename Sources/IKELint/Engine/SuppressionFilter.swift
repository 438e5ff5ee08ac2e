import IKEDiagnostics
import IKEPolicy

/// Applies `# ikec: ignore[...] reason` comments: a finding whose primary span starts on
/// a suppression's target line, in the same file, and whose rule the brackets name (by id
/// or name) is dropped. Each bracketed rule that silenced nothing gets an
/// unused-suppression note; one that names no rule gets an unknown-rule error.
struct SuppressionFilter {
    private let suppressions: [Suppression]
    /// Unknown-rule and unused-suppression findings, filled by `apply`.
    private(set) var problems: [Diagnostic] = []

    init(_ suppressions: [Suppression]) {
        self.suppressions = suppressions
    }

    /// The findings no suppression covers.
    mutating func apply(to findings: [Diagnostic]) -> [Diagnostic] {
        guard !suppressions.isEmpty else { return findings }
        var used = Set<SourceSpan>()
        let kept = findings.filter { finding in
            guard let span = finding.span else { return true }
            let name = RuleReferences.name(of: finding.id)
            var covered = false
            for suppression in suppressions
            where suppression.span.file == span.file
                && suppression.covers(ruleID: finding.id, ruleName: name, line: span.start.line)
            {
                covered = true
                for rule in suppression.rules where rule.value == finding.id || rule.value == name {
                    used.insert(rule.span)
                }
            }
            return !covered
        }

        for suppression in suppressions {
            for rule in suppression.rules where !used.contains(rule.span) {
                if RuleReferences.id(for: rule.value) == nil {
                    problems.append(RuleReferences.unknown(rule, in: "a suppression"))
                } else {
                    problems.append(
                        UnusedSuppressionRule().finding(
                            "suppression of '\(rule.value)' matches no finding on line "
                                + "\(suppression.targetLine)",
                            at: rule.span,
                            notes: [DiagnosticNote("remove it, or move it to the line it is about")]
                        ))
                }
            }
        }
        return kept
    }
}
