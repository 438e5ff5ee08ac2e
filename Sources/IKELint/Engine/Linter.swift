import Foundation
import IKEDiagnostics
import IKEPolicy

/// Lints checked policies: runs every rule of `LintRules`, then applies the policy's
/// severity overrides (`lint: rules:`) and its `# ikec: ignore[...]` suppressions.
///
/// All findings are returned as values, sorted by place; nothing here decides what is
/// fatal (the command line does, with `--fail-on`).
public struct Linter: Sendable {
    /// The profile to use; nil means the policy's own `lint.profile` (or `default`).
    public var profile: LintProfile?
    /// Severity overrides applied after the policy's own, as if appended to its
    /// `lint: rules:`.
    public var overrides: [RuleOverride]
    /// The time certificates are judged at (expiry).
    public var now: Date
    /// File modes and environment variables, as rules see them.
    public var system: SystemFacts

    /// A linter.
    public init(
        profile: LintProfile? = nil, overrides: [RuleOverride] = [], now: Date = Date(),
        system: SystemFacts = .live
    ) {
        self.profile = profile
        self.overrides = overrides
        self.now = now
        self.system = system
    }

    /// The findings for `policy`. `others` are the policies given alongside it; the ones
    /// that describe the far end of one of its peers enable the cross-file rules.
    /// `checkerDiagnostics` are the warnings and notes the checker emitted for the same
    /// file: they go through the same overrides and suppressions, and come back in the
    /// result with the lint findings.
    public func lint(
        _ policy: CheckedPolicy, pairedWith others: [CheckedPolicy] = [],
        checkerDiagnostics: [Diagnostic] = []
    ) -> [Diagnostic] {
        let context = LintContext(
            policy: policy, profile: profile ?? policy.lint.effectiveProfile,
            pairing: PolicyPairing.pairing(for: policy, among: others), now: now, system: system)

        // Every rule, then what the checker already said.
        var findings = LintRules.all.flatMap { $0.check(context) }
        findings += checkerDiagnostics.filter { $0.severity != .error }

        // The file's severities, then ours.
        let severities = SeverityOverrides(policy.lint.rules.map(RuleOverride.init) + overrides)
        findings = severities.apply(to: findings)
        findings += severities.problems

        // Suppressions last, so that they can silence anything above.
        var suppressions = SuppressionFilter(policy.suppressions)
        findings = suppressions.apply(to: findings)
        findings += severities.apply(to: suppressions.problems)

        // A proposal set used by several peers yields the same finding once per use.
        return Diagnostic.sortedUnique(findings)
    }
}

/// Lints with the settings written in each policy.
public enum LintEngine {
    /// `Linter().lint(policy, pairedWith: others)`.
    public static func lint(_ policy: CheckedPolicy, pairedWith others: [CheckedPolicy] = [])
        -> [Diagnostic]
    {
        Linter().lint(policy, pairedWith: others)
    }
}
