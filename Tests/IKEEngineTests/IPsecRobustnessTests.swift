import IKECore
import IKECrypto
import Testing

@testable import IKEEngine

/// Random, truncated and mutated input to every parser and to open(): each call returns or
/// throws a typed error, and never traps.
@Suite("IPsec robustness")
struct IPsecRobustnessTests {
    @Test func randomOctetsNeverCrashTheParsers() throws {
        let random = SeededRandom(seed: "fuzz")
        var (_, inbound) = try IPsecTestSupport.espPair(
            ESPConfiguration(.aesCBC, 128, .hmacSHA256_128),
            mode: .tunnel(
                source: IPsecTestSupport.address("192.0.2.1"),
                destination: IPsecTestSupport.address("192.0.2.2")), esn: true,
            udp: UDPEncapsulation())
        var ah = try AHSecurityAssociation(
            spi: 0x1000, integrity: .hmacSHA1_96, integrityKey: SecretBytes(random.bytes(20)))
        for round in 0..<3000 {
            let length = Int(random.bytes(1)[0]) % 96
            var bytes = random.bytes(length)
            // Start half of the inputs with a plausible version nibble.
            if !bytes.isEmpty, round % 2 == 0 { bytes[0] = round % 4 == 0 ? 0x45 : 0x60 }
            _ = try? IPPacket(parsing: bytes, allowingTrailingOctets: round % 3 == 0)
            _ = try? inbound.open(bytes)
            _ = try? UDPEncapsulation.classify(bytes)
            _ = try? AHHeader.decode(bytes, ipv4: round % 2 == 0)
            if let packet = try? IPPacket(parsing: bytes, allowingTrailingOctets: true) {
                _ = try? inbound.openPacket(packet)
                _ = try? ah.openPacket(packet)
                _ = try? ICMPEcho(parsing: packet)
                _ = try? packet.udpDatagram()
            }
        }
    }

    @Test(arguments: [
        ESPConfiguration(.aesCBC, 128, .hmacSHA256_128), ESPConfiguration(.aesGCM16, 128),
        ESPConfiguration(.null, nil, .hmacSHA1_96),
    ])
    func everyTruncationAndMutationOfARealPacketIsATypedError(_ configuration: ESPConfiguration)
        throws
    {
        let hosts = IPsecScenario(tunnel: true, ipv4: true, esn: false).hosts
        var (outbound, inbound) = try IPsecTestSupport.espPair(
            configuration,
            mode: .tunnel(source: hosts.leftGateway, destination: hosts.rightGateway),
            esn: false)
        let request = try ICMPEcho.makeEchoRequest(
            from: hosts.left, to: hosts.right, identifier: 1, sequence: 1, payload: [1, 2])
        let wire = try outbound.sealPacket(request, random: SeededRandom(seed: "m")).encoded()
        for length in 0..<wire.count {
            #expect(throws: IPsecError.self) {
                _ = try inbound.openPacket(IPPacket(parsing: Array(wire.prefix(length))))
            }
        }
        let random = SeededRandom(seed: "mutate")
        for _ in 0..<500 {
            var mutated = wire
            let index = Int(random.uint32() % UInt32(mutated.count))
            mutated[index] = random.bytes(1)[0]
            _ = try? inbound.openPacket(IPPacket(parsing: mutated))
        }
    }
}
