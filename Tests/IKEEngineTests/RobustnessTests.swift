import IKECore
import IKECrypto
import IKEEngine
import Testing

/// SplitMix64: a small deterministic generator for test inputs.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

@Suite("IKEv2 sessions under hostile input")
struct RobustnessTests {
    /// The four genuine datagrams of a handshake, for mutation.
    static func genuineDatagrams() throws -> [Datagram] {
        let pair = TestSupport.pskPair()
        let loopback = try TestSupport.loopback(pair.0, pair.1, seed: "genuine")
        loopback.negotiate()
        return loopback.deliveries.map(\.datagram)
    }

    /// A mutated, truncated, extended or random version of one of `samples`.
    static func mutation(of samples: [Datagram], _ random: inout SplitMix64) -> Datagram {
        var datagram = samples[random.below(samples.count)]
        var octets = datagram.message
        switch random.below(5) {
        case 0:
            for _ in 0..<(1 + random.below(4)) where !octets.isEmpty {
                octets[random.below(octets.count)] ^= UInt8(1 << random.below(8))
            }
        case 1:
            octets = Array(octets.prefix(random.below(octets.count + 1)))
        case 2:
            octets += (0..<random.below(64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case 3:
            octets = (0..<random.below(400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        default:
            // A plausible header over random payload octets.
            if octets.count > 28 {
                for index in 28..<octets.count {
                    octets[index] = UInt8(truncatingIfNeeded: random.next())
                }
            }
        }
        datagram.message = octets
        return datagram
    }

    /// Feeds `count` hostile datagrams to `session`; every answer must be a typed action.
    static func feed(
        _ session: any IKESession, samples: [Datagram], count: Int, seed: UInt64
    ) {
        var random = SplitMix64(state: seed)
        for step in 0..<count {
            let actions = session.receive(mutation(of: samples, &random), now: Double(step))
            for action in actions {
                switch action {
                case .send, .discarded, .failed, .ikeSAEstablished, .childSAEstablished,
                    .childSARekeyed, .childSADeleted, .ikeSADeleted:
                    continue
                }
            }
        }
        _ = session.isClosed
        _ = session.childSAs
        _ = session.transcript.map(\.summary)
    }

    static func sessions(seed: String) throws -> (IKEv2Session, IKEv2Session) {
        let pair = TestSupport.pskPair()
        return (
            try IKEv2Session(
                configuration: pair.0, role: .initiator,
                random: SeededRandom(seed: seed + "/i")),
            try IKEv2Session(
                configuration: pair.1, role: .responder,
                random: SeededRandom(seed: seed + "/r"))
        )
    }

    static func firstSent(_ actions: [SessionAction]) -> Datagram? {
        for case .send(let datagram) in actions { return datagram }
        return nil
    }

    @Test func idleResponderSurvivesHostileInput() throws {
        let samples = try Self.genuineDatagrams()
        let (_, responder) = try Self.sessions(seed: "idle")
        Self.feed(responder, samples: samples, count: 600, seed: 1)
    }

    @Test func initiatorAwaitingInitResponseSurvivesHostileInput() throws {
        let samples = try Self.genuineDatagrams()
        let (initiator, _) = try Self.sessions(seed: "init-sent")
        _ = initiator.handle(.start, now: 0)
        Self.feed(initiator, samples: samples, count: 600, seed: 2)
    }

    @Test func responderAwaitingAuthSurvivesHostileInputAndStillCompletes() throws {
        let samples = try Self.genuineDatagrams()
        let (initiator, responder) = try Self.sessions(seed: "awaiting-auth")
        let request = try #require(Self.firstSent(initiator.handle(.start, now: 0)))
        let response = try #require(Self.firstSent(responder.receive(request, now: 0)))
        Self.feed(responder, samples: samples, count: 600, seed: 3)
        // The genuine exchange still completes: forged messages changed nothing.
        let auth = try #require(Self.firstSent(initiator.receive(response, now: 1)))
        let answer = try #require(Self.firstSent(responder.receive(auth, now: 1)))
        _ = initiator.receive(answer, now: 2)
        #expect(initiator.isEstablished && responder.isEstablished)
    }

    @Test func initiatorAwaitingAuthResponseSurvivesHostileInput() throws {
        let samples = try Self.genuineDatagrams()
        let (initiator, responder) = try Self.sessions(seed: "auth-sent")
        let request = try #require(Self.firstSent(initiator.handle(.start, now: 0)))
        let response = try #require(Self.firstSent(responder.receive(request, now: 0)))
        let auth = try #require(Self.firstSent(initiator.receive(response, now: 1)))
        Self.feed(initiator, samples: samples, count: 600, seed: 4)
        let answer = try #require(Self.firstSent(responder.receive(auth, now: 1)))
        _ = initiator.receive(answer, now: 2)
        #expect(initiator.isEstablished && responder.isEstablished)
    }

    @Test func establishedSessionsDropForgeriesAndKeepWorking() throws {
        let pair = TestSupport.pskPair()
        let loopback = try TestSupport.loopback(pair.0, pair.1, seed: "established")
        loopback.negotiate()
        let samples = loopback.deliveries.map(\.datagram)
        Self.feed(loopback.initiator, samples: samples, count: 400, seed: 5)
        Self.feed(loopback.responder, samples: samples, count: 400, seed: 6)
        #expect(loopback.initiator.isEstablished && loopback.responder.isEstablished)
        let outcome = loopback.issue(.rekeyChildSA(name: "lan"), to: .initiator)
        #expect(outcome.failures.isEmpty)
        LoopbackHandshakeTests.expectMirrored(
            try #require(loopback.initiator.childSAs.first),
            try #require(loopback.responder.childSAs.first))
    }

    @Test func tamperedAuthMessageIsDiscardedAsAnIntegrityFailure() throws {
        let (initiator, responder) = try Self.sessions(seed: "tamper")
        let request = try #require(Self.firstSent(initiator.handle(.start, now: 0)))
        let response = try #require(Self.firstSent(responder.receive(request, now: 0)))
        var auth = try #require(Self.firstSent(initiator.receive(response, now: 1)))
        auth.message[auth.message.count - 1] ^= 0x01
        let actions = responder.receive(auth, now: 1)
        guard case .discarded(let dropped)? = actions.first else {
            Issue.record("expected a discard, got \(actions)")
            return
        }
        #expect(dropped.reason == .integrityCheckFailed)
        #expect(!responder.isClosed)
    }
}
