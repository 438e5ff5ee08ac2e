import Foundation
import IKECapture
import IKECore
import IKECrypto
import IKEEngine
import Testing

/// tshark (Wireshark 4.0) reads what ikec writes: ESP sealed by ikec's SAs decrypts with
/// ikec's `esp_sa` table, its ICV checks out, and the inner echo request is shown.
@Suite("tshark decrypts ikec's ESP")
struct TsharkESPDecryptionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let cipher: Cipher
        let integrity: IntegrityAlgorithm?
        let ipv4: Bool
        let udp: Bool
        var testDescription: String {
            "\(cipher)-\(integrity.map { "\($0)" } ?? "aead")"
                + " \(ipv4 ? "IPv4" : "IPv6")\(udp ? " UDP" : "")"
        }
    }

    static let cases: [Case] = [
        Case(
            cipher: Cipher(.aesCBC, keyBits: 128), integrity: .hmacSHA256_128, ipv4: true,
            udp: false),
        Case(
            cipher: Cipher(.aesCBC, keyBits: 256), integrity: .hmacSHA256_128, ipv4: false,
            udp: false),
        Case(cipher: Cipher(.aesGCM16, keyBits: 128), integrity: nil, ipv4: true, udp: false),
        Case(cipher: Cipher(.aesGCM16, keyBits: 256), integrity: nil, ipv4: true, udp: true),
        Case(cipher: Cipher(.tripleDES), integrity: .hmacSHA1_96, ipv4: true, udp: false),
        Case(
            cipher: Cipher(.aesCTR, keyBits: 128), integrity: .hmacSHA512_256, ipv4: false,
            udp: false),
    ]

    @Test(arguments: cases)
    func tsharkDecryptsTheInnerEchoAndTheICVIsGood(_ testCase: Case) throws {
        let directory = try CaptureTestSupport.temporaryDirectory("esp")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let random = SeededRandom(seed: "tshark-esp")
        let address = CaptureTestSupport.address
        let (left, right, leftGateway, rightGateway) =
            testCase.ipv4
            ? (
                address("10.1.0.5"), address("10.2.0.7"), address("198.51.100.1"),
                address("203.0.113.7")
            )
            : (
                address("fd00:1::5"), address("fd00:2::7"), address("2001:db8::1"),
                address("2001:db8::2")
            )

        let encryptionKey = SecretBytes(random.bytes(testCase.cipher.keyMaterialLength))
        let integrityKey = testCase.integrity.map { SecretBytes(random.bytes($0.info.keyLength)) }
        let spi: UInt32 = 0xC0DE_0001
        var outbound = try ESPSecurityAssociation(
            spi: spi, cipher: testCase.cipher, encryptionKey: encryptionKey,
            integrity: testCase.integrity, integrityKey: integrityKey,
            mode: .tunnel(source: leftGateway, destination: rightGateway),
            udpEncapsulation: testCase.udp ? UDPEncapsulation() : nil)

        var capture = PcapFile()
        let packets = 3
        for sequence in 1...packets {
            let request = try ICMPEcho.makeEchoRequest(
                from: left, to: right, identifier: 0x4242, sequence: UInt16(sequence),
                payload: Array("ikec tshark check".utf8))
            let sealed = try outbound.sealPacket(request, random: random)
            try capture.append(
                sealed, at: PcapTimestamp(microsecondsSinceEpoch: UInt64(sequence) * 1_000))
        }
        let pcap = directory + "/esp.pcap"
        try capture.write(to: pcap)

        let tables = WiresharkKeyTables(esp: [
            ESPKeyRow(
                source: leftGateway, destination: rightGateway, spi: spi,
                encryption: testCase.cipher, encryptionKey: encryptionKey,
                integrity: testCase.integrity, integrityKey: integrityKey)
        ])
        let report = try WiresharkKeyFile.write(
            tables, toDirectory: directory + "/keys", acknowledgingSecrets: true)
        #expect(report.skipped.isEmpty)

        let (out, err) = try CaptureTestSupport.tshark(
            [
                "-r", pcap, "-o", "esp.enable_encryption_decode:TRUE",
                "-o", "esp.enable_authentication_check:TRUE",
                "-T", "fields", "-E", "separator=|", "-e", "esp.spi", "-e", "esp.sequence",
                "-e", (testCase.ipv4 ? "icmp.type" : "icmpv6.type"), "-e", "esp.icv_good",
                "-e", "_ws.malformed", "-e", "_ws.expert.severity",
            ], configDirectory: directory + "/keys")
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == packets, "tshark said: \(out) \(err)")
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(
                String.init)
            #expect(fields.count == 6, "\(line)")
            guard fields.count == 6 else { continue }
            #expect(fields[1] == "\(index + 1)")
            #expect(
                fields[2] == (testCase.ipv4 ? "8" : "128"), "inner echo request not shown: \(line)")
            if testCase.integrity != nil {
                #expect(fields[3] == "1" || fields[3] == "True", "ICV not good: \(line)")
            }
            #expect(fields[4].isEmpty, "malformed: \(line)")
        }
        #expect(!err.contains("rror"), "tshark complained: \(err)")
    }

    /// With another key nothing decrypts: the checks above can fail.
    @Test func aWrongKeyShowsNoInnerPacket() throws {
        let directory = try CaptureTestSupport.temporaryDirectory("esp-wrong")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let random = SeededRandom(seed: "wrong-esp")
        let cipher = Cipher(.aesCBC, keyBits: 128)
        let left = CaptureTestSupport.address("192.0.2.1")
        let right = CaptureTestSupport.address("192.0.2.2")
        var outbound = try ESPSecurityAssociation(
            spi: 0x1234_5678, cipher: cipher, encryptionKey: SecretBytes(random.bytes(16)),
            integrity: .hmacSHA256_128, integrityKey: SecretBytes(random.bytes(32)),
            mode: .tunnel(source: left, destination: right))
        var capture = PcapFile()
        let request = try ICMPEcho.makeEchoRequest(
            from: left, to: right, identifier: 1, sequence: 1, payload: [1, 2, 3])
        try capture.append(
            try outbound.sealPacket(request, random: random),
            at: PcapTimestamp(microsecondsSinceEpoch: 0))
        try capture.write(to: directory + "/esp.pcap")
        let row = ESPKeyRow(
            source: left, destination: right, spi: 0x1234_5678, encryption: cipher,
            encryptionKey: SecretBytes(random.bytes(16)), integrity: .hmacSHA256_128,
            integrityKey: SecretBytes(random.bytes(32)))
        _ = try WiresharkKeyFile.write(
            WiresharkKeyTables(esp: [row]), toDirectory: directory + "/keys",
            acknowledgingSecrets: true)
        let (out, _) = try CaptureTestSupport.tshark(
            [
                "-r", directory + "/esp.pcap", "-T", "fields", "-e", "icmp.type", "-e",
                "esp.icv_good",
            ],
            configDirectory: directory + "/keys")
        #expect(!out.contains("8"))
    }
}
