import IKECore
import Testing

@testable import IKEWire

@Suite("ISAKMP hand-written Main Mode fixture")
struct ISAKMPFixtureTests {
    @Test("the first Main Mode message decodes field by field")
    func mainModeFirstMessage() throws {
        let octets = try Fixture.hex("ikev1-main-mode-1.hex")
        let message = try ISAKMPMessage(decoding: octets)

        let header = message.header
        #expect(header.initiatorCookie == 0xA1A2_A3A4_A5A6_A7A8)
        #expect(header.responderCookie == 0)
        #expect(header.nextPayload == .securityAssociation)
        #expect(header.majorVersion == 1 && header.minorVersion == 0)
        #expect(header.exchangeType == .identityProtection)
        #expect(header.flags.isEmpty)
        #expect(header.messageID == 0)
        #expect(header.length == 160)

        let payloads = try #require(message.payloads)
        #expect(payloads.map(\.type) == [.securityAssociation, .vendorID, .vendorID])
        guard case .securityAssociation(let sa) = payloads[0] else {
            Issue.record("no SA")
            return
        }
        #expect(sa.doi == 1 && sa.situation == 1)
        let proposal = try #require(sa.proposals.first)
        #expect(sa.proposals.count == 1)
        #expect(proposal.number == 1 && proposal.protocolID == 1 && proposal.spi.isEmpty)
        #expect(proposal.transforms.map(\.number) == [1, 2])
        #expect(proposal.transforms.map(\.transformID) == [1, 1])
        #expect(
            proposal.transforms[0].attributes.last
                == DataAttribute(type: 12, value: .variable([0, 1, 0x51, 0x80])))

        let transforms = proposal.phase1Transforms
        #expect(
            transforms == [
                IKEv1Phase1Transform(
                    number: 1, cipher: Cipher(.aesCBC, keyBits: 256), hash: .sha256,
                    authMethod: .preSharedKey, group: .modp2048, lifeSeconds: 86_400),
                IKEv1Phase1Transform(
                    number: 2, cipher: Cipher(.tripleDES), hash: .sha1, authMethod: .rsaSignature,
                    group: .modp1024, lifeSeconds: 3_600),
            ])

        #expect(
            payloads[1]
                == .vendorID(
                    ISAKMPVendorIDPayload(data: [UInt8](hex: "4a131c81070358455c5728f20e95452f")!)))
        #expect(
            payloads[2]
                == .vendorID(
                    ISAKMPVendorIDPayload(data: [UInt8](hex: "afcad71368a1f1c96b8696fc77570100")!)))
    }

    @Test("payload bodies come out exactly as received, for HASH_I over SAi_b")
    func payloadBodies() throws {
        var octets = try Fixture.hex("ikev1-main-mode-1.hex")
        octets[28 + 12 + 1] = 0xEE  // a RESERVED octet the sender set: kept in SAi_b
        let bodies = try ISAKMPPayloadChain.payloadBodies(
            Array(octets[28...]), firstPayload: .securityAssociation)
        #expect(bodies.map(\.type) == [.securityAssociation, .vendorID, .vendorID])
        #expect(bodies[0].body == Array(octets[32..<120]))
        #expect(bodies[2].body == Array(octets[144..<160]))
        let truncated = wireError {
            try ISAKMPPayloadChain.payloadBodies(
                Array(octets[28..<100]), firstPayload: .securityAssociation)
        }
        #expect(truncated?.code == .truncated)
    }

    @Test("the fixture re-encodes to the same octets, and typed transforms to the same SA")
    func reencodes() throws {
        let octets = try Fixture.hex("ikev1-main-mode-1.hex")
        let message = try ISAKMPMessage(decoding: octets)
        #expect(try message.encode() == octets)
        guard case .securityAssociation(let sa)? = message.payloads?.first else {
            Issue.record("no SA")
            return
        }
        #expect(
            ISAKMPProposal.phase1(transforms: sa.proposals[0].phase1Transforms) == sa.proposals[0])
    }
}
