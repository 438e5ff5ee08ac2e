import Foundation
import IKECore
import IKEPolicy
import Testing

@testable import IKEExport

/// Secrets reach only the 0600 secrets file, never the configuration.
@Suite(.serialized)
struct SecretsTests {
    static let literal = "correct-horse-battery-staple-4711"

    private func literalPolicy() throws -> CheckedPolicy {
        try ExportTestSupport.onePeer(
            """
                auth: { method: psk, psk: "\(Self.literal)" }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """)
    }

    @Test(arguments: ExportTarget.allCases)
    func literalKeyNeverAppearsInTheConfiguration(_ target: ExportTarget) throws {
        let config = ConfigExporter.compile(try literalPolicy(), target: target)
        let hex = Array(Self.literal.utf8).hexString
        #expect(!config.configuration.contains(Self.literal))
        #expect(!config.configuration.lowercased().contains(hex))
        #expect(!"\(config.secrets)".contains(Self.literal))
        let secrets = try SecretsFile.render(config, gateway: "hq").get()
        let text = String(decoding: secrets.revealed, as: UTF8.self)
        #expect(text.contains("0x" + hex))
    }

    @Test func swanctlSecretsFileNamesBothIdentities() throws {
        let config = ConfigExporter.compile(try literalPolicy(), target: .swanctl)
        let text = String(
            decoding: try SecretsFile.render(config, gateway: "hq").get().revealed, as: UTF8.self)
        let hex = Array(Self.literal.utf8).hexString
        #expect(
            text == """
                # Pre-shared keys of gateway 'hq', written by ikec compile. \
                Keep this file mode 0600.
                secrets {
                    ike-branch {
                        id-1 = fqdn:hq.example.net
                        id-2 = fqdn:branch.example.net
                        secret = 0x\(hex)
                    }
                }

                """)
        let libreswan = ConfigExporter.compile(try literalPolicy(), target: .libreswan)
        let line = String(
            decoding: try SecretsFile.render(libreswan, gateway: "hq").get().revealed, as: UTF8.self
        )
        #expect(line.hasSuffix("@hq.example.net @branch.example.net : PSK 0x\(hex)\n"))
    }

    @Test func unsetEnvironmentVariableIsNamedAndNothingIsWritten() throws {
        let policy = try ExportTestSupport.onePeer(
            """
                auth: { method: psk, psk: { env: IKEC_EXPORT_TEST_NEVER_SET } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """)
        let config = ConfigExporter.compile(policy, target: .swanctl)
        switch SecretsFile.render(config, gateway: "hq") {
        case .success:
            Issue.record("an unset variable must not resolve")
        case .failure(let unavailable):
            #expect(
                unavailable.diagnostics.map(\.message) == [
                    "the pre-shared key of peer 'branch' cannot be read: environment variable "
                        + "'IKEC_EXPORT_TEST_NEVER_SET' is not set"
                ])
            #expect(unavailable.diagnostics.map(\.id) == ["X0001"])
        }
    }

    @Test func environmentKeyIsReadWhenTheSecretsFileIsWritten() throws {
        setenv("IKEC_EXPORT_TEST_PSK", "0x00112233445566778899", 1)
        defer { unsetenv("IKEC_EXPORT_TEST_PSK") }
        let policy = try ExportTestSupport.onePeer(
            """
                auth: { method: psk, psk: { env: IKEC_EXPORT_TEST_PSK } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """)
        let config = ConfigExporter.compile(policy, target: .swanctl)
        #expect(!config.configuration.contains("00112233445566778899"))
        let text = String(
            decoding: try SecretsFile.render(config, gateway: "hq").get().revealed, as: UTF8.self)
        #expect(text.contains("secret = 0x00112233445566778899\n"))
    }

    @Test func outputFolderHoldsA0600SecretsFileAndLinksNotCopies() throws {
        let policy = try ExportTestSupport.onePeer(
            """
                auth: { local: ecdsa, remote: psk, psk: "\(Self.literal)" }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """,
            gateway: """
                  credentials: { certificate: pki/hq.crt, private-key: pki/hq.key }
                """)
        let config = ConfigExporter.compile(policy, target: .swanctl)
        let folder = try ExportTestSupport.temporaryFolder("secrets")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secrets = try SecretsFile.render(config, gateway: "hq").get()
        let written = try OutputFolder.write(config, secrets: secrets, to: folder.path + "/out")
        #expect(
            written.map { $0.replacingOccurrences(of: folder.path + "/out/", with: "") } == [
                "swanctl.conf", "secrets.conf", "x509/hq.crt", "private/hq.key",
            ])

        var status = stat()
        #expect(stat(folder.path + "/out/secrets.conf", &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(stat(folder.path + "/out/swanctl.conf", &status) == 0)
        #expect(status.st_mode & 0o777 == 0o644)
        #expect(lstat(folder.path + "/out/private/hq.key", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFLNK)
        let target = try FileManager.default.destinationOfSymbolicLink(
            atPath: folder.path + "/out/private/hq.key")
        #expect(target == ExportTestSupport.examples.path + "/pki/hq.key")

        let conf = try String(contentsOfFile: folder.path + "/out/swanctl.conf", encoding: .utf8)
        #expect(conf == config.configuration)
        #expect(!conf.contains(Self.literal))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out")
        #expect(leftovers.sorted() == ["private", "secrets.conf", "swanctl.conf", "x509"])
    }

    @Test func aRealFileIsNeverReplacedByALink() throws {
        let policy = try ExportTestSupport.onePeer(
            """
                auth: { method: ecdsa }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """,
            gateway: """
                  credentials: { certificate: pki/hq.crt, private-key: pki/hq.key, \
                trust: pki/ca.crt }
                """)
        let config = ConfigExporter.compile(policy, target: .swanctl)
        let folder = try ExportTestSupport.temporaryFolder("conflict")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            atPath: folder.path + "/x509ca", withIntermediateDirectories: true)
        try "mine".write(toFile: folder.path + "/x509ca/ca.crt", atomically: true, encoding: .utf8)
        #expect(throws: ExportError.self) {
            try OutputFolder.write(config, secrets: SecretBytes([]), to: folder.path)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/swanctl.conf"))
        #expect(
            try String(contentsOfFile: folder.path + "/x509ca/ca.crt", encoding: .utf8) == "mine")
    }
}
