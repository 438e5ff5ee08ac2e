import Foundation
import IKEDiagnostics
import IKELint
import IKEPolicy
import Testing

/// Every rule has a folder under `Fixtures/rules/<name>/`: `positive.yaml` must produce
/// exactly the findings in `positive.expected` (rendered as text, the rule's findings
/// only), and `negative.yaml` none of the rule's. `peer.yaml` and `peer2.yaml` are linted
/// alongside the positive case (cross-file rules), `negative-peer.yaml` (or `peer.yaml`)
/// alongside the negative one; a file `now` holds the date the positive case's
/// certificates are judged at.
@Suite struct RuleFixtureTests {
    static let rules = LintRules.catalog.map(\.name)

    static func folder(_ rule: String) -> URL {
        LintTestSupport.fixtures.appendingPathComponent("rules/\(rule)")
    }

    static func lint(_ name: String, partners: [String], rule: String) -> (
        [Diagnostic], [SourceFile]
    ) {
        let folder = folder(rule)
        let result = LintTestSupport.load(name, in: folder)
        let others = partners.map { LintTestSupport.load($0, in: folder) }
        let nowFile = folder.appendingPathComponent(name == "positive.yaml" ? "now" : "-")
        let nowText = try? String(contentsOf: nowFile, encoding: .utf8)
        let now =
            nowText.map {
                LintTestSupport.date($0.trimmingCharacters(in: .whitespacesAndNewlines))
            } ?? LintTestSupport.defaultNow
        guard let policy = result.policy else {
            Issue.record("\(rule)/\(name) does not check: \(result.diagnostics.map(\.message))")
            return ([], [])
        }
        let findings = Linter(now: now).lint(
            policy, pairedWith: others.compactMap(\.policy),
            checkerDiagnostics: result.diagnostics)
        let id = LintRules.descriptor(for: rule)?.id
        let sources = ([result] + others).compactMap(\.source)
        return (findings.filter { $0.id == id }, sources)
    }

    @Test func everyRuleHasAFixtureFolder() {
        for rule in Self.rules {
            let positive = Self.folder(rule).appendingPathComponent("positive.yaml")
            #expect(FileManager.default.fileExists(atPath: positive.path), "\(rule)")
        }
    }

    @Test(arguments: rules)
    func positiveCaseProducesTheExpectedFindings(_ rule: String) {
        let folder = Self.folder(rule)
        let partners = ["peer.yaml", "peer2.yaml"].filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        let (findings, sources) = Self.lint("positive.yaml", partners: partners, rule: rule)
        #expect(!findings.isEmpty, "\(rule) found nothing in its positive case")
        LintTestSupport.expectGolden(
            LintTestSupport.render(findings, files: sources),
            folder.appendingPathComponent("positive.expected"))
    }

    @Test(arguments: rules)
    func negativeCaseProducesNoFinding(_ rule: String) {
        let folder = Self.folder(rule)
        let partner = ["negative-peer.yaml", "peer.yaml"].first {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        let (findings, sources) = Self.lint(
            "negative.yaml", partners: partner.map { [$0] } ?? [], rule: rule)
        #expect(findings.isEmpty, "\(LintTestSupport.render(findings, files: sources))")
    }
}
