import Foundation
import IKECLI
import Testing

/// `ikec probe` and `ikec respond` refuse what they cannot do before sending anything:
/// misuse exits 2 with a message on standard error. Their negotiations with real daemons
/// are proven by Tests/IKEInteropTests.
@Suite("probe and respond: usage")
struct LiveCommandTests {
    let policy = "examples/site-to-site-psk/hq.yaml"

    @Test func probeWithoutPeerIsAMisuse() {
        let output = CLITestSupport.run(["probe", policy])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("'--peer <name>' is required"))
        #expect(output.stdout.isEmpty)
    }

    @Test func probeOfAnUnknownPeerSuggestsTheClosestName() {
        let output = CLITestSupport.run(["probe", policy, "--peer", "brnch"])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("the policy has no peer 'brnch'"))
        #expect(output.stderr.contains("did you mean 'branch'?"))
    }

    @Test func probeFromAnAddressThisHostDoesNotHaveIsAMisuse() {
        // hq.yaml's gateway is 198.51.100.1, which no test machine has: nothing is sent.
        let output = CLITestSupport.run(["probe", policy, "--peer", "branch", "--timeout", "1"])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("cannot listen on 198.51.100.1"))
        #expect(output.stderr.contains("address-unavailable"))
    }

    @Test func respondWithoutListenIsAMisuse() {
        let output = CLITestSupport.run(["respond", policy])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("'--listen <address>' is required"))
    }

    @Test(arguments: [
        (["--listen", "nowhere"], "invalid address 'nowhere' for '--listen'"),
        (["--listen", "127.0.0.1", "--count", "0"], "invalid value '0' for '--count'"),
        (["--listen", "127.0.0.1", "--timeout", "-3"], "invalid value '-3' for '--timeout'"),
        (
            ["--listen", "127.0.0.1", "--source-address", "10.1.0.300"],
            "invalid address '10.1.0.300' for '--source-address'"
        ),
    ])
    func respondRefusesValuesThatDoNotParse(_ options: [String], _ message: String) {
        let output = CLITestSupport.run(["respond", policy] + options)
        #expect(output.status == .misuse)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test func anUnreadablePolicyIsAMisuse() {
        let output = CLITestSupport.run(["probe", "no/such/policy.yaml", "--peer", "branch"])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("cannot read 'no/such/policy.yaml'"))
    }

    @Test func aPolicyWithErrorsIsAnInputProblem() {
        let output = CLITestSupport.run(
            ["probe", "-", "--peer", "branch"], stdin: "ikec: 1\ngateway: {}\n")
        #expect(output.status == .inputProblems)
        #expect(output.stderr.contains("the policy has errors"))
    }

    @Test(arguments: ["probe", "respond"])
    func helpNamesTheCaptureAndEchoOptions(_ command: String) {
        let output = CLITestSupport.run([command, "--help"])
        #expect(output.status == .success)
        for option in [
            "--pcap <file>", "--keys <dir>", "--source-address", "--target-address",
            "--timeout", "--format",
        ] {
            #expect(output.stdout.contains(option), "\(command) --help lacks \(option)")
        }
        #expect(CLITestSupport.run(["--help"]).stdout.contains(command))
    }
}
