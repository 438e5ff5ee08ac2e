import Foundation
import IKECLI
import Testing

/// The expected `ikec lint` output of every shipped example, pinned: each folder linted on
/// its own (so the files of a pair are paired), and the whole `examples` tree at once
/// (where reused addresses make some pairings ambiguous). Run in-process, and through the
/// built binary.
@Suite(.serialized) struct ExampleOutputTests {
    /// Every example folder; each lints without errors, also across the files of its pair.
    static let folders = [
        "certificates", "cnsa", "hub-and-spoke", "ikev1-certificates", "ikev1-legacy",
        "ikev1-lifetime", "ikev1-rsa-encryption", "ikev1-rsa-encryption-revised",
        "invalid-ke", "no-common-esp-proposal", "no-common-proposal", "pfs-mismatch-at-rekey",
        "site-to-site-psk", "ts-unacceptable", "version-mismatch", "wrong-auth-method",
        "wrong-identity", "wrong-psk",
    ]

    static func golden(_ name: String) -> URL {
        CLITestSupport.fixtures.appendingPathComponent("examples/\(name).expected")
    }

    @Test(arguments: folders)
    func exampleFolderLintsAsPinned(_ folder: String) {
        let output = CLITestSupport.run(["lint", "examples/\(folder)"])
        CLITestSupport.expectGolden(output.stdout, Self.golden(folder))
        #expect(output.stderr == "")
        #expect(output.status == .success)
    }

    @Test func wholeExamplesTreeLintsAsPinned() {
        let output = CLITestSupport.run(["lint", "examples"])
        CLITestSupport.expectGolden(output.stdout, Self.golden("all"))
        #expect(output.stderr.contains("no *.yaml or *.yml files under") == false)
        #expect(output.status == .success)
    }

    @Test func theBuiltBinaryPrintsTheSamePinnedOutput() throws {
        let legacy = try CLITestSupport.runBinary(["lint", "examples/ikev1-legacy"])
        CLITestSupport.expectGolden(legacy.stdout, Self.golden("ikev1-legacy"))
        #expect(legacy.status == .success)
        let failing = try CLITestSupport.runBinary(["lint", CLITests.failingPair])
        CLITestSupport.expectGolden(failing.stdout, Self.golden("failing-pair"))
        #expect(failing.status == .inputProblems)
        let all = try CLITestSupport.runBinary(["lint", "examples"])
        CLITestSupport.expectGolden(all.stdout, Self.golden("all"))
        #expect(all.status == .success)
    }
}
