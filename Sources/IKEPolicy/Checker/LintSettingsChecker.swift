import IKEDiagnostics

extension PolicyChecker {
    static let lintKeys: FieldNames = ["profile", "rules"]
    static let ruleSeverities = ["error", "warning", "note", "off"]

    /// The `lint:` section: a profile and rule severity overrides. Nil after an error.
    mutating func lintSettings(_ node: YAMLNode) -> LintSettings? {
        guard let fields = fields(node, of: "lint", allowed: Self.lintKeys) else { return nil }
        var failed = false
        var profile: Located<LintProfile>?
        if let entry = fields["profile"] {
            if let text = string(entry.value, for: "profile") {
                if let value = LintProfile(rawValue: text.value) {
                    profile = Located(value, at: text.span)
                } else {
                    lintWordError(
                        .unknownLintProfile, text, what: "lint profile",
                        choices: LintProfile.allCases.map(\.rawValue))
                    failed = true
                }
            } else {
                failed = true
            }
        }

        var rules: [RuleSeverityOverride] = []
        if let entry = fields["rules"] {
            if case .mapping(let entries) = entry.value.content {
                for rule in entries {
                    if let override = ruleOverride(rule) {
                        rules.append(override)
                    } else {
                        failed = true
                    }
                }
            } else {
                wrongType(entry.value, expected: "a mapping of rules to severities", for: "rules")
                failed = true
            }
        }
        return failed ? nil : LintSettings(profile: profile, rules: rules)
    }

    private mutating func ruleOverride(_ entry: YAMLEntry) -> RuleSeverityOverride? {
        guard RuleReference.isWellFormed(entry.key) else {
            error(
                .invalidRuleReference, "'\(entry.key)' is not a rule id or name", at: entry.keySpan,
                notes: [DiagnosticNote("name a rule by id ('IKE-L012') or name ('weak-dh-group')")])
            return nil
        }
        guard let text = string(entry.value, for: entry.key) else { return nil }
        let severity: Severity?
        switch text.value {
        case "error": severity = .error
        case "warning": severity = .warning
        case "note": severity = .note
        case "off": severity = nil
        default:
            lintWordError(
                .invalidRuleSeverity, text, what: "rule severity", choices: Self.ruleSeverities)
            return nil
        }
        return RuleSeverityOverride(
            rule: Located(entry.key, at: entry.keySpan), severity: Located(severity, at: text.span))
    }

    private mutating func lintWordError(
        _ id: PolicyDiagnosticID, _ text: Located<String>, what: String, choices: [String]
    ) {
        var notes: [DiagnosticNote] = []
        var fixIts: [FixIt] = []
        if let guess = Suggestions.closest(to: text.value, among: choices) {
            notes.append(DiagnosticNote("did you mean '\(guess)'?"))
            fixIts.append(FixIt("replace with '\(guess)'", span: text.span, replacement: guess))
        }
        notes.append(
            DiagnosticNote("choose one of \(choices.map { "'\($0)'" }.joined(separator: ", "))"))
        error(id, "unknown \(what) '\(text.value)'", at: text.span, notes: notes, fixIts: fixIts)
    }
}
