import Foundation
import IKECapture
import IKECore
import IKEEngine
import Testing

@Suite("pcap files")
struct PcapFileTests {
    @Test func globalHeaderAndRecordsAreClassicLibpcapWithRawIP() throws {
        var capture = PcapFile()
        let packet = try IPPacket(
            source: CaptureTestSupport.address("192.0.2.1"),
            destination: CaptureTestSupport.address("192.0.2.2"), protocolNumber: 59, payload: [])
        try capture.append(packet, at: PcapTimestamp(microsecondsSinceEpoch: 1_700_000_000_123_456))
        let bytes = capture.encoded()
        #expect(
            Array(bytes[0..<24]) == [
                0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 101,
                0, 0, 0,
            ])
        // 1_700_000_000 = 0x6553F100 seconds, 123_456 = 0x1E240 microseconds, 20 octets.
        #expect(
            Array(bytes[24..<40]) == [
                0x00, 0xF1, 0x53, 0x65, 0x40, 0xE2, 0x01, 0x00, 20, 0, 0, 0, 20, 0, 0, 0,
            ])
        #expect(Array(bytes[40...]) == (try packet.encoded()))
    }

    @Test func ikeOnTheNATTraversalPortCarriesTheNonESPMarker() throws {
        var capture = PcapFile()
        let message = [UInt8](repeating: 0x11, count: 28)
        let source = CaptureTestSupport.address("2001:db8::1")
        let destination = CaptureTestSupport.address("2001:db8::2")
        try capture.appendIKE(
            message, from: source, port: 4500, to: destination, port: 4500,
            at: PcapTimestamp(microsecondsSinceEpoch: 0))
        try capture.appendIKE(
            message, from: source, to: destination, at: PcapTimestamp(microsecondsSinceEpoch: 1))
        let natT = try IPPacket(parsing: capture.records[0].packet).udpDatagram()
        let plain = try IPPacket(parsing: capture.records[1].packet).udpDatagram()
        #expect(natT.payload == [0, 0, 0, 0] + message)
        #expect(plain.payload == message && plain.sourcePort == 500)
    }

    @Test func somethingThatIsNotAnIPPacketIsRefused() {
        var capture = PcapFile()
        let error = #expect(throws: CaptureError.self) {
            try capture.append(
                ipPacket: [0x12, 0x34], at: PcapTimestamp(microsecondsSinceEpoch: 0))
        }
        #expect(error?.code == .invalidInput)
    }

    /// tshark parses ikec's framing of UDP/500 and UDP/4500 IKE (a minimal IKEv2 header)
    /// and of ESP in UDP without errors.
    @Test func tsharkDecodesTheFramingWithoutErrors() throws {
        let directory = try CaptureTestSupport.temporaryDirectory("framing")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // IKE_SA_INIT request header, no payloads (next payload 0), length 28.
        let header: [UInt8] =
            [1, 2, 3, 4, 5, 6, 7, 8] + [UInt8](repeating: 0, count: 8)
            + [0, 0x20, 34, 0x08, 0, 0, 0, 0, 0, 0, 0, 28]
        let left = CaptureTestSupport.address("198.51.100.1")
        let right = CaptureTestSupport.address("203.0.113.7")
        var capture = PcapFile()
        try capture.appendIKE(
            header, from: left, to: right, at: PcapTimestamp(microsecondsSinceEpoch: 1))
        try capture.appendIKE(
            header, from: left, port: 4500, to: right, port: 4500,
            at: PcapTimestamp(microsecondsSinceEpoch: 2))
        try capture.appendESP(
            [0xC0, 0xDE, 0, 1, 0, 0, 0, 1] + [UInt8](repeating: 0x5A, count: 32), from: left,
            to: right,
            udpEncapsulation: UDPEncapsulation(), at: PcapTimestamp(microsecondsSinceEpoch: 3))
        try capture.write(to: directory + "/framing.pcap")

        let (out, err) = try CaptureTestSupport.tshark(
            [
                "-r", directory + "/framing.pcap", "-T", "fields", "-E", "separator=|",
                "-e", "udp.dstport", "-e", "isakmp.exchangetype", "-e", "esp.spi", "-e",
                "_ws.malformed",
            ], configDirectory: directory)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines == ["500|34||", "4500|34||", "4500||0xc0de0001|"], "tshark: \(out) \(err)")
    }
}
