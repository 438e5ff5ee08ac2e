import Foundation
import IKECLI
import Testing

@Suite(.serialized) struct NegotiateCommandTests {
    static let pair = [
        "examples/site-to-site-psk/hq.yaml", "examples/site-to-site-psk/branch.yaml",
    ]
    static let at = ["--at", "2030-01-01T00:00:00Z"]

    @Test func twoSeededRunsGiveByteIdenticalJSON() {
        let arguments = ["negotiate", "--format", "json", "--seed", "same"] + Self.pair
        let first = CLITestSupport.run(arguments)
        let second = CLITestSupport.run(arguments)
        #expect(first.status == .success)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"verified\": true"))
        let other = CLITestSupport.run(
            ["negotiate", "--format", "json", "--seed", "other"] + Self.pair)
        #expect(other.stdout != first.stdout)
    }

    @Test func theBuiltBinaryIsReproducibleToo() throws {
        let arguments = ["negotiate", "--format", "json", "--seed", "binary"] + Self.pair + Self.at
        let first = try CLITestSupport.runBinary(arguments)
        let second = try CLITestSupport.runBinary(arguments)
        #expect(first.status == .success)
        #expect(first.stdout == second.stdout)
    }

    @Test func oneDirectionCanBeAskedFor() {
        let output = CLITestSupport.run(
            ["negotiate", "--initiator", "b", "--seed", "x"] + Self.pair + Self.at)
        #expect(output.stdout.contains("== branch initiates, hq responds"))
        #expect(!output.stdout.contains("== hq initiates"))
        #expect(output.stdout.hasSuffix("result: verified (branch initiates: verified)\n"))
    }

    @Test func theValidationTimeIsReported() {
        let output = CLITestSupport.run(["negotiate", "--seed", "x"] + Self.pair + Self.at)
        #expect(output.stdout.contains("certificates validated at 2030-01-01T00:00:00Z"))
        let bad = CLITestSupport.run(["negotiate", "--at", "tomorrow"] + Self.pair)
        #expect(bad.status == .misuse)
        #expect(bad.stderr.contains("invalid value 'tomorrow' for '--at'"))
    }

    @Test func anExpiredValidationTimeFailsCertificates() {
        let output = CLITestSupport.run([
            "negotiate", "--seed", "x", "--at", "2040-01-01T00:00:00Z", "--initiator", "a",
            "examples/certificates/hq.yaml", "examples/certificates/branch.yaml",
        ])
        #expect(output.status == .inputProblems)
        #expect(output.stdout.contains("FAILED (certificate not trusted)"))
        #expect(!output.stdout.contains("internal disagreement"))
    }

    @Test func aPcapAndKeyTablesAreWrittenOnlyWhenAsked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ikec-negotiate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pcap = folder.appendingPathComponent("run.pcap").path
        let keys = folder.appendingPathComponent("keys").path
        let output = CLITestSupport.run(
            ["negotiate", "--seed", "x", "--pcap", pcap, "--keys", keys] + Self.pair + Self.at)
        #expect(output.status == .success)
        #expect(output.stderr.contains("wrote 32 packets to '\(pcap)'"))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: pcap)))
        #expect(
            Array(bytes.prefix(4)) == [0xD4, 0xC3, 0xB2, 0xA1]
                || Array(bytes.prefix(4)) == [0xA1, 0xB2, 0xC3, 0xD4])
        let table = folder.appendingPathComponent("keys/ikev2_decryption_table").path
        let mode =
            try FileManager.default.attributesOfItem(atPath: table)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The report itself never carries key material.
        let espTable = try String(
            contentsOfFile: folder.appendingPathComponent("keys/esp_sa").path, encoding: .utf8)
        let keyHex = espTable.split(separator: "\"").filter { $0.hasPrefix("0x") && $0.count > 20 }
        #expect(!keyHex.isEmpty)
        for key in keyHex {
            #expect(!output.stdout.contains(key.dropFirst(2)))
        }
    }

    @Test func anUnsetSecretIsNamedAndExitsWithOne() throws {
        let text = try String(
            contentsOfFile: CLITestSupport.root.appendingPathComponent(Self.pair[0]).path,
            encoding: .utf8
        ).replacingOccurrences(of: "{ file: hq-branch.psk }", with: "{ env: IKEC_NEGOTIATE_UNSET }")
        let output = CLITestSupport.run(["negotiate", "-", Self.pair[1]], stdin: text)
        #expect(output.status == .inputProblems)
        #expect(
            output.stderr.contains(
                "error[IKE-P010]: the pre-shared key for peer 'branch' is unavailable: "
                    + "environment variable 'IKEC_NEGOTIATE_UNSET' is not set"
            ))
    }

    @Test func aFailedNegotiationExitsWithOne() {
        let output = CLITestSupport.run(
            [
                "negotiate", "--seed", "x", "examples/wrong-psk/hq.yaml",
                "examples/wrong-psk/branch.yaml",
            ] + Self.at)
        #expect(output.status == .inputProblems)
        #expect(output.stdout.contains("FAILED (wrong pre-shared key)"))
        #expect(!output.stdout.contains("internal disagreement"))
    }

    @Test func theCommandIsListedAndHasHelp() {
        let top = CLITestSupport.run(["--help"])
        for name in ["plan", "matrix", "negotiate"] {
            #expect(top.stdout.contains("  \(name) "))
        }
        let help = CLITestSupport.run(["negotiate", "--help"])
        for option in ["--initiator", "--seed", "--at", "--pcap", "--keys", "--format"] {
            #expect(help.stdout.contains(option))
        }
    }
}
