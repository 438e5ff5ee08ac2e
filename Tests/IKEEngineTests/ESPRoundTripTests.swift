import IKECore
import IKECrypto
import Testing

@testable import IKEEngine

/// Mode and address family of one round trip.
struct IPsecScenario: Sendable, CustomTestStringConvertible {
    let tunnel: Bool
    let ipv4: Bool
    let esn: Bool

    static let all: [IPsecScenario] = [true, false].flatMap { tunnel in
        [true, false].flatMap { ipv4 in
            [false, true].map { IPsecScenario(tunnel: tunnel, ipv4: ipv4, esn: $0) }
        }
    }

    var testDescription: String {
        "\(tunnel ? "tunnel" : "transport") \(ipv4 ? "IPv4" : "IPv6")\(esn ? " ESN" : "")"
    }

    /// Inner hosts (in the selectors) and outer gateways of the two sides.
    var hosts: (left: IPAddress, right: IPAddress, leftGateway: IPAddress, rightGateway: IPAddress)
    {
        let address = IPsecTestSupport.address
        return ipv4
            ? (
                address("10.1.0.5"), address("10.2.0.7"), address("198.51.100.1"),
                address("203.0.113.7")
            )
            : (
                address("fd00:1::5"), address("fd00:2::7"), address("2001:db8::1"),
                address("2001:db8::2")
            )
    }

    func mode(from source: IPAddress, to destination: IPAddress) -> IPsecEncapsulation {
        tunnel ? .tunnel(source: source, destination: destination) : .transport
    }
}

@Suite("ESP round trips")
struct ESPRoundTripTests {
    static let configurations: [ESPConfiguration] = [
        ESPConfiguration(.aesCBC, 128, .hmacSHA256_128),
        ESPConfiguration(.aesCBC, 192, .hmacSHA384_192),
        ESPConfiguration(.aesCBC, 256, .hmacSHA512_256),
        ESPConfiguration(.aesCBC, 128, .hmacSHA1_96),
        ESPConfiguration(.aesCBC, 128, .hmacMD5_96),
        ESPConfiguration(.aesCBC, 128, .hmacMD5_128),
        ESPConfiguration(.aesCBC, 128, .hmacSHA1_160),
        ESPConfiguration(.aesCBC, 128, .aesXCBC96),
        ESPConfiguration(.aesCBC, 128, .aesCMAC96),
        ESPConfiguration(.aesCBC, 256, nil),
        ESPConfiguration(.tripleDES, nil, .hmacSHA1_96),
        ESPConfiguration(.des, nil, .hmacMD5_96),
        ESPConfiguration(.blowfish, 128, .hmacSHA256_128),
        ESPConfiguration(.cast, 128, .hmacSHA1_96),
        ESPConfiguration(.camelliaCBC, 256, .hmacSHA256_128),
        ESPConfiguration(.aesCTR, 128, .hmacSHA256_128),
        ESPConfiguration(.aesCTR, 256, .hmacSHA512_256),
        ESPConfiguration(.null, nil, .hmacSHA256_128),
        ESPConfiguration(.aesGCM8, 128),
        ESPConfiguration(.aesGCM12, 192),
        ESPConfiguration(.aesGCM16, 128),
        ESPConfiguration(.aesGCM16, 256),
        ESPConfiguration(.aesCCM8, 128),
        ESPConfiguration(.aesCCM12, 192),
        ESPConfiguration(.aesCCM16, 256),
        ESPConfiguration(.chacha20Poly1305),
        ESPConfiguration(.nullAuthAESGMAC, 128),
        ESPConfiguration(.nullAuthAESGMAC, 256),
    ]

    /// The verification step: an echo request from the left selector to the right one is
    /// sealed by the left's outbound SA, opened by the right's inbound SA, answered, and
    /// the reply travels back through the other direction's pair of SAs.
    @Test(arguments: configurations, IPsecScenario.all)
    func echoRequestOpensOnThePeerAndTheReplyComesBack(
        _ configuration: ESPConfiguration, _ scenario: IPsecScenario
    ) throws {
        let hosts = scenario.hosts
        var (leftOut, rightIn) = try IPsecTestSupport.espPair(
            configuration, mode: scenario.mode(from: hosts.leftGateway, to: hosts.rightGateway),
            esn: scenario.esn, seed: "left-to-right")
        var (rightOut, leftIn) = try IPsecTestSupport.espPair(
            configuration, mode: scenario.mode(from: hosts.rightGateway, to: hosts.leftGateway),
            esn: scenario.esn, seed: "right-to-left")
        let random = SeededRandom(seed: "ivs")

        let request = try ICMPEcho.makeEchoRequest(
            from: hosts.left, to: hosts.right, identifier: 0x1c3e, sequence: 1,
            payload: Array("ikec verification".utf8))
        let wire = try leftOut.sealPacket(request, random: random).encoded()
        let outer = try IPPacket(parsing: wire)
        #expect(outer.protocolNumber == IPProtocolNumber.esp)
        if scenario.tunnel {
            #expect(outer.source == hosts.leftGateway)
            #expect(outer.destination == hosts.rightGateway)
        }
        let received = try rightIn.openPacket(outer)
        #expect(received == request)

        let reply = try ICMPEcho.echoReply(for: received)
        let replyWire = try rightOut.sealPacket(reply, random: random).encoded()
        let answered = try leftIn.openPacket(IPPacket(parsing: replyWire))
        let echo = try ICMPEcho(parsing: answered)
        #expect(echo.isReply)
        #expect(echo.identifier == 0x1c3e)
        #expect(echo.data == Array("ikec verification".utf8))
        #expect(answered.source == hosts.right && answered.destination == hosts.left)
    }

