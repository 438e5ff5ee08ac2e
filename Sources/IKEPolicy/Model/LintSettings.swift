import IKEDiagnostics

/// The `lint:` section.
public struct LintSettings: Sendable {
    /// `profile:`; nil means `default`.
    public let profile: Located<LintProfile>?
    /// `rules:` entries in file order. Rule names and ids are not checked here (IKELint
    /// owns the catalog); the checker only checks their syntax and severities.
    public let rules: [RuleSeverityOverride]

    /// The profile in effect.
    public var effectiveProfile: LintProfile { profile?.value ?? .default }

    /// No `lint:` section.
    static let unwritten = LintSettings(profile: nil, rules: [])
}

/// A lint profile name.
public enum LintProfile: String, Sendable, Hashable, CaseIterable {
    /// Today's recommendations (RFC 8247, RFC 8221).
    case `default`
    /// The NSA's Commercial National Security Algorithm Suite.
    case cnsa
    /// Tolerant of old peers: weak algorithms are warnings, not errors.
    case legacy
}

/// One `rules:` entry: a rule's id or name and the severity it should have.
public struct RuleSeverityOverride: Sendable, Hashable {
    /// The rule as written: an id (`IKE-L012`) or a name (`weak-dh-group`).
    public let rule: Located<String>
    /// The new severity, or nil for `off`.
    public let severity: Located<Severity?>
}

/// A `# ikec: ignore[ID, ...] reason` comment.
public struct Suppression: Sendable, Hashable {
    /// The rule ids or names in the brackets.
    public let rules: [Located<String>]
    /// The reason after the brackets (never empty: a suppression without one is an error).
    public let reason: String
    /// The 1-based line whose findings it silences: its own line for a trailing comment,
    /// the next line with content for a comment alone on its line.
    public let targetLine: Int
    /// The comment.
    public let span: SourceSpan

    /// Whether this suppression silences `ruleID` or `ruleName` on the diagnostic's line.
    public func covers(ruleID: String, ruleName: String?, line: Int) -> Bool {
        guard line == targetLine else { return false }
        return rules.contains { $0.value == ruleID || $0.value == ruleName }
    }
}
