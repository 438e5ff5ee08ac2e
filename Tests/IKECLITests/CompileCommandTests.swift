import Foundation
import IKECLI
import Testing

/// `ikec compile`: the configuration on standard output, diagnostics on standard error,
/// `-o DIR` writes all or nothing.
@Suite(.serialized)
struct CompileCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples").path

    private func run(_ arguments: [String]) -> CommandOutput {
        CLI.run(["compile"] + arguments, environment: CLIEnvironment())
    }

    private func folder(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ikec-cli-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        ).path
        return path
    }

    @Test func standardOutputIsThePinnedConfiguration() throws {
        let output = run(["--target", "swanctl", Self.examples + "/site-to-site-psk/hq.yaml"])
        let pinned = try String(
            contentsOfFile: Self.examples + "/site-to-site-psk/hq.swanctl.conf", encoding: .utf8)
        #expect(output.status == .success)
        #expect(output.stdout == pinned)
        #expect(output.stderr == "")
        let libreswan = run(["-t", "libreswan", Self.examples + "/cnsa/hq.yaml"])
        #expect(
            libreswan.stdout
                == (try String(
                    contentsOfFile: Self.examples + "/cnsa/hq.ipsec.conf", encoding: .utf8)))
    }

    @Test func standardOutputNeverHoldsTheKey() throws {
        let key = try String(
            contentsOfFile: Self.examples + "/site-to-site-psk/hq-branch.psk", encoding: .utf8
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        for target in ["swanctl", "libreswan"] {
            let output = run(["--target", target, Self.examples + "/site-to-site-psk/hq.yaml"])
            #expect(!output.stdout.contains(key) && !output.stderr.contains(key))
        }
    }

    @Test func outputFolderGetsConfigurationAndA0600SecretsFile() throws {
        let path = try folder("out")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = run([
            "--target", "swanctl", "-o", path, Self.examples + "/site-to-site-psk/hq.yaml",
        ])
        #expect(output.status == .success)
        #expect(output.stdout == "wrote \(path)/swanctl.conf\nwrote \(path)/secrets.conf\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "/secrets.conf")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let key = try String(
            contentsOfFile: Self.examples + "/site-to-site-psk/hq-branch.psk", encoding: .utf8
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            !(try String(contentsOfFile: path + "/swanctl.conf", encoding: .utf8)).contains(key))

        let libreswan = run([
            "--target", "libreswan", "-o", path, Self.examples + "/site-to-site-psk/hq.yaml",
        ])
        #expect(libreswan.status == .success)
        let secrets = try FileManager.default.attributesOfItem(atPath: path + "/ipsec.secrets")
        #expect((secrets[.posixPermissions] as? Int) == 0o600)
    }

    @Test func errorsWriteNothingAndExitOne() throws {
        let path = try folder("errors")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = run([
            "--target", "swanctl", "-o", path, Self.examples + "/ikev1-legacy/hq.yaml",
        ])
        #expect(output.status == .inputProblems)
        #expect(output.stdout == "")
        #expect(output.stderr.contains("error[X0005]"))
        #expect(output.stderr.hasSuffix("1 error\n"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func failOnWarningTurnsWarningsIntoFailures() {
        let file = Self.examples + "/certificates/hq.yaml"
        let lenient = run(["--target", "swanctl", file])
        #expect(lenient.status == .success)
        #expect(lenient.stderr.contains("warning[X0102]"))
        let strict = run(["--target", "swanctl", "--fail-on", "warning", file])
        #expect(strict.status == .inputProblems)
        #expect(strict.stdout == "")
    }

    @Test func unsetVariableIsAnErrorNamingIt() throws {
        let path = try folder("env")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let policy = path + ".yaml"
        try """
        ikec: 1
        gateway: { name: hq, address: 198.51.100.1 }
        peers:
          branch:
            address: 203.0.113.7
            auth: { method: psk, psk: { env: IKEC_CLI_TEST_UNSET_PSK } }
            phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
        """.write(toFile: policy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: policy) }
        let printed = run(["--target", "swanctl", policy])
        #expect(printed.status == .success)
        let written = run(["--target", "swanctl", "-o", path, policy])
        #expect(written.status == .inputProblems)
        #expect(
            written.stderr.contains("environment variable 'IKEC_CLI_TEST_UNSET_PSK' is not set"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func targetIsRequired() {
        let output = run([Self.examples + "/site-to-site-psk/hq.yaml"])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("missing option '--target <target>'"))
        #expect(run(["--target", "racoon", "x.yaml"]).status == .misuse)
    }
}
