import Foundation
import IKEDiagnostics
import IKELint
import IKEPolicy
import Testing

/// Pre-shared keys are measured, never shown.
@Suite struct SecretTests {
    static let secret = "Zebra-Quartz-41-Lantern"

    @Test func noFindingEverCarriesTheKey() {
        let text = """
            ikec: 1
            gateway: { name: hq, address: 198.51.100.1, id: fqdn:hq.example.net }
            peers:
              road:
                address: any
                id: fqdn:road.example.net
                auth: { method: psk, psk: "\(Self.secret)" }
                phase1: { proposals: [aes256-sha1-modp1024], mode: aggressive }
                ike: v1
            """
        let result = PolicyLoader.load(text: text, path: "p.yaml")
        let policy = try! #require(result.policy)
        let findings = Linter(now: Date()).lint(policy, checkerDiagnostics: result.diagnostics)
        #expect(findings.contains { $0.id == "IKE-L011" })
        let rendered = TextRenderer(files: [policy.source.file]).render(findings)
        let json = JSONDiagnosticsRenderer.render(findings).serialized()
        for output in [rendered, json] {
            #expect(!output.contains(Self.secret))
            #expect(!output.contains("Quartz"))
        }
    }

    @Test func environmentKeysAreCheckedOnlyWhenSet() {
        let text = """
            ikec: 1
            gateway: { name: hq, address: 198.51.100.1, id: fqdn:hq.example.net }
            peers:
              b:
                address: 203.0.113.7
                id: fqdn:b.example.net
                auth: { method: psk, psk: { env: IKEC_LINT_SECRET_TEST_SHORT } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """
        let policy = try! #require(PolicyLoader.load(text: text, path: "p.yaml").policy)
        let unset = SystemFacts(permissions: { _ in nil }, isSet: { _ in false })
        let quiet = Linter(system: unset).lint(policy)
        #expect(quiet.contains { $0.id == "IKE-L015" })
        #expect(!quiet.contains { $0.id == "IKE-L012" })

        setenv("IKEC_LINT_SECRET_TEST_SHORT", "tiny", 1)
        let findings = Linter().lint(policy)
        #expect(findings.contains { $0.id == "IKE-L012" && $0.message.contains("only 4 octets") })
        #expect(!findings.contains { $0.id == "IKE-L015" })
        #expect(!TextRenderer(files: []).render(findings).contains("tiny"))
    }
}
