import IKECore
import Testing

@testable import IKEWire

@Suite("IKEv2 payload codecs")
struct IKEv2PayloadCodecTests {
    @Test("every payload type survives encode then decode unchanged")
    func everyPayloadRoundTrips() throws {
        for payload in Samples.ikev2Payloads {
            let message = IKEv2Message(header: Samples.ikev2Header(), payloads: [payload])
            let decoded = try IKEv2Message(decoding: try message.encode())
            #expect(decoded.payloads == [payload], "payload \(payload.type)")
        }
    }

    @Test("a chain of every payload type round-trips, alone and inside a message")
    func chainRoundTrips() throws {
        let chain = try IKEv2PayloadChain.encode(Samples.ikev2Payloads)
        let first = Samples.ikev2Payloads[0].type
        #expect(try IKEv2PayloadChain.decode(chain, firstPayload: first) == Samples.ikev2Payloads)
        for message in Samples.ikev2Messages {
            let octets = try message.encode()
            let decoded = try IKEv2Message(decoding: octets)
            #expect(decoded.payloads == message.payloads)
            #expect(decoded.header.length == UInt32(octets.count))
            #expect(try decoded.encode() == octets)
        }
    }

    @Test("the header carries SPIs, version 2.0, exchange, flags, message ID and length")
    func headerLayout() throws {
        let header = Samples.ikev2Header(
            .createChildSA, flags: [.initiator, .response], messageID: 9)
        let octets = try IKEv2Message(header: header, payloads: []).encode()
        #expect(octets.count == 28)
        #expect(Array(octets[0..<8]) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(Array(octets[8..<16]) == [0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18])
        #expect(Array(octets[16..<20]) == [0, 0x20, 36, 0x28])
        #expect(Array(octets[20..<28]) == [0, 0, 0, 9, 0, 0, 0, 28])
        let decoded = try IKEv2Header(decoding: octets)
        #expect(decoded.flags == [.initiator, .response])
        #expect(decoded.exchangeType == .createChildSA)
    }

    @Test("an unknown payload keeps its critical bit; a known one is sent without it")
    func criticalBit() throws {
        let unknown = IKEv2UnknownPayload(
            type: IKEv2PayloadType(rawValue: 222), isCritical: true, body: [1])
        let chain = try IKEv2PayloadChain.encode([
            .unknown(unknown), .nonce(IKEv2NoncePayload(data: [1, 2])),
        ])
        #expect(chain[1] == 0x80)
        #expect(chain[6] == 0x00)
        var flagged = chain
        flagged[6] = 0xFF  // critical and reserved bits on a Nonce: ignored on receipt
        let decoded = try IKEv2PayloadChain.decode(flagged, firstPayload: unknown.type)
        #expect(decoded[0] == .unknown(unknown))
        #expect(decoded[1] == .nonce(IKEv2NoncePayload(data: [1, 2])))
    }

