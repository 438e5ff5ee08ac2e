import IKECore
import IKECrypto
import IKEEngine
import IKETransport
import Testing

/// Two engine sessions talking over real UDP sockets on a loopback address.
@Suite("TransportLoop over loopback UDP")
struct TransportLoopTests {
    static let addresses = ["127.0.0.1", "::1"]

    @Test(arguments: addresses)
    func handshakeCompletesAndMovesToTheNATTraversalPort(_ text: String) throws {
        let peers = try LoopbackPeers(address: IPAddress(text)!)
        try peers.start()
        #expect(try peers.run(seconds: 10) { $0.established() })

        // RFC 7296 section 2.23: IKE_SA_INIT on the IKE port, everything after it on the
        // NAT-T port behind the non-ESP marker.
        let sent = peers.initiatorRecords.filter { $0.direction == .sent }
        let natT = peers.initiatorLoop.transport.localPorts.natTraversal
        #expect(sent.first?.source.port == peers.initiatorLoop.transport.localPorts.ike)
        #expect(sent.count >= 2)
        for record in sent.dropFirst() {
            #expect(record.source.port == natT)
            #expect(Array(record.payload.prefix(4)) == [0, 0, 0, 0])
        }
        #expect(peers.initiator.ikeSA?.usesUDPEncapsulation == true)
    }

    @Test(arguments: addresses)
    func echoCrossesTheTunnelBothWays(_ text: String) throws {
        let ipv4 = text.contains(".")
        let esp = [TransportTestSupport.proposal("aes256-sha256", .esp)]
        let peers = try LoopbackPeers(
            address: IPAddress(text)!,
            esp: ipv4
                ? esp
                : [
                    TransportTestSupport.proposal("aes128gcm16", .esp)
                ])
        try peers.start()
        #expect(try peers.run(seconds: 10) { $0.established() })

        // The initiator's outbound SA seals the request, the responder's inbound SA opens
        // it; the reply goes back the other way.
        let source = TransportTestSupport.initiatorInner
        let target = TransportTestSupport.responderInner
        let request = try ICMPEcho.makeEchoRequest(
            from: source, to: target, identifier: 7, sequence: 1, payload: Array("ping".utf8))
        try peers.initiatorLoop.send(request, through: "lan", of: peers.initiatorID)
        #expect(try peers.run(seconds: 5) { $0.packets(of: .responder).count == 1 })
        let arrived = try #require(peers.packets(of: .responder).first)
        #expect(arrived == request)

        let responderID = try #require(peers.responderSessions.first)
        try peers.responderLoop.send(
            try ICMPEcho.echoReply(for: arrived), through: "lan", of: responderID)
        #expect(try peers.run(seconds: 5) { $0.packets(of: .initiator).count == 1 })
        let reply = try ICMPEcho(parsing: try #require(peers.packets(of: .initiator).first))
        #expect(reply.isReply && reply.identifier == 7 && reply.data == Array("ping".utf8))
    }

    @Test func requestIsRetransmittedWithBackoffUntilAnswered() throws {
        let policy = RetransmissionPolicy(
            initialTimeout: 0.1, backoff: 2, maximumRetransmissions: 5, giveUpAfter: 10)
        let peers = try LoopbackPeers(address: IPAddress("127.0.0.1")!, retransmission: policy)
        try peers.start()
        // The responder reads nothing for 0.35 s: the first request and the copies sent at
        // 0.1 s and 0.3 s wait in its socket.
        let silentUntil = SystemClock.monotonic() + 0.35
        #expect(
            try peers.run(seconds: 10, responderSilentUntil: silentUntil) {
                $0.established()
            })
        let initRequests = peers.initiatorRecords.filter {
            $0.direction == .sent && $0.payload.count > 18 && $0.payload[18] == 34
        }
        #expect(initRequests.count == 3)
        #expect(Set(initRequests.map(\.payload)).count == 1)
        let gaps = zip(initRequests.dropFirst(), initRequests).map {
            Double($0.microsecondsSinceEpoch - $1.microsecondsSinceEpoch) / 1_000_000
        }
        #expect(gaps.count == 2 && gaps[0] >= 0.09 && gaps[1] >= 0.19 && gaps[1] < 1.5)

        // The responder answered the three copies with one stored response, not three SAs.
        #expect(peers.responderSessions.count == 1)
    }

