import IKECore
import Testing

@testable import IKEWire

@Suite("ISAKMP encrypted bodies and padding")
struct ISAKMPEncryptedMessageTests {
    let plaintextPayloads: [ISAKMPPayload] = [
        .identification(ISAKMPIdentificationPayload(IdentificationData(.fqdn("gw"))!)),
        .hash(ISAKMPHashPayload(data: Array(repeating: 0x11, count: 20))),
    ]

    @Test("with the E flag the body stays opaque and the header names the first inner payload")
    func encryptedBodyIsOpaque() throws {
        let header = Samples.isakmpHeader(flags: .encryption)
        var withNext = header
        withNext.nextPayload = .identification
        let message = ISAKMPMessage(header: withNext, body: .encrypted([1, 2, 3, 4, 5, 6, 7, 8]))
        let octets = try message.encode()
        let decoded = try ISAKMPMessage(decoding: octets)
        #expect(decoded.body == .encrypted([1, 2, 3, 4, 5, 6, 7, 8]))
        #expect(decoded.header.nextPayload == .identification)
        #expect(decoded.payloads == nil)
    }

    @Test("decrypted plaintext with zero padding decodes when padding is allowed")
    func zeroPadding() throws {
        let plaintext = try ISAKMPPayloadChain.encode(plaintextPayloads)
        let padded = plaintext + [0, 0, 0, 0, 0, 0, 0]
        #expect(
            try ISAKMPPayloadChain.decode(padded, firstPayload: .identification, allowPadding: true)
                == plaintextPayloads)
        let strict = wireError {
            try ISAKMPPayloadChain.decode(padded, firstPayload: .identification)
        }
        #expect(strict?.code == .trailingOctets)
    }

    @Test("padding whose last octet gives the pad length is accepted, counting itself or not")
    func padLengthConvention() throws {
        let plaintext = try ISAKMPPayloadChain.encode(plaintextPayloads)
        let countsOthers = plaintext + [0x9A, 0x3B, 0x51, 3]
        let countsItself = plaintext + [0x9A, 0x3B, 0x51, 4]
        for padded in [countsOthers, countsItself] {
            #expect(
                try ISAKMPPayloadChain.decode(
                    padded, firstPayload: .identification, allowPadding: true) == plaintextPayloads)
        }
        let garbage = plaintext + [0x9A, 0x3B, 0x51, 9]
        let error = wireError {
            try ISAKMPPayloadChain.decode(
                garbage, firstPayload: .identification, allowPadding: true)
        }
        #expect(error?.code == .invalidPadding)
        #expect(error?.offset == plaintext.count)
    }

    @Test("padding tolerance stops at the last payload: a bad payload inside is still an error")
    func strictWithinPayloads() throws {
        var plaintext = try ISAKMPPayloadChain.encode(plaintextPayloads) + [0, 0, 0, 0]
        plaintext[3] += 40
        let error = wireError {
            try ISAKMPPayloadChain.decode(
                plaintext, firstPayload: .identification, allowPadding: true)
        }
        #expect(error?.code == .truncated)
    }

    @Test("the header length can be patched after encryption")
    func patchLength() throws {
        var octets = try ISAKMPMessage(
            header: Samples.isakmpHeader(flags: .encryption), body: .encrypted([])
        ).encode()
        octets += Array(repeating: 0xC3, count: 32)
        ISAKMPHeader.patchLength(UInt32(octets.count), in: &octets)
        #expect(
            try ISAKMPMessage(decoding: octets).body
                == .encrypted(Array(repeating: 0xC3, count: 32)))
    }
}
