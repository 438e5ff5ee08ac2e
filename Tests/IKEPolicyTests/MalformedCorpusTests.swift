import Foundation
import IKEDiagnostics
import IKEPolicy
import Testing

/// Every file under `Fixtures/malformed` must fail with exactly the diagnostics in its
/// sibling `.expected` file (TextRenderer, no colour).
@Suite struct MalformedCorpusTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("malformed")
    static let inputs = TestSupport.files(
        under: "Tests/IKEPolicyTests/Fixtures/malformed", suffix: ".yaml")

    static func load(_ file: URL) throws -> PolicyLoadResult {
        let bytes = try [UInt8](Data(contentsOf: file))
        return PolicyLoader.load(
            bytes: bytes, path: file.lastPathComponent, baseDirectory: folder.path)
    }

    @Test func theCorpusHasAtLeastFiftyFiles() {
        #expect(Self.inputs.count >= 50)
    }

    @Test(arguments: inputs)
    func fileFailsWithTheExpectedDiagnostics(_ file: URL) throws {
        let result = try Self.load(file)
        #expect(result.hasErrors)
        #expect(result.policy == nil)
        let expectedURL = file.deletingPathExtension().appendingPathExtension("expected")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(TestSupport.rendered(result) == expected)
    }

    @Test func everyCheckerIdIsCoveredByTheCorpus() throws {
        var seen = Set<String>()
        for file in Self.inputs {
            for diagnostic in try Self.load(file).diagnostics { seen.insert(diagnostic.id) }
        }
        let uncovered = PolicyDiagnosticID.allCases.map(\.rawValue).filter { !seen.contains($0) }
        // E0100 (unreadable file) has no content to put in a fixture; ReadErrorTests covers it.
        #expect(uncovered == ["E0100"])
    }
}
