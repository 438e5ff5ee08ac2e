import Foundation
import IKEDiagnostics
import IKELint
import IKEPolicy
import Testing

/// The same policy under each profile: `default` (RFC 8247, RFC 8221, RFC 9395), `cnsa`
/// (RFC 9206: anything below is an error) and `legacy` (MUST NOT stays an error, SHOULD
/// NOT becomes a note).
@Suite struct ProfileTests {
    static let folder = LintTestSupport.fixtures.appendingPathComponent("profiles")

    static func lint(profile: LintProfile) -> String {
        let result = LintTestSupport.load("mixed.yaml", in: folder)
        guard let policy = result.policy else {
            Issue.record("mixed.yaml does not check")
            return ""
        }
        let findings = Linter(profile: profile, now: LintTestSupport.defaultNow).lint(policy)
        return LintTestSupport.render(findings, files: [result.source].compactMap { $0 })
    }

    @Test(arguments: LintProfile.allCases)
    func profileJudgesTheMixedPolicyAsPinned(_ profile: LintProfile) {
        LintTestSupport.expectGolden(
            Self.lint(profile: profile),
            Self.folder.appendingPathComponent("mixed.\(profile.rawValue).expected"))
    }

    @Test func legacyTurnsShouldNotIntoNotesButKeepsMustNotErrors() {
        let result = LintTestSupport.load("mixed.yaml", in: Self.folder)
        let policy = try! #require(result.policy)
        let legacy = Linter(profile: .legacy, now: LintTestSupport.defaultNow).lint(policy)
        let modp1024 = legacy.first { $0.message.hasPrefix("'modp1024'") && $0.id == "IKE-L004" }
        #expect(modp1024?.severity == .note)
        let standard = Linter(profile: .default, now: LintTestSupport.defaultNow).lint(policy)
        #expect(standard.first { $0.id == "IKE-L004" }?.severity == .warning)
    }

    @Test func cnsaMakesEverythingBelowTheSuiteAnError() {
        let result = LintTestSupport.load("mixed.yaml", in: Self.folder)
        let policy = try! #require(result.policy)
        let findings = Linter(profile: .cnsa, now: LintTestSupport.defaultNow).lint(policy)
        let algorithmIDs: Set = ["IKE-L001", "IKE-L002", "IKE-L004", "IKE-L005", "IKE-L007"]
        let algorithmFindings = findings.filter { algorithmIDs.contains($0.id) }
        #expect(!algorithmFindings.isEmpty)
        #expect(algorithmFindings.allSatisfy { $0.severity == .error })
        #expect(findings.contains { $0.id == "IKE-L009" && $0.severity == .error })
    }

    @Test func theFilesOwnProfileIsUsedUnlessOneIsGiven() {
        let text = """
            ikec: 1
            gateway: { name: hq, address: 198.51.100.1 }
            lint: { profile: cnsa }
            peers:
              b:
                address: 203.0.113.7
                id: fqdn:b.example.net
                auth: { method: psk, psk: { env: IKEC_LINT_PROFILE_TEST } }
                phase1: { proposals: [aes128gcm16-prfsha256-ecp256] }
            """
        let policy = try! #require(PolicyLoader.load(text: text, path: "p.yaml").policy)
        let own = LintEngine.lint(policy).filter { $0.id == "IKE-L001" }
        #expect(own.first?.severity == .error)
        let overridden = Linter(profile: .default).lint(policy).filter { $0.id == "IKE-L001" }
        #expect(overridden.isEmpty)
    }
}
