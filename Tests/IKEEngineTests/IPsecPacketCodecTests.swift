import IKECore
import Testing

@testable import IKEEngine

@Suite("IP, ICMP and UDP codecs")
struct IPsecPacketCodecTests {
    /// RFC 3602 case #5's original packet: its IPv4 checksum (f9fe) is what ikec computes.
    @Test func ipv4HeaderChecksumMatchesAKnownPacket() throws {
        let header = try IPv4Header(
            source: IPsecTestSupport.address("192.168.123.3"),
            destination: IPsecTestSupport.address("192.168.123.100"), protocolNumber: 1,
            identification: 0x08F2)
        #expect(
            try header.encode(payloadLength: 64).hexString
                == "4500005408f200004001f9fec0a87b03c0a87b64")
    }

    @Test(arguments: ["192.0.2.1", "2001:db8::1"])
    func echoRequestAndReplyRoundTripWithValidChecksums(_ source: String) throws {
        let from = IPsecTestSupport.address(source)
        let to = IPsecTestSupport.address(from.isIPv4 ? "192.0.2.99" : "2001:db8::99")
        let request = try ICMPEcho.makeEchoRequest(
            from: from, to: to, identifier: 0xBEEF, sequence: 7, payload: Array(0..<33))
        let parsed = try IPPacket(parsing: try request.encoded())
        #expect(parsed == request)
        let reply = try ICMPEcho.echoReply(for: parsed)
        #expect(reply.source == to && reply.destination == from)
        let echo = try ICMPEcho(parsing: reply)
        #expect(echo.isReply && echo.identifier == 0xBEEF && echo.sequenceNumber == 7)
        #expect(echo.data == Array(0..<33))
        let error = #expect(throws: IPsecError.self) { _ = try ICMPEcho.echoReply(for: reply) }
        #expect(error?.code == .notAnEcho)
    }

    @Test func aCorruptedICMPv6ChecksumIsRejected() throws {
        var packet = try ICMPEcho.makeEchoRequest(
            from: IPsecTestSupport.address("fd00::1"), to: IPsecTestSupport.address("fd00::2"),
            identifier: 1, sequence: 1, payload: [1])
        packet.payload[8] ^= 1
        let error = #expect(throws: IPsecError.self) { _ = try ICMPEcho(parsing: packet) }
        #expect(error?.code == .badChecksum)
    }

    @Test(arguments: ["198.51.100.1", "2001:db8::1"])
    func udpRoundTripsAndChecksumsVerify(_ source: String) throws {
        let from = IPsecTestSupport.address(source)
        let to = IPsecTestSupport.address(from.isIPv4 ? "203.0.113.7" : "2001:db8::2")
        let datagram = UDPDatagram(sourcePort: 500, destinationPort: 500, payload: Array(0..<29))
        let packet = try IPPacket(udp: datagram, source: from, destination: to)
        #expect(try IPPacket(parsing: packet.encoded()).udpDatagram() == datagram)
        var corrupted = packet
        corrupted.payload[10] ^= 0x40
        let error = #expect(throws: IPsecError.self) { _ = try corrupted.udpDatagram() }
        #expect(error?.code == .badChecksum)
    }

    @Test func headerErrorsAreTyped() throws {
        let valid = try ICMPEcho.makeEchoRequest(
            from: IPsecTestSupport.address("192.0.2.1"), to: IPsecTestSupport.address("192.0.2.2"),
            identifier: 1, sequence: 1, payload: []
        ).encoded()
        var badChecksum = valid
        badChecksum[8] = 1
        var trailing = valid
        trailing.append(0)
        let cases: [([UInt8], IPsecError.Code)] = [
            ([], .truncated), ([0x45, 0, 0], .truncated), ([0x70], .malformed),
            (Array(valid.prefix(25)), .truncated), (badChecksum, .badChecksum),
            (trailing, .malformed),
        ]
        for (bytes, code) in cases {
            let error = #expect(throws: IPsecError.self) { _ = try IPPacket(parsing: bytes) }
            #expect(error?.code == code, "\(bytes.hexString)")
        }
        #expect(try IPPacket(parsing: trailing, allowingTrailingOctets: true).payload.count == 8)
        let mixed = #expect(throws: IPsecError.self) {
            _ = try IPPacket(
                source: IPsecTestSupport.address("192.0.2.1"),
                destination: IPsecTestSupport.address("::1"), protocolNumber: 1, payload: [])
        }
        #expect(mixed?.code == .addressFamilyMismatch)
    }
}
