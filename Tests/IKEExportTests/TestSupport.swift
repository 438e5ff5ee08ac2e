import Foundation
import IKEDiagnostics
import IKEPolicy
import Testing

@testable import IKEExport

/// Paths and helpers shared by the IKEExport tests.
enum ExportTestSupport {
    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `examples/`.
    static let examples = repository.appendingPathComponent("examples")

    /// `Tests/IKEExportTests/Fixtures/`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Every example policy, sorted: `examples/<folder>/<name>.yaml`.
    static func examplePolicies() -> [URL] {
        let folders =
            (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        var out: [URL] = []
        for folder in folders.sorted() {
            let url = examples.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            out += names.sorted().filter { $0.hasSuffix(".yaml") }.map {
                url.appendingPathComponent($0)
            }
        }
        return out
    }

    /// A policy from text; relative files resolve against the examples folder so the demo
    /// PKI and key files can be named as `pki/hq.crt` or `site-to-site-psk/hq-branch.psk`.
    static func policy(_ text: String, path: String = "test.yaml") throws -> CheckedPolicy {
        let result = PolicyLoader.load(text: text, path: path, baseDirectory: examples.path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        return try #require(result.policy)
    }

    /// A policy with one peer: `peer` is the YAML of the peer's body, indented by four.
    static func onePeer(_ peer: String, gateway: String = "") throws -> CheckedPolicy {
        try policy(
            """
            ikec: 1
            gateway:
              name: hq
              address: 198.51.100.1
              id: fqdn:hq.example.net
            \(gateway)
            peers:
              branch:
                address: 203.0.113.7
                id: fqdn:branch.example.net
            \(peer)
            """)
    }

    /// The rendered text of `config`'s diagnostics, as `ikec compile` prints them.
    static func rendered(_ config: CompiledConfig, policy: CheckedPolicy) -> String {
        let renderer = TextRenderer(files: [policy.source.file])
        return config.diagnostics.map { renderer.render($0) + "\n" }.joined()
    }

    /// A fresh folder under the system's temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ikec-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
