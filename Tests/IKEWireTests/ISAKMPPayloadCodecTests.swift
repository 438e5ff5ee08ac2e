import IKECore
import Testing

@testable import IKEWire

@Suite("ISAKMP payload codecs")
struct ISAKMPPayloadCodecTests {
    @Test("every payload type survives encode then decode unchanged")
    func everyPayloadRoundTrips() throws {
        for payload in Samples.isakmpPayloads {
            let message = ISAKMPMessage(header: Samples.isakmpHeader(), payloads: [payload])
            let decoded = try ISAKMPMessage(decoding: try message.encode())
            #expect(decoded.payloads == [payload], "payload \(payload.type)")
        }
    }

    @Test("sample messages round-trip octet for octet")
    func messagesRoundTrip() throws {
        for message in Samples.isakmpMessages {
            let octets = try message.encode()
            let decoded = try ISAKMPMessage(decoding: octets)
            #expect(decoded.body == message.body)
            #expect(decoded.header.length == UInt32(octets.count))
            #expect(try decoded.encode() == octets)
        }
    }

    @Test("NAT-D and NAT-OA keep the draft numbers 130 and 131 when received with them")
    func draftNATNumbers() throws {
        let payloads: [ISAKMPPayload] = [
            .natDiscovery(ISAKMPNATDiscoveryPayload(hash: [1], usesDraftNumber: true)),
            .natOriginalAddress(
                ISAKMPNATOriginalAddressPayload(
                    address: IPAddress("10.0.0.1")!, usesDraftNumber: true)),
            .natDiscovery(ISAKMPNATDiscoveryPayload(hash: [2])),
        ]
        #expect(payloads.map(\.type.rawValue) == [130, 131, 20])
        let chain = try ISAKMPPayloadChain.encode(payloads)
        #expect(chain[0] == 131 && chain[5] == 20)
        #expect(try ISAKMPPayloadChain.decode(chain, firstPayload: .natDiscoveryDraft) == payloads)
        guard case .natOriginalAddress(let oa) = payloads[1] else { return }
        #expect(oa.address == IPAddress("10.0.0.1"))
        #expect(ISAKMPNATOriginalAddressPayload(idType: 1, addressOctets: [1, 2]).address == nil)
    }

    @Test("a Proposal or Transform payload outside an SA payload is misplaced")
    func proposalOutsideSA() throws {
        let bytes: [UInt8] = [0, 0, 0, 8, 1, 1, 0, 0]
        let error = wireError { try ISAKMPPayloadChain.decode(bytes, firstPayload: .proposal) }
        #expect(error?.code == .misplacedPayload)
        #expect(error?.payloadType == 2)
    }

    @Test("SA lengths and counts that disagree are malformed")
    func saConsistency() throws {
        let good = try ISAKMPPayloadChain.encode([
            .securityAssociation(ISAKMPSAPayload(proposals: [Samples.quickModeProposal]))
        ])
        // generic header 0-3, DOI 4-7, situation 8-11, proposal from 12
        var countTooHigh = good
        countTooHigh[19] += 1
        var proposalNext = good
        proposalNext[12] = 2
        var transformNext = good
        transformNext[24] = 0
        var transformShort = good
        transformShort[27] = 4
        for bad in [countTooHigh, proposalNext, transformNext, transformShort] {
            let error = wireError {
                try ISAKMPPayloadChain.decode(bad, firstPayload: .securityAssociation)
            }
            #expect(error?.code == .malformedPayload)
            #expect(error?.payloadType == 1)
        }
    }

    @Test("an IPsec situation with labeled-domain data is reported as unsupported")
    func labeledDomainSituation() throws {
        var bytes = try ISAKMPPayloadChain.encode([
            .securityAssociation(ISAKMPSAPayload(proposals: []))
        ])
        bytes[11] = 0x03  // SIT_IDENTITY_ONLY | SIT_SECRECY
        let error = wireError {
            try ISAKMPPayloadChain.decode(bytes, firstPayload: .securityAssociation)
        }
        #expect(error?.code == .unsupportedValue)
    }

