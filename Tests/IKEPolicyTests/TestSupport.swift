import Foundation
import IKEDiagnostics
import IKEPolicy

/// Paths and helpers shared by the policy tests.
enum TestSupport {
    /// The repository's root, found from this file's place.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/IKEPolicyTests/Fixtures`.
    static let fixtures = root.appendingPathComponent("Tests/IKEPolicyTests/Fixtures")

    /// The diagnostics of a load as the text renderer shows them (no colour).
    static func rendered(_ result: PolicyLoadResult) -> String {
        TextRenderer(files: result.source.map { [$0] } ?? []).render(result.diagnostics)
    }

    /// Loads policy text as a file named `test.yaml` in the fixtures folder.
    static func load(_ text: String, path: String = "test.yaml") -> PolicyLoadResult {
        PolicyLoader.load(text: text, path: path, baseDirectory: fixtures.path)
    }

    /// Every file under `folder` (relative to the root) ending in `suffix`, sorted.
    static func files(under folder: String, suffix: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.sorted()
            .map { base.appendingPathComponent($0) }
    }
}
