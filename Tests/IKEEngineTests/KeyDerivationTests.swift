import IKECore
import IKECrypto
import IKEEngine
import IKEWire
import Testing

/// Records every draw so the test can recover the X25519 private values.
final class RecordingRandom: RandomSource {
    private let inner: SeededRandom
    private(set) var draws: [[UInt8]] = []

    init(seed: String) { inner = SeededRandom(seed: seed) }

    func bytes(_ count: Int) -> [UInt8] {
        let value = inner.bytes(count)
        draws.append(value)
        return value
    }
}

@Suite("IKEv2 key derivation recomputed independently")
struct KeyDerivationTests {
    /// prf+ (RFC 7296 section 2.13) written out with HMAC alone.
    static func prfPlus(_ hmac: HMAC, key: [UInt8], seed: [UInt8], length: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        var previous: [UInt8] = []
        var counter: UInt8 = 1
        while output.count < length {
            previous = try hmac(key: key, data: previous + seed + [counter])
            output += previous
            counter += 1
        }
        return Array(output.prefix(length))
    }

    static func spi(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * $0)) }
    }

    @Test func ikeAndChildKeysMatchTheRFCFormulas() throws {
        let pair = TestSupport.pskPair()
        let initiatorRandom = RecordingRandom(seed: "kat/initiator")
        let responderRandom = RecordingRandom(seed: "kat/responder")
        let loopback = try LoopbackExchange(
            initiator: pair.0, responder: pair.1, initiatorRandom: initiatorRandom,
            responderRandom: responderRandom)
        loopback.negotiate()
        let sa = try #require(loopback.initiator.ikeSA)

        // Ni, Nr and both KE payloads from the IKE_SA_INIT messages on the wire.
        let request = try IKEv2Message(decoding: loopback.deliveries[0].datagram.message)
        let response = try IKEv2Message(decoding: loopback.deliveries[1].datagram.message)
        func nonce(_ message: IKEv2Message) -> [UInt8]? {
            for case .nonce(let nonce) in message.payloads { return nonce.data }
            return nil
        }
        func keyExchange(_ message: IKEv2Message) -> [UInt8]? {
            for case .keyExchange(let ke) in message.payloads { return ke.keyData }
            return nil
        }
        let ni = try #require(nonce(request))
        let nr = try #require(nonce(response))
        let responderPublic = try #require(keyExchange(response))

        // The initiator drew SPIi, Ni, then its X25519 private value.
        #expect(initiatorRandom.draws[1] == ni)
        let privateValue = initiatorRandom.draws[2]
        let pairFromDraw = try DHKeyPair(
            group: .curve25519, privateValue: SecretBytes(privateValue))
        #expect(pairFromDraw.publicValue == (keyExchange(request) ?? []))
        let sharedSecret = try pairFromDraw.sharedSecret(peerPublicValue: responderPublic).revealed

        // SKEYSEED = prf(Ni | Nr, g^ir); the seven keys from prf+ with SHA-384.
        let hmac = HMAC(.sha384)
        let skeyseed = try hmac(key: ni + nr, data: sharedSecret)
        let seed = ni + nr + Self.spi(sa.initiatorSPI) + Self.spi(sa.responderSPI)
        let stream = try Self.prfPlus(hmac, key: skeyseed, seed: seed, length: 48 * 3 + 36 * 2)
        guard case .v2(let keys) = sa.keys else {
            Issue.record("not IKEv2 keys")
            return
        }
        #expect(keys.skD.revealed == Array(stream[0..<48]))
        #expect(keys.skAi.isEmpty && keys.skAr.isEmpty)
        #expect(keys.skEi.revealed == Array(stream[48..<84]))
        #expect(keys.skEr.revealed == Array(stream[84..<120]))
        #expect(keys.skPi.revealed == Array(stream[120..<168]))
        #expect(keys.skPr.revealed == Array(stream[168..<216]))

        // KEYMAT = prf+(SK_d, Ni | Nr): initiator-to-responder key first.
        let keymat = try Self.prfPlus(hmac, key: keys.skD.revealed, seed: ni + nr, length: 72)
        let child = try #require(loopback.initiator.childSAs.first)
        #expect(child.keys.outboundEncryptionKey.revealed == Array(keymat[0..<36]))
        #expect(child.keys.inboundEncryptionKey.revealed == Array(keymat[36..<72]))
    }

    @Test func rfc4868HMACSHA256KnownAnswerUnderlyingThePRF() throws {
        // RFC 4231 test case 2, the HMAC-SHA-256 under PRF_HMAC_SHA2_256.
        let prf = try PRF(.hmacSHA256)
        let mac = try prf(
            key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(
            mac.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
