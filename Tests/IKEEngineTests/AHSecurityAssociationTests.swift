import IKECore
import IKECrypto
import Testing

@testable import IKEEngine

@Suite("AH")
struct AHSecurityAssociationTests {
    static let algorithms: [IntegrityAlgorithm] = [
        .hmacSHA256_128, .hmacSHA1_96, .hmacSHA384_192, .hmacSHA512_256, .hmacMD5_96,
        .aesXCBC96, .aesCMAC96, .hmacSHA1_160,
    ]

    private static func pair(_ integrity: IntegrityAlgorithm, _ scenario: IPsecScenario)
        throws -> (AHSecurityAssociation, AHSecurityAssociation)
    {
        let hosts = scenario.hosts
        let key = SecretBytes(SeededRandom(seed: "ah").bytes(integrity.info.keyLength))
        let mode = scenario.mode(from: hosts.leftGateway, to: hosts.rightGateway)
        func make() throws -> AHSecurityAssociation {
            try AHSecurityAssociation(
                spi: 0xA000_0001, integrity: integrity, integrityKey: key,
                extendedSequenceNumbers: scenario.esn, mode: mode)
        }
        return (try make(), try make())
    }

    private static func request(_ scenario: IPsecScenario) throws -> IPPacket {
        try ICMPEcho.makeEchoRequest(
            from: scenario.hosts.left, to: scenario.hosts.right, identifier: 3, sequence: 4,
            payload: Array("ah".utf8))
    }

    @Test(arguments: algorithms, IPsecScenario.all)
    func echoRequestOpensOnThePeer(_ integrity: IntegrityAlgorithm, _ scenario: IPsecScenario)
        throws
    {
        var (outbound, inbound) = try Self.pair(integrity, scenario)
        let request = try Self.request(scenario)
        let wire = try outbound.sealPacket(request).encoded()
        let outer = try IPPacket(parsing: wire)
        #expect(outer.protocolNumber == IPProtocolNumber.ah)

        // RFC 4302 section 2.2: payload length is the header's 32-bit words minus 2, and
        // over IPv6 the header is a multiple of 64 bits.
        let length = (Int(outer.payload[1]) + 2) * 4
        #expect(length >= 12 + integrity.info.icvLength)
        #expect(length % (scenario.ipv4 ? 4 : 8) == 0)
        #expect(try inbound.openPacket(outer) == request)
    }

    /// Routers change TTL (hop limit), DSCP and flow label: AH's ICV ignores them, so the
    /// packet still opens.
    @Test(arguments: [true, false])
    func mutableHeaderFieldsDoNotBreakTheICV(_ ipv4: Bool) throws {
        let scenario = IPsecScenario(tunnel: false, ipv4: ipv4, esn: false)
        var (outbound, inbound) = try Self.pair(.hmacSHA256_128, scenario)
        var outer = try outbound.sealPacket(try Self.request(scenario))
        switch outer.header {
        case .v4(var header):
            header.timeToLive = 3
            header.typeOfService = 0xB8
            header.dontFragment = true
            outer.header = .v4(header)
        case .v6(var header):
            header.hopLimit = 3
            header.trafficClass = 0xB8
            header.flowLabel = 0x12345
            outer.header = .v6(header)
        }
        #expect(try inbound.openPacket(IPPacket(parsing: outer.encoded())).payload.count > 0)
    }

    /// Changing any immutable octet (addresses, lengths, AH, payload) is rejected.
    @Test(arguments: [true, false])
    func flippingAnImmutableBitIsRejected(_ ipv4: Bool) throws {
        let scenario = IPsecScenario(tunnel: true, ipv4: ipv4, esn: true)
        var (outbound, inbound) = try Self.pair(.hmacSHA256_128, scenario)
        let outer = try outbound.sealPacket(try Self.request(scenario))
        let headerLength = ipv4 ? 20 : 40
        for index in 0..<outer.payload.count {
            var tampered = outer
            tampered.payload[index] ^= 0x10
            let error = #expect(throws: IPsecError.self) { _ = try inbound.openPacket(tampered) }
            #expect(error != nil, "octet \(index)")
        }
        let addressOffset = ipv4 ? 12 : 8
        var bytes = try outer.encoded()
        bytes[addressOffset] ^= 1
        if ipv4 {
            // Keep the IPv4 checksum valid so the ICV, not the checksum, catches it.
            bytes[10] = 0
            bytes[11] = 0
            let sum = InternetChecksum.compute(Array(bytes[0..<headerLength]))
            bytes[10] = UInt8(sum >> 8)
            bytes[11] = UInt8(sum & 0xFF)
        }
        let error = #expect(throws: IPsecError.self) {
            _ = try inbound.openPacket(IPPacket(parsing: bytes))
        }
        #expect(error?.code == .authenticationFailed)
        #expect(try inbound.openPacket(outer) == (try Self.request(scenario)))
    }

    @Test func replayIsRejected() throws {
        let scenario = IPsecScenario(tunnel: false, ipv4: true, esn: false)
        var (outbound, inbound) = try Self.pair(.hmacSHA1_96, scenario)
        let outer = try outbound.sealPacket(try Self.request(scenario))
        _ = try inbound.openPacket(outer)
        let error = #expect(throws: IPsecError.self) { _ = try inbound.openPacket(outer) }
        #expect(error?.code == .replayedPacket)
    }

    @Test func gmacIntegrityIsNotYetSupportedInAH() throws {
        let error = #expect(throws: IPsecError.self) {
            _ = try AHSecurityAssociation(
                spi: 0x1000, integrity: .aes128GMAC,
                integrityKey: SecretBytes([UInt8](repeating: 0, count: 20)))
        }
        #expect(error?.code == .unsupportedAlgorithm)
    }
}
