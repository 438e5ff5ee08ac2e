import Foundation
import IKECapture
import IKECore
import IKECrypto
import IKEEngine
import Testing

/// tshark reads ikec's IKE framing and its `ikev2_decryption_table`: an IKEv2 message with
/// an Encrypted payload (RFC 7296 section 3.14), built here byte by byte and protected with
/// IKECrypto, is decrypted by Wireshark and its inner Notify payload shown.
@Suite("tshark decrypts IKEv2 with ikec's key table")
struct TsharkIKEDecryptionTests {
    static let initiatorSPI: UInt64 = 0x1122_3344_5566_7788
    static let responderSPI: UInt64 = 0x99AA_BBCC_DDEE_FF00

    /// An IKE_AUTH request from the initiator whose SK payload holds one Notify
    /// (INITIAL_CONTACT, 16384).
    static func encryptedMessage(
        cipher: Cipher, encryptionKey: SecretBytes, integrity: IntegrityAlgorithm?,
        integrityKey: SecretBytes?, random: some RandomSource
    ) throws -> [UInt8] {
        let notify: [UInt8] = [0, 0, 0, 8, 0, 0, 0x40, 0x00]
        let icvLength = integrity?.info.icvLength ?? cipher.algorithm.info.icvLength
        let ivLength = cipher.algorithm.info.ivLength
        let block = max(cipher.algorithm.info.blockSize, 1)
        let padLength = (block - (notify.count + 1) % block) % block
        let plaintext = notify + [UInt8](repeating: 0, count: padLength) + [UInt8(padLength)]
        let skLength = 4 + ivLength + plaintext.count + icvLength
        let total = 28 + skLength

        var header: [UInt8] = []
        for spi in [initiatorSPI, responderSPI] {
            for shift in stride(from: 56, through: 0, by: -8) {
                header.append(UInt8(truncatingIfNeeded: spi >> UInt64(shift)))
            }
        }
        header += [46, 0x20, 35, 0x08, 0, 0, 0, 1]
        header += [0, 0, UInt8(total >> 8), UInt8(total & 0xFF)]
        let skHeader: [UInt8] = [41, 0, UInt8(skLength >> 8), UInt8(skLength & 0xFF)]
        let iv = random.bytes(ivLength)

        switch try CipherContext(cipher, keyMaterial: encryptionKey) {
        case .aead(let aead):
            // RFC 5282 section 5.1: the AAD is the IKE header and the SK payload header.
            let sealed = try aead.seal(plaintext, additionalData: header + skHeader, iv: iv)
            return header + skHeader + iv + sealed
        case .block(let blockCipher):
            let ciphertext = try blockCipher.encrypt(plaintext, iv: iv)
            let covered = header + skHeader + iv + ciphertext
            guard let integrity, let integrityKey else { return covered }
            let icv = try IntegrityTransform(integrity, key: integrityKey).icv(for: covered)
            return covered + icv
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let cipher: Cipher
        let integrity: IntegrityAlgorithm?
        let port: UInt16
        var testDescription: String {
            "\(cipher) \(integrity.map { "\($0)" } ?? "aead") port \(port)"
        }
    }

    @Test(arguments: [
        Case(cipher: Cipher(.aesCBC, keyBits: 256), integrity: .hmacSHA256_128, port: 500),
        Case(cipher: Cipher(.aesGCM16, keyBits: 128), integrity: nil, port: 4500),
        Case(cipher: Cipher(.tripleDES), integrity: .hmacSHA1_96, port: 500),
    ])
    func tsharkDecryptsTheEncryptedPayload(_ testCase: Case) throws {
        let directory = try CaptureTestSupport.temporaryDirectory("ikev2")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let random = SeededRandom(seed: "tshark-ikev2")
        let keyLength = testCase.cipher.keyMaterialLength
        let skEi = SecretBytes(random.bytes(keyLength))
        let skEr = SecretBytes(random.bytes(keyLength))
        let skAi = testCase.integrity.map { SecretBytes(random.bytes($0.info.keyLength)) }
        let skAr = testCase.integrity.map { SecretBytes(random.bytes($0.info.keyLength)) }
        let message = try Self.encryptedMessage(
            cipher: testCase.cipher, encryptionKey: skEi, integrity: testCase.integrity,
            integrityKey: skAi, random: random)

        var capture = PcapFile()
        try capture.appendIKE(
            message, from: CaptureTestSupport.address("198.51.100.1"), port: testCase.port,
            to: CaptureTestSupport.address("203.0.113.7"), port: testCase.port,
            at: PcapTimestamp(microsecondsSinceEpoch: 1_700_000_000_000_000))
        try capture.write(to: directory + "/ike.pcap")
        let row = IKEv2KeyRow(
            initiatorSPI: Self.initiatorSPI, responderSPI: Self.responderSPI,
            encryption: testCase.cipher, initiatorEncryptionKey: skEi, responderEncryptionKey: skEr,
            integrity: testCase.integrity, initiatorIntegrityKey: skAi, responderIntegrityKey: skAr)
        _ = try WiresharkKeyFile.write(
            WiresharkKeyTables(ikev2: [row]), toDirectory: directory + "/keys",
            acknowledgingSecrets: true)

        let (out, err) = try CaptureTestSupport.tshark(
            [
                "-r", directory + "/ike.pcap", "-T", "fields", "-E", "separator=|",
                "-e", "isakmp.exchangetype", "-e", "isakmp.notify.msgtype", "-e", "_ws.malformed",
            ], configDirectory: directory + "/keys")
        #expect(
            out.trimmingCharacters(in: .whitespacesAndNewlines) == "35|16384|",
            "tshark: \(out) \(err)")
    }

    /// Without the right key the Notify stays hidden: the check above can fail.
    @Test func aWrongKeyLeavesThePayloadEncrypted() throws {
        let directory = try CaptureTestSupport.temporaryDirectory("ikev2-wrong")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let random = SeededRandom(seed: "wrong")
        let cipher = Cipher(.aesCBC, keyBits: 128)
        let message = try Self.encryptedMessage(
            cipher: cipher, encryptionKey: SecretBytes(random.bytes(16)),
            integrity: .hmacSHA256_128, integrityKey: SecretBytes(random.bytes(32)), random: random)
        var capture = PcapFile()
        try capture.appendIKE(
            message, from: CaptureTestSupport.address("192.0.2.1"),
            to: CaptureTestSupport.address("192.0.2.2"),
            at: PcapTimestamp(microsecondsSinceEpoch: 0))
        try capture.write(to: directory + "/ike.pcap")
        let row = IKEv2KeyRow(
            initiatorSPI: Self.initiatorSPI, responderSPI: Self.responderSPI, encryption: cipher,
            initiatorEncryptionKey: SecretBytes(random.bytes(16)),
            responderEncryptionKey: SecretBytes(random.bytes(16)), integrity: .hmacSHA256_128,
            initiatorIntegrityKey: SecretBytes(random.bytes(32)),
            responderIntegrityKey: SecretBytes(random.bytes(32)))
        _ = try WiresharkKeyFile.write(
            WiresharkKeyTables(ikev2: [row]), toDirectory: directory + "/keys",
            acknowledgingSecrets: true)
        let (out, _) = try CaptureTestSupport.tshark(
            ["-r", directory + "/ike.pcap", "-T", "fields", "-e", "isakmp.notify.msgtype"],
            configDirectory: directory + "/keys")
        #expect(!out.contains("16384"))
    }
}
