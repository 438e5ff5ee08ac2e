import Foundation
import IKEDiagnostics
import IKEPolicy
import Testing

/// A literal pre-shared key must not reach any rendering of any diagnostic.
@Suite struct SecretRedactionTests {
    static let secrets = [
        "Sup3rS3cretValue", "0xc0ffee5ecre7", "TopSecretInAList", "Hidden-Literal-42",
    ]

    static let policies: [String] = [
        // Diagnostics on the PSK's own line (an unknown key in the same flow mapping), and
        // elsewhere in the file.
        """
        ikec: 1
        gateway: { name: hq, address: 198.51.100.1 }
        peers:
          branch:
            address: 203.0.113.7
            auth: { method: psk, psk: Sup3rS3cretValue, sigs: sha256 }
            phase1: { proposals: [aes256gcm16-ecp384] }
        """,
        // A literal that does not decode.
        """
        ikec: 1
        gateway: { name: hq, address: 198.51.100.1 }
        peers:
          branch:
            address: 203.0.113.7
            auth:
              method: psk
              psk: 0xc0ffee5ecre7
            phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
        """,
        // A PSK of the wrong type, then a valid one that draws no error of its own.
        """
        ikec: 1
        gateway: { name: hq, address: 198.51.100.1 }
        peers:
          a:
            address: 203.0.113.7
            auth: { method: psk, psk: [TopSecretInAList] }
            phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
          b:
            address: 203.0.113.8
            id: branch.example.net
            auth: { method: psk, psk: Hidden-Literal-42 }
            phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
        """,
        // A syntax error on the PSK's line: the checker never sees the tree.
        """
        ikec: 1
        peers:
          branch:
            auth:
              psk: Sup3rS3cretValue: oops
        """,
    ]

    @Test(arguments: policies)
    func noRenderingContainsTheLiteral(_ text: String) throws {
        let result = TestSupport.load(text, path: "secret.yaml")
        #expect(!result.diagnostics.isEmpty)
        let source = try #require(result.source)
        let outputs = [
            TextRenderer(files: [source]).render(result.diagnostics),
            TextRenderer(files: [source], colour: true).render(result.diagnostics),
            JSONDiagnosticsRenderer.render(result.diagnostics).serialized(),
            SARIFRenderer.render(
                result.diagnostics, rules: PolicyDiagnostics.catalog, toolVersion: "test"
            ).serialized(),
            GitHubRenderer.render(result.diagnostics),
            source.text,
        ]
        for output in outputs {
            for secret in Self.secrets {
                #expect(!output.contains(secret), "leaked in: \(output)")
            }
        }
    }

    @Test func theMaskKeepsColumnsSoCaretsStillLineUp() throws {
        let result = TestSupport.load(Self.policies[0], path: "secret.yaml")
        let source = try #require(result.source)
        let line = try #require(source.line(6))
        #expect(line == "    auth: { method: psk, psk: ****************, sigs: sha256 }")
        let unknown = try #require(result.diagnostics.first { $0.id == "E0201" })
        #expect(unknown.span?.start == SourceLocation(line: 6, column: 49))
    }

    @Test func aCheckedPolicyShowsOnlyTheMaskedSourceAndNoValue() throws {
        let text = """
            ikec: 1
            gateway: { name: hq, address: 198.51.100.1 }
            peers:
              branch:
                address: 203.0.113.7
                auth: { method: psk, psk: Sup3rS3cretValue }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """
        let policy = try #require(TestSupport.load(text).policy)
        #expect(!policy.source.file.text.contains("Sup3rS3cretValue"))
        let psk = try #require(policy.peers.first?.auth.psk)
        #expect(psk.value.description == "literal (16 octets)")
        #expect(!String(describing: psk).contains("Sup3rS3cretValue"))
        #expect(!String(reflecting: policy.peers).contains("Sup3rS3cretValue"))
        #expect(try psk.value.resolve().revealed == Array("Sup3rS3cretValue".utf8))
    }
}
