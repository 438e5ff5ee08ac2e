import Foundation
import IKECore
import IKECrypto
import IKEEngine
import Testing

/// The engine's messages as Wireshark reads them: a capture of a whole negotiation, with
/// the ISAKMP SA's encryption key in Wireshark's `ikev1_decryption_table`, must dissect
/// without errors, and Wireshark, computing the IV chain on its own, must decrypt every
/// encrypted message. Needs `/usr/bin/tshark`; without it the test fails with
/// instructions rather than being skipped.
@Suite("IKEv1 negotiations as Wireshark (tshark) reads them")
struct IKEv1WiresharkTests {
    typealias Support = IKEv1TestSupport
    static let tshark = "/usr/bin/tshark"

    /// A pcap (LINKTYPE_RAW) of the datagrams as IPv4/UDP packets with their ports.
    static func pcap(_ datagrams: [Datagram]) -> [UInt8] {
        var file: [UInt8] = []
        func little32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { file += $0 } }
        func little16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { file += $0 } }
        little32(0xA1B2_C3D4)
        little16(2)
        little16(4)
        little32(0)
        little32(0)
        little32(65_535)
        little32(101)
        for (index, datagram) in datagrams.enumerated() {
            let packet = ipv4UDP(datagram)
            little32(1_700_000_000 + UInt32(index))
            little32(0)
            little32(UInt32(packet.count))
            little32(UInt32(packet.count))
            file += packet
        }
        return file
    }

    static func ipv4UDP(_ datagram: Datagram) -> [UInt8] {
        let payload = datagram.udpPayload
        let total = 20 + 8 + payload.count
        var header: [UInt8] = [
            0x45, 0, UInt8(total >> 8), UInt8(total & 0xFF), 0, 1, 0x40, 0, 64, 17, 0, 0,
        ]
        header += datagram.source.address.octets + datagram.destination.address.octets
        var sum: UInt32 = 0
        for index in stride(from: 0, to: 20, by: 2) {
            sum += UInt32(header[index]) << 8 | UInt32(header[index + 1])
        }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        let checksum = ~UInt16(sum)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(checksum & 0xFF)
        let length = 8 + payload.count
        let udp: [UInt8] = [
            UInt8(datagram.source.port >> 8), UInt8(datagram.source.port & 0xFF),
            UInt8(datagram.destination.port >> 8), UInt8(datagram.destination.port & 0xFF),
            UInt8(length >> 8), UInt8(length & 0xFF), 0, 0,
        ]
        return header + udp + payload
    }

    /// tshark's verbose dissection of a loopback's datagrams with its keys.
    static func dissect(_ loopback: LoopbackExchange) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: tshark) else {
            let install = "DEBIAN_FRONTEND=noninteractive apt-get install -y tshark"
            Issue.record("tshark is required and was not found at \(tshark); run `\(install)`")
            return ""
        }
        let sa = try #require(loopback.initiator.ikeSA)
        let keys = try Support.v1Keys(sa)
        let cookie = String(sa.initiatorSPI, radix: 16).leftPadded(to: 16)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ikev1-tshark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ikev1.pcap")
        try Data(pcap(loopback.deliveries.map(\.datagram))).write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tshark)
        process.arguments = [
            "-n", "-r", file.path, "-V", "-o",
            "uat:ikev1_decryption_table:\(cookie),\(keys.encryptionKey.revealed.hexString)",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    static func expectClean(_ text: String) {
        #expect(!text.isEmpty)
        for line in text.split(separator: "\n")
        where line.contains("Malformed") || line.contains("Expert Info (Error") {
            Issue.record("tshark reports: \(line.trimmingCharacters(in: .whitespaces))")
        }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func mainModeQuickModeAndDeleteDecryptInWireshark() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        loopback.issue(.deleteChildSA(name: "lan"), to: .initiator)
        let text = try Self.dissect(loopback)
        Self.expectClean(text)
        // Messages 5 and 6, the three quick mode messages and the Delete, each decrypted.
        #expect(Self.count("Hash DATA:", in: text) == 6)
        #expect(Self.count("Exchange type: Quick Mode (32)", in: text) == 3)
        #expect(text.contains("Identification Data:10.1.0.0/255.255.0.0"))
        #expect(text.contains("Encapsulation Mode: Tunnel (1)"))
        #expect(Self.count("Payload: Delete (12)", in: text) == 1)
    }

    @Test func aggressiveModeOverNATTraversalWith3DESDecryptsInWireshark() throws {
        var pair = Support.pskPair(
            ike: [TestSupport.ike("3des-sha1-modp1024")], esp: [TestSupport.esp("3des-sha1")],
            mode: .aggressive)
        pair.0.forceUDPEncapsulation = true
        let loopback = try Support.expectAgreement(pair)
        let text = try Self.dissect(loopback)
        Self.expectClean(text)
        #expect(Self.count("Non-ESP Marker", in: text) == 4)
        // Aggressive message 3 and the three quick mode messages.
        #expect(Self.count("Hash DATA:", in: text) == 5)
        #expect(text.contains("Encapsulation Mode: UDP-Encapsulated-Tunnel (3)"))
        #expect(text.contains("Payload: NAT-D (RFC 3947) (20)"))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
