import Foundation
import IKECLI
import Testing

/// The expected `ikec lint` output of every shipped example, pinned: each folder linted on
/// its own (so the files of a pair are paired), and the whole `examples` tree at once
/// (where reused addresses make some pairings ambiguous). Run in-process, and through the
/// built binary.
@Suite(.serialized) struct ExampleOutputTests {
    static let folders = [
        "certificates", "cnsa", "hub-and-spoke", "ikev1-legacy", "no-common-proposal",
        "site-to-site-psk",
    ]

    /// The exit status each folder is expected to end with.
    static let statuses: [String: IKECLI.ExitStatus] = [
        "certificates": .success, "cnsa": .success, "hub-and-spoke": .success,
        "ikev1-legacy": .success, "no-common-proposal": .inputProblems,
        "site-to-site-psk": .success,
    ]

    static func golden(_ name: String) -> URL {
        CLITestSupport.fixtures.appendingPathComponent("examples/\(name).expected")
    }

    @Test(arguments: folders)
    func exampleFolderLintsAsPinned(_ folder: String) {
        let output = CLITestSupport.run(["lint", "examples/\(folder)"])
        CLITestSupport.expectGolden(output.stdout, Self.golden(folder))
        #expect(output.stderr == "")
        #expect(output.status == Self.statuses[folder])
    }

    @Test func wholeExamplesTreeLintsAsPinned() {
        let output = CLITestSupport.run(["lint", "examples"])
        CLITestSupport.expectGolden(output.stdout, Self.golden("all"))
        #expect(output.stderr.contains("no *.yaml or *.yml files under") == false)
        #expect(output.status == .inputProblems)
    }

    @Test func theBuiltBinaryPrintsTheSamePinnedOutput() throws {
        for folder in ["no-common-proposal", "ikev1-legacy"] {
            let output = try CLITestSupport.runBinary(["lint", "examples/\(folder)"])
            CLITestSupport.expectGolden(output.stdout, Self.golden(folder))
            #expect(output.status == Self.statuses[folder])
        }
        let all = try CLITestSupport.runBinary(["lint", "examples"])
        CLITestSupport.expectGolden(all.stdout, Self.golden("all"))
        #expect(all.status == .inputProblems)
    }
}