    /// Extended sequence numbers: packets keep opening across the 2^32 boundary, where
    /// only the implicit high-order bits (in the ICV or AAD) tell them apart.
    @Test(arguments: [
        ESPConfiguration(.aesCBC, 128, .hmacSHA256_128), ESPConfiguration(.aesGCM16, 128),
    ])
    func extendedSequenceNumbersCrossTheThirtyTwoBitBoundary(_ configuration: ESPConfiguration)
        throws
    {
        var (outbound, inbound) = try IPsecTestSupport.espPair(
            configuration, mode: .transport, esn: true)
        outbound.counter.last = 0xFFFF_FFF0
        let random = SeededRandom(seed: "esn")
        for _ in 0..<40 {
            let sealed = try outbound.seal(payload: [1, 2, 3], nextHeader: 17, random: random)
            let opened = try inbound.open(sealed)
            #expect(opened.sequenceNumber == outbound.lastSequenceNumber)
        }
        #expect(inbound.replayWindow.highest > 0xFFFF_FFFF)
    }

    @Test func thirtyTwoBitCounterRefusesToCycle() throws {
        var (outbound, _) = try IPsecTestSupport.espPair(
            ESPConfiguration(.aesGCM16, 128), mode: .transport, esn: false)
        outbound.counter.last = UInt64(UInt32.max)
        let error = #expect(throws: IPsecError.self) {
            _ = try outbound.seal(payload: [], nextHeader: 59, random: SeededRandom(seed: "x"))
        }
        #expect(error?.code == .sequenceNumberOverflow)
    }

    @Test func espInUDPRoundTripsOnPort4500() throws {
        let hosts = IPsecScenario(tunnel: true, ipv4: true, esn: false).hosts
        var (outbound, inbound) = try IPsecTestSupport.espPair(
            ESPConfiguration(.aesGCM16, 256),
            mode: .tunnel(source: hosts.leftGateway, destination: hosts.rightGateway), esn: false,
            udp: UDPEncapsulation())
        let request = try ICMPEcho.makeEchoRequest(
            from: hosts.left, to: hosts.right, identifier: 7, sequence: 9, payload: [0xAB])
        let outer = try IPPacket(
            parsing: try outbound.sealPacket(request, random: SeededRandom(seed: "u")).encoded())
        let datagram = try outer.udpDatagram()
        #expect(datagram.sourcePort == 4500 && datagram.destinationPort == 4500)
        #expect(try UDPEncapsulation.classify(datagram.payload) == .esp(datagram.payload))
        #expect(try inbound.openPacket(outer) == request)
    }

    @Test func configurationErrorsAreTyped() throws {
        let key = SecretBytes([UInt8](repeating: 1, count: 16))
        let cases: [(IPsecError.Code, () throws(IPsecError) -> ESPSecurityAssociation)] = [
            (
                .invalidConfiguration,
                { () throws(IPsecError) in
                    try ESPSecurityAssociation(
                        spi: 0x1000, cipher: Cipher(.null), encryptionKey: SecretBytes([]))
                }
            ),
            (
                .invalidConfiguration,
                { () throws(IPsecError) in
                    try ESPSecurityAssociation(
                        spi: 7, cipher: Cipher(.aesGCM16, keyBits: 96), encryptionKey: key)
                }
            ),
            (
                .invalidConfiguration,
                { () throws(IPsecError) in
                    try ESPSecurityAssociation(
                        spi: 0x1000, cipher: Cipher(.aesCBC, keyBits: 256), encryptionKey: key)
                }
            ),
            (
                .invalidConfiguration,
                { () throws(IPsecError) in
                    try ESPSecurityAssociation(
                        spi: 0x1000, cipher: Cipher(.aesCBC, keyBits: 128), encryptionKey: key,
                        ivGeneration: .sequenceNumber)
                }
            ),
            (
                .unsupportedAlgorithm,
                { () throws(IPsecError) in
                    try ESPSecurityAssociation(
                        spi: 0x1000, cipher: Cipher(.idea), encryptionKey: key)
                }
            ),
        ]
        for (code, make) in cases {
            let error = #expect(throws: IPsecError.self) { _ = try make() }
            #expect(error?.code == code)
        }
    }
}
