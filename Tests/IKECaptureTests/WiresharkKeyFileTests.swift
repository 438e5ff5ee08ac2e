import Foundation
import IKECapture
import IKECore
import Testing

@Suite("Wireshark key files")
struct WiresharkKeyFileTests {
    static func tables() -> WiresharkKeyTables {
        let address = CaptureTestSupport.address
        return WiresharkKeyTables(
            ikev2: [
                IKEv2KeyRow(
                    initiatorSPI: 0x0102_0304_0506_0708, responderSPI: 0x1112_1314_1516_1718,
                    encryption: Cipher(.aesGCM16, keyBits: 128),
                    initiatorEncryptionKey: SecretBytes([UInt8](repeating: 0xA1, count: 20)),
                    responderEncryptionKey: SecretBytes([UInt8](repeating: 0xB2, count: 20))),
                IKEv2KeyRow(
                    initiatorSPI: 1, responderSPI: 2, encryption: Cipher(.chacha20Poly1305),
                    initiatorEncryptionKey: SecretBytes([UInt8](repeating: 1, count: 36)),
                    responderEncryptionKey: SecretBytes([UInt8](repeating: 2, count: 36))),
            ],
            ikev1: [
                IKEv1KeyRow(
                    initiatorCookie: 0xCAFE_BABE_0000_0001,
                    encryption: Cipher(.aesCBC, keyBits: 128),
                    encryptionKey: SecretBytes([UInt8](repeating: 0xC3, count: 16)))
            ],
            esp: [
                ESPKeyRow(
                    source: address("2001:db8::1"), destination: address("2001:db8::2"),
                    spi: 0xC0DE_0002, encryption: Cipher(.aesCBC, keyBits: 128),
                    encryptionKey: SecretBytes([UInt8](repeating: 0xD4, count: 16)),
                    integrity: .hmacSHA256_128,
                    integrityKey: SecretBytes([UInt8](repeating: 0xE5, count: 32)))
            ])
    }

