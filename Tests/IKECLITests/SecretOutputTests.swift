import Foundation
import IKECLI
import Testing

/// A literal pre-shared key never reaches any output, in any format, even when the error
/// is on the key's own line or the file does not parse.
@Suite(.serialized) struct SecretOutputTests {
    static let secretParts = ["Octopus", "Marmalade", "7731", "Vortex"]
    static let files = [
        "literal-psk.yaml", "error-on-psk-line.yaml", "syntax-error-psk.yaml",
    ].map { "\(CLITests.inputs)/\($0)" }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func literalKeyAppearsInNoFormat(_ format: String) {
        let output = CLITestSupport.run(
            ["lint", "--format", format, "--color", "always"] + Self.files)
        #expect(output.status == .inputProblems)
        for part in Self.secretParts {
            #expect(!output.stdout.contains(part), "\(format) shows '\(part)'")
            #expect(!output.stderr.contains(part), "\(format) shows '\(part)' on stderr")
        }
    }

    @Test func theErrorOnThePSKLineIsStillReported() {
        let output = CLITestSupport.run(
            ["lint", "--format", "json", "\(CLITests.inputs)/error-on-psk-line.yaml"])
        #expect(output.stdout.contains("\"E0510\""))
        #expect(output.stdout.contains("\"line\": 13"))
    }

    @Test func standardInputIsMaskedToo() throws {
        let text = try String(
            contentsOf: CLITestSupport.root.appendingPathComponent(Self.files[0]), encoding: .utf8)
        let output = CLITestSupport.run(["lint", "-"], stdin: text)
        #expect(output.stdout.contains("<stdin>:13:12: warning[IKE-L011]"))
        for part in Self.secretParts { #expect(!output.stdout.contains(part)) }
    }
}