    @Test("a datagram whose header length differs from its size is rejected")
    func headerLengthMustMatchDatagram() throws {
        var octets = try Samples.ikev2Messages[0].encode()
        octets.append(0)
        #expect(wireError { try IKEv2Message(decoding: octets) }?.code == .lengthMismatch)
        #expect(
            wireError { try IKEv2Message(decoding: Array(octets.prefix(20))) }?.code == .truncated)
    }

    @Test("a major version other than 2 is unsupported, but the header still reads")
    func majorVersionChecked() throws {
        var octets = try Samples.ikev2Messages[3].encode()
        octets[17] = 0x30
        #expect(wireError { try IKEv2Message(decoding: octets) }?.code == .unsupportedVersion)
        #expect(try IKEv2Header(decoding: octets).majorVersion == 3)
    }

    @Test("payload lengths below the header or past the end are rejected with offsets")
    func payloadLengthChecks() throws {
        let nonce = try IKEv2PayloadChain.encode([.nonce(IKEv2NoncePayload(data: [1, 2, 3, 4]))])
        var short = nonce
        short[3] = 3
        let belowHeader = wireError { try IKEv2PayloadChain.decode(short, firstPayload: .nonce) }
        #expect(belowHeader?.code == .invalidPayloadLength)
        #expect(belowHeader?.payloadType == IKEv2PayloadType.nonce.rawValue)
        #expect(belowHeader?.offset == 0)
        var long = nonce
        long[3] = 9
        #expect(
            wireError { try IKEv2PayloadChain.decode(long, firstPayload: .nonce) }?.code
                == .truncated)
        let trailing = wireError { try IKEv2PayloadChain.decode(nonce + [0], firstPayload: .nonce) }
        #expect(trailing?.code == .trailingOctets)
        #expect(trailing?.offset == nonce.count)
        #expect(
            wireError { try IKEv2PayloadChain.decode([], firstPayload: .nonce) }?.code == .truncated
        )
    }

    @Test("an SK payload must be last when encoding, and may not appear inside SK")
    func encryptedPayloadPlacement() throws {
        let sk = IKEv2Payload.encrypted(IKEv2EncryptedPayload(firstInnerPayload: .nonce, body: [1]))
        let misplaced = wireError {
            try IKEv2PayloadChain.encode([sk, .nonce(IKEv2NoncePayload(data: [1]))])
        }
        #expect(misplaced?.code == .misplacedPayload)
        let chain = try IKEv2PayloadChain.encode([sk])
        let nested = wireError { try IKEv2PayloadChain.decode(chain, firstPayload: .encrypted) }
        #expect(nested?.code == .misplacedPayload)
    }

    @Test("SA lengths and counts that disagree are malformed")
    func saConsistency() throws {
        let sa = IKEv2Payload.securityAssociation(
            IKEv2SAPayload(proposals: [IKEv2Proposal(number: 1, proposal: Samples.espProposal)]))
        let good = try IKEv2PayloadChain.encode([sa])

        var countTooHigh = good
        countTooHigh[11] += 1  // Num Transforms
        var lastFlagWrong = good
        lastFlagWrong[4] = 2  // the only proposal claims more follow
        var transformLastWrong = good
        transformLastWrong[12] = 0  // the first of several transforms claims to be last
        var proposalTooShort = good
        proposalTooShort[7] = 7
        for bad in [countTooHigh, lastFlagWrong, transformLastWrong, proposalTooShort] {
            let error = wireError {
                try IKEv2PayloadChain.decode(bad, firstPayload: .securityAssociation)
            }
            #expect(error?.code == .malformedPayload)
            #expect(error?.payloadType == 33)
        }
    }

    @Test("fields inside fixed-layout payloads must fit the payload length")
    func fixedFieldsMustFit() throws {
        let cases: [(IKEv2PayloadType, [UInt8])] = [
            (.keyExchange, [0, 19, 0]),
            (.notify, [0, 4, 0x40]),
            (.notify, [0, 4, 0x40, 0x04, 1, 2]),
            (.delete, [3, 4, 0, 2, 1, 2, 3, 4]),
            (
                .trafficSelectorInitiator,
                [1, 0, 0, 0, 7, 0, 0, 15] + Array(repeating: 0, count: 11)
            ),
            (
                .trafficSelectorInitiator,
                [2, 0, 0, 0, 7, 0, 0, 16] + Array(repeating: 0, count: 12)
            ),
            (.encryptedFragment, [0, 3, 0, 2, 0xAA]),
            (.authentication, [2, 0]),
            (.configuration, [1, 0, 0, 0, 0, 1, 0, 4, 1]),
        ]
        for (type, body) in cases {
            let payload = [0, 0, 0, UInt8(4 + body.count)] + body
            let error = wireError { try IKEv2PayloadChain.decode(payload, firstPayload: type) }
            #expect(error?.code == .malformedPayload, "\(type) \(body)")
        }
    }

    @Test("values that do not fit their wire field are rejected when encoding")
    func encodingLimits() throws {
        let huge = IKEv2Payload.nonce(IKEv2NoncePayload(data: Array(repeating: 0, count: 70_000)))
        #expect(wireError { try IKEv2PayloadChain.encode([huge]) }?.code == .valueTooLarge)
        let badDelete = IKEv2DeletePayload(protocolID: 3, spiSize: 4, spis: [[1, 2]])
        #expect(
            wireError { try IKEv2PayloadChain.encode([.delete(badDelete)]) }?.code
                == .malformedPayload)
        let wideType = IKEv2Transform(
            type: 1, transformID: 12, attributes: [DataAttribute(type: 0x8000, value: .basic(1))])
        let proposal = IKEv2Proposal(number: 1, protocolID: 1, spi: [], transforms: [wideType])
        let sa = IKEv2Payload.securityAssociation(IKEv2SAPayload(proposals: [proposal]))
        #expect(wireError { try IKEv2PayloadChain.encode([sa]) }?.code == .valueTooLarge)
    }

    @Test("the ID payload body is what AUTH signs, reserved octets included")
    func identificationBody() throws {
        let payload = IKEv2IdentificationPayload(IdentificationData(.fqdn("gw"))!)
        #expect(payload.bodyOctets == [2, 0, 0, 0, 0x67, 0x77])
        var chain = try IKEv2PayloadChain.encode([.identificationInitiator(payload)])
        chain[6] = 0x5A
        let decoded = try IKEv2PayloadChain.decode(chain, firstPayload: .identificationInitiator)
        guard case .identificationInitiator(let received) = decoded[0] else {
            Issue.record("not an IDi")
            return
        }
        #expect(received.bodyOctets == Array(chain[4...]))
    }
}
