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

    /// Mappings of every size merge and report duplicates alike (the reader scans small
    /// mappings and indexes large ones): checked against a model of the merge key type.
    @Test func mergesAndDuplicatesFollowTheMergeKeyTypeAtEverySize() throws {
        var random = SystemRandomNumberGenerator()
        for size in [3, 12, 17, 40, 120] {
            for _ in 0..<20 {
                let names = (0..<(size * 2)).map { "key\($0)" }
                let anchors = (0..<3).map { anchor in
                    names.shuffled(using: &random).prefix(size).map { ($0, "a\(anchor)-\($0)") }
                }
                // The mapping: its own keys (distinct) around one `<<` of two anchors.
                let own = names.shuffled(using: &random).prefix(size).map { ($0, "own-\($0)") }
                let split = Int.random(in: 0...own.count, using: &random)
                let merged = [0, 2]
                var text = ""
                for (index, anchor) in anchors.enumerated() {
                    text += "a\(index): &a\(index)\n"
                    for (key, value) in anchor { text += "  \(key): \(value)\n" }
                }
                text += "m:\n"
                for (key, value) in own[..<split] { text += "  \(key): \(value)\n" }
                text += "  <<: [\(merged.map { "*a\($0)" }.joined(separator: ", "))]\n"
                for (key, value) in own[split...] { text += "  \(key): \(value)\n" }

                // The model: own keys where written; merged keys (earlier anchors first)
                // where the `<<` stands, unless written in the mapping or merged before.
                let ownKeys = Set(own.map(\.0))
                var expected: [(String, JSONValue)] = own[..<split].map { ($0.0, .string($0.1)) }
                var seen = Set(expected.map(\.0))
                for anchor in merged {
                    for (key, value) in anchors[anchor]
                    where !ownKeys.contains(key) && seen.insert(key).inserted {
                        expected.append((key, .string(value)))
                    }
                }
                expected += own[split...].map { ($0.0, .string($0.1)) }
                let json = try #require(PolicyLoader.jsonDocument(text: text))
                #expect(json["m"] == .object(expected), "\(text)")

                // A key written twice is reported once per repeat, at the repeat.
                let repeated = own[0].0
                let result = TestSupport.load(text + "  \(repeated): again\n  \(repeated): more\n")
                let duplicates = result.diagnostics.filter { $0.id == "E0107" }
                #expect(duplicates.count == 2)
                #expect(duplicates.allSatisfy { $0.message == "duplicate key '\(repeated)'" })
            }
        }
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

    /// Editors on Windows start files with a byte order mark and end lines with CR LF.
    @Test func aByteOrderMarkAndCRLFLineEndingsReadLikePlainText() {
        let result = TestSupport.load("\u{FEFF}ikec: 1\r\ngateway: { name: hq }\r\nbogus: 1\r\n")
        let unknown = result.diagnostics.first { $0.id == "E0201" }
        #expect(result.diagnostics.allSatisfy { !$0.id.hasPrefix("E01") })
        #expect(unknown?.span?.start == SourceLocation(line: 3, column: 1))
        #expect(result.source?.text.hasPrefix("ikec: 1") == true)
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
