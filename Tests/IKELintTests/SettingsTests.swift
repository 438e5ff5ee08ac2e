import Foundation
import IKEDiagnostics
import IKELint
import IKEPolicy
import Testing

/// Severity overrides (`lint: rules:`) and suppression comments.
@Suite struct SettingsTests {
    static let folder = LintTestSupport.fixtures.appendingPathComponent("settings")

    static func rendered(_ name: String) -> String {
        let result = LintTestSupport.load(name, in: folder)
        var diagnostics = result.diagnostics
        if let policy = result.policy {
            diagnostics = Linter(now: LintTestSupport.defaultNow).lint(
                policy, checkerDiagnostics: result.diagnostics)
        }
        return LintTestSupport.render(diagnostics, files: [result.source].compactMap { $0 })
    }

    @Test(arguments: ["overrides", "suppressions", "missing-reason"])
    func settingsFixtureRendersAsPinned(_ name: String) {
        LintTestSupport.expectGolden(
            Self.rendered("\(name).yaml"), Self.folder.appendingPathComponent("\(name).expected"))
    }

    @Test func overridesChangeSeverityAndTurnRulesOff() {
        let result = LintTestSupport.load("overrides.yaml", in: Self.folder)
        let policy = try! #require(result.policy)
        let findings = Linter(now: LintTestSupport.defaultNow).lint(policy)
        #expect(findings.first { $0.id == "IKE-L004" }?.severity == .error)
        #expect(!findings.contains { $0.id == "IKE-L016" })
        #expect(findings.first { $0.id == "IKE-L020" }?.severity == .note)
        let unknown = findings.first { $0.id == "IKE-L036" }
        #expect(unknown?.message == "unknown rule 'no-such-rule' in 'lint.rules'")
    }

    @Test func suppressionsDropCoveredFindingsAndReportTheRest() {
        let result = LintTestSupport.load("suppressions.yaml", in: Self.folder)
        let policy = try! #require(result.policy)
        let findings = Linter(now: LintTestSupport.defaultNow).lint(policy)
        #expect(!findings.contains { $0.id == "IKE-L004" })
        #expect(!findings.contains { $0.id == "IKE-L018" })
        #expect(!findings.contains { $0.id == "IKE-L020" })
        // 'no-pfs' on the lifetime line matches nothing there; the finding is elsewhere.
        #expect(findings.contains { $0.id == "IKE-L037" && $0.message.contains("'no-pfs'") })
        #expect(findings.contains { $0.id == "IKE-L016" })
        #expect(findings.contains { $0.id == "IKE-L036" && $0.message.contains("no-pfs-please") })
    }

    @Test func aSuppressionWithoutReasonIsAnError() {
        let result = LintTestSupport.load("missing-reason.yaml", in: Self.folder)
        #expect(result.policy == nil)
        #expect(result.diagnostics.contains { $0.id == "E0704" })
    }

    @Test func explicitOverridesApplyAfterTheFiles() {
        let result = LintTestSupport.load("overrides.yaml", in: Self.folder)
        let policy = try! #require(result.policy)
        let span = SourceSpan(path: "cli", line: 1, column: 1)
        let extra = RuleOverride(rule: Located("weak-dh-group", at: span), severity: nil)
        let findings = Linter(overrides: [extra], now: LintTestSupport.defaultNow).lint(policy)
        #expect(!findings.contains { $0.id == "IKE-L004" })
    }
}
