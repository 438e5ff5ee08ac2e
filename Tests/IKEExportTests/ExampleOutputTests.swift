import Foundation
import IKEPolicy
import Testing

@testable import IKEExport

/// Every example's compiled configuration is committed next to it
/// (`examples/<pair>/<name>.swanctl.conf`, `<name>.ipsec.conf`) and must stay what ikec
/// produces today, byte for byte. An example without a committed file for a target must
/// be one the target cannot express (errors), so a new example cannot slip by unpinned.
struct ExampleOutputTests {
    static let suffixes: [(ExportTarget, String)] = [
        (.swanctl, "swanctl.conf"), (.libreswan, "ipsec.conf"),
    ]

    @Test(arguments: ExportTestSupport.examplePolicies())
    func compiledExampleMatchesCommittedFile(_ policyURL: URL) throws {
        let result = PolicyLoader.load(path: policyURL.path)
        let policy = try #require(result.policy, "\(policyURL.path) does not load")
        for (target, suffix) in Self.suffixes {
            let config = ConfigExporter.compile(policy, target: target)
            let pinned = policyURL.deletingPathExtension().appendingPathExtension(suffix)
            if let expected = try? String(contentsOf: pinned, encoding: .utf8) {
                #expect(!config.hasErrors, "\(pinned.lastPathComponent): \(config.diagnostics)")
                #expect(config.configuration == expected, "\(pinned.path) drifted")
            } else {
                #expect(
                    config.hasErrors,
                    """
                    \(pinned.path) is missing: commit the output of \
                    ikec compile --target \(target)
                    """)
            }
        }
    }

    @Test func legacyHQCannotBeExpressedBecauseOfItsLifetimeCheck() throws {
        let url = ExportTestSupport.examples.appendingPathComponent("ikev1-legacy/hq.yaml")
        let policy = try #require(PolicyLoader.load(path: url.path).policy)
        let config = ConfigExporter.compile(policy, target: .swanctl)
        #expect(config.diagnostics.map(\.id) == ["X0005"])
    }
}