    @Test func initiatorGivesUpOnASilentPeer() throws {
        let policy = RetransmissionPolicy(
            initialTimeout: 0.05, backoff: 2, maximumRetransmissions: 3, giveUpAfter: 5)
        // Nobody reads the port the initiator sends to.
        let silent = try UDPTransport(
            localAddress: IPAddress("127.0.0.1")!,
            localPorts: TransportPorts(ike: 0, natTraversal: 0))
        let peers = try LoopbackPeers(
            address: IPAddress("127.0.0.1")!, retransmission: policy,
            initiatorPeerPorts: silent.localPorts)
        try peers.start()
        let started = SystemClock.monotonic()
        #expect(try peers.run(seconds: 5) { $0.gaveUp != nil })
        let elapsed = SystemClock.monotonic() - started

        let failure = try #require(peers.gaveUp)
        #expect(failure.code == .noResponse)
        #expect(failure.phase == .ikeSA && failure.exchange == "IKE_SA_INIT")
        // 0.05 + 0.1 + 0.2 + 0.4 s: the first send and three retransmissions.
        #expect(elapsed >= 0.7 && elapsed < 4)
        #expect(peers.initiatorRecords.filter { $0.direction == .sent }.count == 4)
        #expect(throws: TransportError.self) {
            try peers.initiatorLoop.handle(.close, for: peers.initiatorID)
        }
    }

    @Test func establishedSessionSendsNATKeepalives() throws {
        let peers = try LoopbackPeers(address: IPAddress("127.0.0.1")!, keepaliveInterval: 0.1)
        try peers.start()
        #expect(try peers.run(seconds: 10) { $0.established() })
        #expect(
            try peers.run(seconds: 2) { peers in
                peers.responderRecords.contains {
                    $0.direction == .received && $0.payload == [0xFF]
                }
            })
        #expect(!peers.responderEvents.contains { if case .dropped = $0 { true } else { false } })
    }

    @Test func deleteRemovesTheTunnels() throws {
        let peers = try LoopbackPeers(address: IPAddress("127.0.0.1")!)
        try peers.start()
        #expect(try peers.run(seconds: 10) { $0.established() })
        peers.initiatorEvents += try peers.initiatorLoop.handle(.close, for: peers.initiatorID)
        #expect(
            try peers.run(seconds: 5) { $0.initiator.isClosed && $0.responder?.isClosed == true })

        let request = try ICMPEcho.makeEchoRequest(
            from: TransportTestSupport.initiatorInner, to: TransportTestSupport.responderInner,
            identifier: 1, sequence: 1, payload: [])
        let error = #expect(throws: TransportError.self) {
            try peers.initiatorLoop.send(request, through: "lan", of: peers.initiatorID)
        }
        #expect(error?.code == .unknownSession)
    }

    @Test func espWithAnUnknownSPIIsDroppedWithAReason() throws {
        let peers = try LoopbackPeers(address: IPAddress("127.0.0.1")!)
        try peers.start()
        #expect(try peers.run(seconds: 10) { $0.established() })
        let responderNATT = Endpoint(address: IPAddress("127.0.0.1")!, port: 4500)
        try peers.initiatorLoop.transport.sendESP(
            [0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1] + [UInt8](repeating: 0xAB, count: 32),
            to: responderNATT)
        #expect(
            try peers.run(seconds: 2) { peers in
                peers.responderEvents.contains {
                    if case .dropped(_, let reason) = $0 { return reason.contains("unknown SPI") }
                    return false
                }
            })
    }
}

extension LoopbackPeers {
    /// The packets one side received through its tunnels.
    func packets(of role: IKERole) -> [IPPacket] {
        (role == .initiator ? initiatorEvents : responderEvents).compactMap {
            if case .packet(_, _, let packet) = $0 { return packet }
            return nil
        }
    }

    /// The initiator's give-up failure, if it gave up.
    var gaveUp: NegotiationFailure? {
        for case .gaveUp(_, let failure) in initiatorEvents { return failure }
        return nil
    }
}