    @Test("fields inside fixed-layout payloads must fit the payload length")
    func fixedFieldsMustFit() throws {
        let cases: [(ISAKMPPayloadType, [UInt8])] = [
            (.notification, [0, 0, 0, 1, 1, 16, 0]),
            (.notification, [0, 0, 0, 1, 1, 16, 0, 14, 1, 2]),
            (.delete, [0, 0, 0, 1, 3, 4, 0, 1, 1, 2, 3]),
            (.identification, [1, 17, 1]),
            (.natOriginalAddress, [1, 0]),
            (.attribute, [1, 0, 0, 7, 0x80, 1]),
            (.securityAssociation, [0, 0, 0, 1, 0, 0]),
        ]
        for (type, body) in cases {
            let payload = [0, 0, 0, UInt8(4 + body.count)] + body
            let error = wireError { try ISAKMPPayloadChain.decode(payload, firstPayload: type) }
            #expect(error?.code == .malformedPayload, "\(type) \(body)")
        }
    }

    @Test("the header carries cookies, version 1.0, exchange, flags, message ID and length")
    func headerLayout() throws {
        let header = Samples.isakmpHeader(
            .quickMode, flags: [.encryption, .commit], messageID: 0xA0B0_C0D0)
        let octets = try ISAKMPMessage(header: header, body: .encrypted([])).encode()
        #expect(Array(octets[16..<20]) == [0, 0x10, 32, 3])
        #expect(Array(octets[20..<28]) == [0xA0, 0xB0, 0xC0, 0xD0, 0, 0, 0, 28])
        #expect(try ISAKMPHeader(decoding: octets).flags == [.encryption, .commit])
        var v2 = octets
        v2[17] = 0x20
        #expect(wireError { try ISAKMPMessage(decoding: v2) }?.code == .unsupportedVersion)
        #expect(wireError { try ISAKMPMessage(decoding: octets + [0]) }?.code == .lengthMismatch)
    }

    @Test("the ID payload body is what HASH_I covers")
    func identificationBody() {
        let payload = ISAKMPIdentificationPayload(
            IdentificationData(.fqdn("gw"))!, protocolID: 17, port: 500)
        #expect(payload.bodyOctets == [2, 17, 0x01, 0xF4, 0x67, 0x77])
    }

    @Test("notification helpers read responder lifetimes and DPD sequence numbers")
    func notificationHelpers() throws {
        let lifetime = try ISAKMPNotificationPayload.responderLifetime(
            protocolID: .esp, spi: [1, 2, 3, 4],
            attributes: [DataAttribute(type: 1, value: .basic(1)), .integer(type: 2, 28_800)])
        #expect(lifetime.protocolID == 3 && lifetime.type.rawValue == 24_576)
        #expect(
            try lifetime.responderLifetimeAttributes()
                == [
                    DataAttribute(type: 1, value: .basic(1)),
                    DataAttribute(type: 2, value: .basic(28_800)),
                ])
        let broken = ISAKMPNotificationPayload(type: .responderLifetime, data: [0, 2, 0, 4, 0])
        #expect(wireError { try broken.responderLifetimeAttributes() }?.code == .malformedPayload)
        let dpd = ISAKMPNotificationPayload(type: .rUThere, data: [0, 0, 1, 0])
        #expect(dpd.dpdSequenceNumber == 256)
        #expect(ISAKMPNotificationPayload(type: .rUThereAck, data: [1]).dpdSequenceNumber == nil)
    }

    @Test("notify and exchange numbers follow RFC 2408, 2407 and 3706")
    func registryNumbers() {
        let numbers: [(ISAKMPNotifyType, UInt16)] = [
            (.noProposalChosen, 14), (.payloadMalformed, 16), (.invalidIDInformation, 18),
            (.invalidHashInformation, 23), (.authenticationFailed, 24), (.invalidSignature, 25),
            (.connected, 16_384), (.responderLifetime, 24_576), (.replayStatus, 24_577),
            (.initialContact, 24_578), (.rUThere, 36_136), (.rUThereAck, 36_137),
        ]
        for (type, number) in numbers { #expect(type.rawValue == number, "\(type)") }
        #expect(ISAKMPNotifyType.invalidIDInformation.description == "INVALID-ID-INFORMATION")
        let exchanges: [(ISAKMPExchangeType, UInt8)] = [
            (.identityProtection, 2), (.aggressive, 4), (.informational, 5), (.transaction, 6),
            (.quickMode, 32), (.newGroupMode, 33),
        ]
        for (type, number) in exchanges { #expect(type.rawValue == number) }
    }
}
