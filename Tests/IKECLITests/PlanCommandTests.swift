import Foundation
import IKECLI
import Testing

@Suite(.serialized) struct PlanCommandTests {
    static let pair = [
        "examples/site-to-site-psk/hq.yaml", "examples/site-to-site-psk/branch.yaml",
    ]

    @Test func aPairsPlanIsPinned() {
        let output = CLITestSupport.run(["plan"] + Self.pair)
        CLITestSupport.expectGolden(
            output.stdout,
            CLITestSupport.fixtures.appendingPathComponent("plan/site-to-site-psk.expected"))
        #expect(output.status == .success)
        #expect(output.stderr == "")
    }

    @Test func aSinglePolicyIsPlannedAgainstMirrors() {
        let output = CLITestSupport.run(["plan", "examples/hub-and-spoke/hub.yaml"])
        #expect(
            output.stdout.contains(
                "connection hub (examples/hub-and-spoke/hub.yaml peers.branch1) <-> branch1 "
                    + "(mirror image of peers.branch1)"
            ))
        #expect(output.stdout.components(separatedBy: "\n== ").count - 1 == 6)
        #expect(output.status == .success)
    }

    @Test func aPredictedFailureExitsWithOne() {
        let output = CLITestSupport.run([
            "plan", "examples/pfs-mismatch-at-rekey/hq.yaml",
            "examples/pfs-mismatch-at-rekey/branch.yaml",
        ])
        #expect(output.status == .inputProblems)
        #expect(output.stdout.contains("first rekey: by hq at 54m, CREATE_CHILD_SA FAILS"))
        #expect(
            output.stdout.contains(
                "smallest change: add 'ecp384' to proposal 'aes256gcm16-modp3072'"))
    }

    @Test func jsonIsDeterministicAndValid() throws {
        let first = CLITestSupport.run(["plan", "--format", "json"] + Self.pair)
        let second = CLITestSupport.run(["plan", "--format", "json"] + Self.pair)
        #expect(first.stdout == second.stdout)
        let (status, verdict) = try CLITestSupport.python(
            """
            import json, sys, jsonschema
            schema = json.load(open("schemas/ikec-plan.schema.json"))
            jsonschema.Draft202012Validator(schema).validate(json.load(sys.stdin))
            print("valid")
            """, input: first.stdout)
        #expect(status == 0 && verdict == "valid\n", "\(verdict)")
    }

    @Test func policiesThatDoNotPairSayWhy() {
        let output = CLITestSupport.run([
            "plan", "examples/site-to-site-psk/hq.yaml", "examples/cnsa/branch.yaml",
        ])
        #expect(output.status == .inputProblems)
        #expect(output.stdout == "")
        #expect(
            output.stderr.contains("error[IKE-P001]: hq.yaml has no peer for gateway 'cnsa-branch'")
        )
        #expect(output.stderr.contains("branch.yaml has no peer for gateway 'hq'"))
    }

    @Test func misuseExitsWithTwo() {
        #expect(CLITestSupport.run(["plan"]).status == .misuse)
        #expect(CLITestSupport.run(["plan", "a.yaml", "b.yaml", "c.yaml"]).status == .misuse)
        #expect(CLITestSupport.run(["plan", "examples/nowhere.yaml"]).status == .misuse)
        #expect(CLITestSupport.run(["plan", "--format", "sarif", Self.pair[0]]).status == .misuse)
        let help = CLITestSupport.run(["plan", "--help"])
        #expect(help.stdout.hasPrefix("OVERVIEW: Compile one policy"))
    }

    @Test func standardInputIsAPolicyToo() throws {
        let text = try String(
            contentsOfFile: CLITestSupport.root.appendingPathComponent(Self.pair[0]).path,
            encoding: .utf8
        )
        .replacingOccurrences(of: "{ file: hq-branch.psk }", with: "{ env: IKEC_PLAN_STDIN_PSK }")
        let output = CLITestSupport.run(["plan", "-", Self.pair[1]], stdin: text)
        #expect(output.stdout.contains("connection hq (<stdin> peers.branch)"))
        #expect(output.status == .success)
    }
}
