import Foundation
import IKECLI
import Testing

@Suite(.serialized) struct MatrixCommandTests {
    static let hub = [
        "examples/hub-and-spoke/hub.yaml", "examples/hub-and-spoke/branch1.yaml",
        "examples/hub-and-spoke/branch2.yaml", "examples/hub-and-spoke/branch3.yaml",
    ]

    @Test func oneFileShowsSuitesByPeer() {
        let output = CLITestSupport.run(["matrix", Self.hub[0]])
        CLITestSupport.expectGolden(
            output.stdout, CLITestSupport.fixtures.appendingPathComponent("matrix/hub.expected"))
        #expect(output.status == .success)
    }

    @Test func manyFilesShowEveryPair() {
        let output = CLITestSupport.run(["matrix"] + Self.hub + ["examples/cnsa/hq.yaml"])
        CLITestSupport.expectGolden(
            output.stdout,
            CLITestSupport.fixtures.appendingPathComponent("matrix/all-pairs.expected"))
        #expect(output.status == .success)
    }

    @Test func moreThanEightFilesAreListedAsPairsWithDistinctLabels() {
        let files = [
            "site-to-site-psk", "certificates", "invalid-ke", "wrong-psk", "version-mismatch",
        ].flatMap { ["examples/\($0)/hq.yaml", "examples/\($0)/branch.yaml"] }
        let output = CLITestSupport.run(["matrix"] + files)
        CLITestSupport.expectGolden(
            output.stdout,
            CLITestSupport.fixtures.appendingPathComponent("matrix/many-pairs.expected"))
        // Five folders reuse the names 'hq' and 'branch': each label says which file it is.
        #expect(output.stdout.contains("hq (invalid-ke/hq.yaml)"))
        #expect(!output.stdout.contains("not peers"))
        #expect(output.status == .inputProblems)
    }

    @Test func aPairShowsTheNearestMissWhereAStepFails() {
        let output = CLITestSupport.run([
            "matrix", "examples/no-common-proposal/hq.yaml",
            "examples/no-common-proposal/branch.yaml",
        ])
        #expect(output.stdout.contains("FAILS: NO_PROPOSAL_CHOSEN; proposals differ in encryption"))
        #expect(output.status == .inputProblems)
    }

    @Test func jsonCellsCarryTheirStatus() throws {
        let output = CLITestSupport.run(["matrix", "--format", "json"] + Self.hub)
        let (status, cells) = try CLITestSupport.python(
            """
            import json, sys
            m = json.load(sys.stdin)
            print(m["kind"], " ".join(c["status"] for c in m["cells"][0]))
            """, input: output.stdout)
        #expect(status == 0)
        #expect(cells == "all-pairs same works works works\n")
    }
}
