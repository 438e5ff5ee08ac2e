import Foundation
import IKECore
import Testing

@testable import IKEEngine

/// One known-answer ESP packet from the fixture file.
struct ESPKnownAnswer: Decodable, Sendable, CustomTestStringConvertible {
    let source: String
    let cipher: UInt16
    let keyBits: Int?
    let key: String
    let spi: UInt32
    let sequenceNumber: UInt64
    let esn: Bool
    let iv: String
    let nextHeader: UInt8
    let payload: String
    /// The whole ESP packet, when the vector gives one.
    let esp: String?
    /// The start of the ciphertext, for raw cipher vectors (RFC 3686).
    let ciphertextPrefix: String?

    var testDescription: String { source }

    static let all: [ESPKnownAnswer] = {
        do {
            let data = try IPsecTestSupport.fixture("esp-known-answers.json")
            return try JSONDecoder().decode([ESPKnownAnswer].self, from: data)
        } catch {
            preconditionFailure("esp-known-answers.json cannot be read: \(error)")
        }
    }()

    func makeSA() throws -> ESPSecurityAssociation {
        guard let algorithm = EncryptionAlgorithm(rawValue: cipher) else {
            preconditionFailure("unknown cipher \(cipher) in the fixture")
        }
        return try ESPSecurityAssociation(
            spi: spi, cipher: Cipher(algorithm, keyBits: keyBits),
            encryptionKey: SecretBytes(IPsecTestSupport.hex(key)), extendedSequenceNumbers: esn,
            ivGeneration: .random)
    }
}

@Suite("ESP known answers")
struct ESPKnownAnswerTests {
    @Test(arguments: ESPKnownAnswer.all)
    func sealProducesTheRFCPacketAndOpenRecoversThePayload(_ vector: ESPKnownAnswer) throws {
        var outbound = try vector.makeSA()
        outbound.counter.last = vector.sequenceNumber - 1
        let random = IPsecFixedRandom(IPsecTestSupport.hex(vector.iv))
        let payload = IPsecTestSupport.hex(vector.payload)
        let sealed = try outbound.seal(
            payload: payload, nextHeader: vector.nextHeader, random: random)

        if let esp = vector.esp {
            #expect(sealed.hexString == esp)
        }
        if let prefix = vector.ciphertextPrefix {
            let start = 8 + IPsecTestSupport.hex(vector.iv).count
            let expected = IPsecTestSupport.hex(prefix)
            #expect(Array(sealed[start..<(start + expected.count)]) == expected)
        }

        var inbound = try vector.makeSA()
        if vector.sequenceNumber > 1 { inbound.replayWindow.accept(vector.sequenceNumber - 1) }
        let opened = try inbound.open(sealed)
        #expect(opened.payload == payload)
        #expect(opened.nextHeader == vector.nextHeader)
        #expect(opened.sequenceNumber == vector.sequenceNumber)
    }

    /// RFC 3602 section 4 case #5 gives the whole transport-mode packet: the original
    /// header is kept, with protocol 50, the new total length and its checksum.
    @Test func transportModePacketMatchesRFC3602Case5() throws {
        guard let vector = ESPKnownAnswer.all.first(where: { $0.source.contains("3602") }) else {
            Issue.record("the fixture lacks RFC 3602 case #5")
            return
        }
        let original = IPsecTestSupport.hex(
            "45000054 08f20000 4001f9fe c0a87b03 c0a87b64" + vector.payload)
        let packet = try IPPacket(parsing: original)
        var outbound = try vector.makeSA()
        let sealed = try outbound.sealPacket(
            packet, random: IPsecFixedRandom(IPsecTestSupport.hex(vector.iv)))
        let expected = "4500007c08f200004032f9a5c0a87b03c0a87b64" + (vector.esp ?? "")
        #expect(try sealed.encoded().hexString == expected)

        var inbound = try vector.makeSA()
        #expect(try inbound.openPacket(IPPacket(parsing: try sealed.encoded())) == packet)
    }

    /// RFC 7634 appendix A is a tunnel-mode packet: the payload is a whole IPv4 packet.
    @Test func chaCha20Poly1305TunnelPayloadIsTheRFC7634InnerPacket() throws {
        guard let vector = ESPKnownAnswer.all.first(where: { $0.source.contains("7634") }) else {
            Issue.record("the fixture lacks RFC 7634 appendix A")
            return
        }
        let inner = try IPPacket(parsing: IPsecTestSupport.hex(vector.payload))
        #expect(inner.source == IPsecTestSupport.address("198.51.100.5"))
        #expect(inner.destination == IPsecTestSupport.address("192.0.2.5"))
        #expect(try ICMPEcho(parsing: inner).isReply == false)
    }
}