    @Test func tablesUseWiresharkUATSyntaxAndSkipWhatItCannotDecrypt() throws {
        let directory = try CaptureTestSupport.temporaryDirectory("uat") + "/keys"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = try WiresharkKeyFile.write(
            Self.tables(), toDirectory: directory, acknowledgingSecrets: true)

        func lines(_ name: String) throws -> [String] {
            try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        }
        #expect(
            try lines("ikev2_decryption_table") == [
                "0102030405060708,1112131415161718," + String(repeating: "a1", count: 20) + ","
                    + String(repeating: "b2", count: 20)
                    + ",\"AES-GCM-128 with 16 octet ICV [RFC5282]\",,,\"NONE [RFC4306]\""
            ])
        #expect(
            try lines("ikev1_decryption_table") == [
                "cafebabe00000001," + String(repeating: "c3", count: 16)
            ])
        #expect(
            try lines("esp_sa") == [
                "\"IPv6\",\"2001:db8::1\",\"2001:db8::2\",\"0xc0de0002\",\"AES-CBC [RFC3602]\",\"0x"
                    + String(repeating: "d4", count: 16) + "\",\"HMAC-SHA-256-128 [RFC4868]\",\"0x"
                    + String(repeating: "e5", count: 32) + "\""
            ])
        #expect(try lines("preferences").contains("esp.enable_encryption_decode: TRUE"))
        #expect(report.skipped.map(\.row) == ["IKEv2 SPIs 0000000000000001/0000000000000002"])
        #expect(report.skipped.first?.reason.contains("ENCR_CHACHA20_POLY1305") == true)
        #expect(report.usage.contains("WIRESHARK_CONFIG_DIR="))

        // tshark loads all three tables without a complaint.
        let (_, err) = try CaptureTestSupport.tshark(
            ["-r", "/dev/null"], configDirectory: directory)
        #expect(
            !err.lowercased().contains("error") && !err.lowercased().contains("invalid"), "\(err)")
    }

    @Test func everyFileIsOwnerOnlyAndNoTemporaryFileRemains() throws {
        let root = try CaptureTestSupport.temporaryDirectory("perm")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // An old, world-readable table is replaced by a private one.
        let directory = root + "/keys"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: directory + "/esp_sa", contents: Data("old".utf8),
            attributes: [.posixPermissions: 0o644])
        let report = try WiresharkKeyFile.write(
            Self.tables(), toDirectory: directory, acknowledgingSecrets: true)

        #expect(report.files.count == WiresharkKeyFile.fileNames.count)
        for path in report.files {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(path)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(Set(names) == Set(WiresharkKeyFile.fileNames))
    }

    @Test func aFailedWriteLeavesNoPartialFile() throws {
        let root = try CaptureTestSupport.temporaryDirectory("fail")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/keys"
        // A folder where the esp_sa table should go makes the final rename fail.
        try FileManager.default.createDirectory(
            atPath: directory + "/esp_sa/occupied", withIntermediateDirectories: true)
        let error = #expect(throws: CaptureError.self) {
            _ = try WiresharkKeyFile.write(
                Self.tables(), toDirectory: directory, acknowledgingSecrets: true)
        }
        #expect(error?.code == .fileSystem)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
        #expect(!names.contains("preferences"))
    }

    @Test func aKeyOfTheWrongLengthIsRejectedBeforeAnythingIsWritten() throws {
        let root = try CaptureTestSupport.temporaryDirectory("length")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var tables = Self.tables()
        tables.esp[0].encryptionKey = SecretBytes([1, 2, 3])
        let error = #expect(throws: CaptureError.self) {
            _ = try WiresharkKeyFile.write(
                tables, toDirectory: root + "/keys", acknowledgingSecrets: true)
        }
        #expect(error?.code == .invalidInput)
        #expect(error.map { !$0.description.contains("010203") } == true)
        #expect(!FileManager.default.fileExists(atPath: root + "/keys"))
    }

    @Test func wiresharkNamesFollowItsValueStrings() {
        #expect(
            WiresharkAlgorithms.ikev2Encryption(Cipher(.aesCBC, keyBits: 128))
                == .verified("AES-CBC-128 [RFC3602]"))
        #expect(
            WiresharkAlgorithms.ikev2Encryption(Cipher(.tripleDES)) == .verified("3DES [RFC2451]"))
        #expect(
            WiresharkAlgorithms.ikev2Encryption(Cipher(.aesCCM8, keyBits: 256))
                == .verified("AES-CCM-256 with 8 octet ICV [RFC5282]"))
        #expect(
            WiresharkAlgorithms.ikev2Integrity(.hmacSHA256_128)
                == .verified("HMAC_SHA2_256_128 [RFC4868]"))
        #expect(
            WiresharkAlgorithms.espEncryption(Cipher(.aesGCM16, keyBits: 256))
                == .verified("AES-GCM with 16 octet ICV [RFC4106]"))
        #expect(
            WiresharkAlgorithms.espEncryption(Cipher(.tripleDES))
                == .verified("TripleDES-CBC [RFC2451]"))
        #expect(
            WiresharkAlgorithms.espAuthentication(.hmacSHA1_96)
                == .verified("HMAC-SHA-1-96 [RFC2404]"))
        #expect(
            WiresharkAlgorithms.espAuthentication(.aesXCBC96).tableName
                == "ANY 96 bit authentication [no checking]")
        for cipher in [
            Cipher(.chacha20Poly1305), Cipher(.aesCCM16, keyBits: 128),
            Cipher(.camelliaCBC, keyBits: 128),
        ] {
            guard case .notDecryptableByWireshark4 = WiresharkAlgorithms.espEncryption(cipher)
            else {
                Issue.record("\(cipher) should not be decryptable by Wireshark 4.0 ESP")
                continue
            }
        }
        guard
            case .notDecryptableByWireshark4 = WiresharkAlgorithms.ikev2Encryption(
                Cipher(.chacha20Poly1305))
        else {
            Issue.record("ChaCha20-Poly1305 is not decryptable by Wireshark 4.0")
            return
        }
    }
}
