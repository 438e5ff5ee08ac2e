import Foundation
import IKECore
import IKEPolicy
import Testing

@testable import IKEExport

/// swanctl loads only the first certificate of a file, so a certificate file with its chain
/// and a bundle of trust anchors are split: every further certificate gets a file of its own
/// in x509ca/, where charon finds a chain's CA certificates to send and its trust anchors.
struct CertificateChainTests {
    /// A folder with `chain.crt` (hq's certificate, then the demo CA's) and `bundle.crt`
    /// (two CA certificates), and the policy that names them.
    static func chainPolicy() throws -> (CheckedPolicy, URL) {
        let folder = try ExportTestSupport.temporaryFolder("chain")
        let pki = ExportTestSupport.examples.appendingPathComponent("pki")
        func pem(_ name: String) throws -> String {
            try String(contentsOf: pki.appendingPathComponent(name), encoding: .utf8)
        }
        try (pem("hq.crt") + pem("ca.crt")).write(
            to: folder.appendingPathComponent("chain.crt"), atomically: true, encoding: .utf8)
        try (pem("ca.crt") + "\n" + pem("cnsa-hq.crt")).write(
            to: folder.appendingPathComponent("bundle.crt"), atomically: true, encoding: .utf8)
        let policy = try ExportTestSupport.onePeer(
            """
                auth: { method: ecdsa }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """,
            gateway: """
                  credentials:
                    certificate: \(folder.path)/chain.crt
                    private-key: pki/hq.key
                    trust: [\(folder.path)/bundle.crt, pki/ca.crt]
                """)
        return (policy, folder)
    }

    @Test func furtherCertificatesGetFilesOfTheirOwnInX509CA() throws {
        let (policy, folder) = try Self.chainPolicy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = ConfigExporter.compile(policy, target: .swanctl)

        #expect(config.configuration.contains("            certs = chain.crt\n"))
        #expect(config.configuration.contains("cacerts = bundle.crt, bundle-2.crt, ca.crt\n"))
        #expect(
            config.links.map(\.path) == [
                "x509/chain.crt", "private/hq.key", "x509ca/bundle.crt", "x509ca/ca.crt",
            ])
        #expect(config.files.map(\.path) == ["x509ca/chain-2.crt", "x509ca/bundle-2.crt"])
        #expect(config.configuration.contains("#   x509ca/chain-2.crt   <- certificate 2 of "))

        let ca = try String(
            contentsOf: ExportTestSupport.examples.appendingPathComponent("pki/ca.crt"),
            encoding: .utf8)
        let split = try #require(config.files.first)
        #expect(split.contents.hasPrefix(CredentialFile.marker + " certificate 2 of 2 in "))
        #expect(split.contents.hasSuffix(ca))
    }

    @Test func writtenFilesAreReplacedButAFileOfTheUsersIsNot() throws {
        let (policy, folder) = try Self.chainPolicy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = ConfigExporter.compile(policy, target: .swanctl)
        let out = folder.appendingPathComponent("out").path

        try OutputFolder.write(config, secrets: SecretBytes([]), to: out)
        try OutputFolder.write(config, secrets: SecretBytes([]), to: out)
        let path = out + "/x509ca/chain-2.crt"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)

        try "a certificate of the user's\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ExportError.self) {
            try OutputFolder.write(config, secrets: SecretBytes([]), to: out)
        }
        #expect(
            try String(contentsOfFile: path, encoding: .utf8) == "a certificate of the user's\n")
    }
}
