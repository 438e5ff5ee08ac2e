import Foundation
import IKECore
import IKEDiagnostics
import IKEPolicy
import Testing

@Suite struct ExampleTests {
    static let examples = TestSupport.files(under: "examples", suffix: ".yaml")

    @Test func thereAreExamplesToCheck() {
        #expect(Self.examples.count >= 12)
    }

    @Test(arguments: examples)
    func everyExampleChecksWithoutErrors(_ file: URL) {
        let result = PolicyLoader.load(path: file.path)
        #expect(result.readError == nil)
        #expect(!result.hasErrors, "\(TestSupport.rendered(result))")
        #expect(result.policy != nil)
        #expect(result.diagnostics.isEmpty, "\(TestSupport.rendered(result))")
    }
}
