import Foundation
import IKEDiagnostics
import IKEPolicy
import Testing

/// The YAML layer seen through the loader: anchors, merges, documents, text checks.
@Suite struct YAMLLayerTests {
    static let peerTail = """
            auth: { method: psk, psk: { env: X } }
            phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
        """

    @Test func explicitKeysOverrideMergedOnesAndEarlierMergesWin() throws {
        let text = """
            ikec: 1
            gateway: { name: hq, address: 198.51.100.1 }
            base: &base { address: 192.0.2.1, id: "fqdn:a.example.net" }
            other: &other { address: 192.0.2.2, ike: v1 }
            """
        let json = try #require(
            PolicyLoader.jsonDocument(
                text: text + "\nmerged: { <<: [*base, *other], id: fqdn:b }\n"))
        #expect(json["merged"]?["address"] == "192.0.2.1")
        #expect(json["merged"]?["id"] == "fqdn:b")
        #expect(json["merged"]?["ike"] == "v1")
    }

    @Test func aliasesShareTheAnchoredValue() throws {
        let text = """
            ikec: 1
            gateway: { name: hq, address: 198.51.100.1 }
            proposals:
              modern: &modern [aes256gcm16-prfsha384-ecp384]
            peers:
              a:
                address: 203.0.113.1
                auth: { method: psk, psk: { env: X } }
                phase1: { proposals: *modern }
            """
        let result = TestSupport.load(text)
        let policy = try #require(result.policy, "\(TestSupport.rendered(result))")
        let proposal = try #require(policy.peers.first?.phase1.proposals.proposals.first)
        // The alias's value keeps the place where the anchor wrote it.
        #expect(proposal.span.start.line == 4)
    }

    @Test func aTabInsideABlockScalarIsContentNotIndentation() {
        let result = TestSupport.load("ikec: 1\nnote: |\n  line one\n  \tindented by a tab\n")
        #expect(!result.diagnostics.contains { $0.id == "E0104" })
        #expect(result.diagnostics.contains { $0.id == "E0201" })
    }

    @Test func anOnlyDashesDocumentIsEmpty() {
        let result = TestSupport.load("---\n")
        #expect(result.diagnostics.map(\.id) == ["E0105"])
    }

    @Test func rawEventCountIsTheBenchmarkBaseline() {
        // STREAM-START, DOCUMENT-START, MAPPING-START, 2 scalars, MAPPING-END,
        // DOCUMENT-END, STREAM-END.
        #expect(RawYAMLParse.countEvents(text: "a: b\n") == 8)
        #expect(RawYAMLParse.countEvents(text: "a: [") == nil)
    }

    @Test func unreadableFilesAreReadErrorsNotDiagnostics() {
        let missing = PolicyLoader.load(path: "/nonexistent/ikec/policy.yaml")
        #expect(missing.readError?.reason == "no such file")
        #expect(missing.diagnostics.isEmpty && missing.policy == nil && missing.source == nil)
        #expect(missing.readError?.diagnostic.id == "E0100")
        let folder = PolicyLoader.load(path: TestSupport.fixtures.path)
        #expect(folder.readError?.reason == "it is a folder")
    }

    @Test func everyCatalogEntryIsComplete() {
        let catalog = PolicyDiagnostics.catalog
        #expect(catalog.count == PolicyDiagnosticID.allCases.count)
        #expect(Set(catalog.map(\.name)).count == catalog.count)
        for rule in catalog {
            #expect(rule.id.hasPrefix("E0") && rule.id.count == 5)
            #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty)
            #expect(!rule.summary.hasSuffix("."))
        }
        #expect(PolicyDiagnostics.descriptor(for: "E0301")?.name == "unknown-algorithm")
    }

    @Test func largePolicyLoadsInOnePassWithoutErrors() throws {
        var text = "ikec: 1\ngateway: { name: hq, address: 198.51.100.1 }\npeers:\n"
        for index in 0..<1000 {
            text += """
                  p\(index):
                    address: 10.\(index / 250).\(index % 250).1
                    id: fqdn:p\(index).example.net
                    auth: { method: psk, psk: { env: P\(index) } }
                    phase1: { proposals: [aes256gcm16-prfsha384-ecp384], lifetime: 8h }
                    phase2:
                      lan:
                        local-ts: 10.200.0.0/16
                        remote-ts: 10.\(index / 250).\(index % 250).0/24
                        proposals: [aes256gcm16]

                """
        }
        let result = TestSupport.load(text)
        #expect(result.diagnostics.isEmpty, "\(TestSupport.rendered(result))")
        #expect(result.policy?.peers.count == 1000)
    }
}
