import IKECore
import IKECrypto
import IKEEngine
import IKEWire
import Testing

/// Random, truncated and mutated datagrams in every state of a handshake: each ends in a
/// discard or a typed failure, never a crash, and a discarded one leaves the session
/// able to finish the handshake with the genuine message.
@Suite("IKEv1 sessions survive hostile input")
struct IKEv1RobustnessTests {
    typealias Support = IKEv1TestSupport

    /// Two sessions driven one datagram at a time.
    final class Driver {
        let initiator: any IKESession
        let responder: any IKESession
        var queue: [(to: IKERole, datagram: Datagram)] = []
        var now = 0.0

        init(_ pair: (IKEPeerConfiguration, IKEPeerConfiguration)) throws {
            initiator = try SessionFactory.makeSession(
                configuration: pair.0, role: .initiator, random: SeededRandom(seed: "robust/i"))
            responder = try SessionFactory.makeSession(
                configuration: pair.1, role: .responder, random: SeededRandom(seed: "robust/r"))
            enqueue(initiator.handle(.start, now: now), from: .initiator)
        }

        func session(_ role: IKERole) -> any IKESession {
            role == .initiator ? initiator : responder
        }

        func enqueue(_ actions: [SessionAction], from role: IKERole) {
            for case .send(let datagram) in actions { queue.append((role.peer, datagram)) }
        }

        /// Delivers the next queued datagram.
        func step() {
            guard !queue.isEmpty else { return }
            let (to, datagram) = queue.removeFirst()
            now += 0.001
            enqueue(session(to).receive(datagram, now: now), from: to)
        }

        /// Delivers `datagram` to `role` out of turn and returns the actions.
        func inject(_ datagram: Datagram, to role: IKERole) -> [SessionAction] {
            let actions = session(role).receive(datagram, now: now)
            enqueue(actions, from: role)
            return actions
        }

        func runToEnd() {
            var limit = 100
            while !queue.isEmpty && limit > 0 {
                step()
                limit -= 1
            }
        }
    }

    /// Variations of a genuine message: truncations, flipped octets, a wrong length
    /// field, random bodies behind its header, and random octets.
    static func mutations(of message: [UInt8], random: SeededRandom, flips: Int) -> [[UInt8]] {
        var result: [[UInt8]] = [[], [0x00], Array(message.prefix(27)), Array(message.prefix(28))]
        result.append(Array(message.prefix(message.count / 2)))
        result.append(Array(message.dropLast()))
        result.append(message + [0])
        for index in 0..<flips where !message.isEmpty {
            var flipped = message
            let position = Int(random.bytes(2).reduce(0) { $0 << 8 | Int($1) }) % message.count
            flipped[position] ^= UInt8(1 << (index % 8))
            result.append(flipped)
        }
        if message.count >= 28 {
            var lengthLie = message
            lengthLie[27] ^= 0x04
            result.append(lengthLie)
            var body = Array(message.prefix(28)) + random.bytes(max(0, message.count - 28))
            ISAKMPHeader.patchLength(UInt32(body.count), in: &body)
            result.append(body)
        }
        result.append(random.bytes(64))
        result.append(random.bytes(500))
        return result
    }

    static func check(
        _ pair: (IKEPeerConfiguration, IKEPeerConfiguration), flips: Int, messages: Int
    ) throws {
        let random = SeededRandom(seed: "mutations")
        for step in 0..<messages {
            let probe = try Driver(pair)
            for _ in 0..<step { probe.step() }
            guard let (recipient, genuine) = probe.queue.first else { break }
            for mutated in mutations(of: genuine.message, random: random, flips: flips) {
                let driver = try Driver(pair)
                for _ in 0..<step { driver.step() }
                let forged = Datagram(
                    source: genuine.source, destination: genuine.destination, message: mutated)
                let actions = driver.inject(forged, to: recipient)
                let onlyDiscarded = actions.allSatisfy {
                    if case .discarded = $0 { return true }
                    return false
                }
                guard onlyDiscarded else { continue }
                // Dropped without effect: the genuine message still completes the run.
                driver.runToEnd()
                #expect(
                    driver.initiator.isEstablished && driver.responder.isEstablished,
                    "step \(step) after a discarded mutation of \(mutated.count) octets")
                #expect(driver.initiator.childSAs.count == 1)
            }
        }
    }

    @Test func mainModeWithAPreSharedKey() throws {
        try Self.check(
            Support.pskPair(ike: [TestSupport.ike("aes128-sha256-ecp256")]), flips: 24,
            messages: 9)
    }

    @Test func aggressiveModeWithAPreSharedKey() throws {
        try Self.check(
            Support.pskPair(ike: [TestSupport.ike("aes128-sha256-ecp256")], mode: .aggressive),
            flips: 24, messages: 6)
    }

    @Test func mainModeWithRevisedPublicKeyEncryption() throws {
        try Self.check(
            try Support.encryptionPair(
                revised: true, ike: [TestSupport.ike("aes128-sha1-ecp256")]), flips: 6,
            messages: 9)
    }

    @Test func mainModeWithECDSACertificates() throws {
        try Self.check(
            try Support.certificatePair(
                "ecdsa", ike: [TestSupport.ike("3des-sha1-ecp256")]), flips: 6, messages: 9)
    }

    @Test func garbageOnAnEstablishedSessionChangesNothing() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        let random = SeededRandom(seed: "garbage")
        let template = loopback.deliveries[6].datagram
        for mutated in Self.mutations(of: template.message, random: random, flips: 40) {
            let forged = Datagram(
                source: template.source, destination: template.destination, message: mutated)
            let outcome = loopback.inject(forged, to: .responder)
            #expect(outcome.failures.isEmpty)
        }
        #expect(loopback.responder.childSAs.count == 1)
        let rekey = loopback.issue(.rekeyChildSA(name: "lan"), to: .initiator)
        #expect(rekey.failures.isEmpty)
    }

    @Test func aRetransmittedRequestGetsTheStoredAnswerAgain() throws {
        let driver = try Driver(Support.pskPair())
        for _ in 0..<2 { driver.step() }
        // The responder holds message 3; deliver it, then again.
        let (_, message3) = try #require(driver.queue.first)
        driver.step()
        let actions = driver.inject(message3, to: .responder)
        #expect(
            actions.contains {
                if case .discarded(let discarded) = $0 {
                    return discarded.reason == .retransmission
                }
                return false
            })
        #expect(
            actions.contains {
                if case .send = $0 { return true }
                return false
            })
        driver.queue.removeLast()
        driver.runToEnd()
        #expect(driver.initiator.isEstablished && driver.responder.isEstablished)
    }

    @Test func aRepeatedFirstMessageGetsTheResponderAnswerAgain() throws {
        let driver = try Driver(Support.pskPair())
        let (_, message1) = try #require(driver.queue.first)
        driver.step()
        let actions = driver.inject(message1, to: .responder)
        #expect(actions.count == 2)
        #expect(driver.queue.count == 2)
        #expect(driver.queue[0].datagram == driver.queue[1].datagram)
        driver.queue.removeLast()
        driver.runToEnd()
        #expect(driver.initiator.isEstablished && driver.responder.isEstablished)
    }
}
