import IKECore
import Testing

@testable import IKEWire

@Suite("IKEv2 hand-written IKE_SA_INIT fixtures")
struct IKEv2FixtureTests {
    @Test("the IKE_SA_INIT request decodes field by field")
    func saInitRequest() throws {
        let octets = try Fixture.hex("ikev2-sa-init-request.hex")
        let message = try IKEv2Message(decoding: octets)

        let header = message.header
        #expect(header.initiatorSPI == 0x0102_0304_0506_0708)
        #expect(header.responderSPI == 0)
        #expect(header.nextPayload == .securityAssociation)
        #expect(header.majorVersion == 2 && header.minorVersion == 0)
        #expect(header.exchangeType == .ikeSAInit)
        #expect(header.flags == .initiator)
        #expect(header.messageID == 0)
        #expect(header.length == 252)
        #expect(
            message.payloads.map(\.type) == [
                .securityAssociation, .keyExchange, .nonce, .notify, .notify, .notify, .notify,
                .vendorID,
            ])

        guard case .securityAssociation(let sa) = message.payloads[0] else {
            Issue.record("first payload is not SA")
            return
        }
        #expect(sa.proposals.count == 1)
        let proposal = sa.proposals[0]
        #expect(proposal.number == 1 && proposal.protocolID == 1 && proposal.spi.isEmpty)
        #expect(proposal.transforms.map(\.type) == [1, 2, 4, 4])
        #expect(proposal.transforms.map(\.transformID) == [20, 6, 31, 19])
        #expect(proposal.transforms[0].attributes == [DataAttribute(type: 14, value: .basic(256))])
        #expect(
            proposal.proposal
                == Proposal(
                    protocolID: .ike, encryption: [Cipher(.aesGCM16, keyBits: 256)],
                    prf: [.hmacSHA384], dhGroups: [.curve25519, .ecp256]))

        guard case .keyExchange(let ke) = message.payloads[1],
            case .nonce(let nonce) = message.payloads[2]
        else {
            Issue.record("KE and Nonce are not in place")
            return
        }
        #expect(ke.dhGroup == .curve25519)
        #expect(ke.keyData == Array(0...31))
        #expect(nonce.data == Array(0xA0...0xBF))

        let notifies = message.notifications
        #expect(
            notifies.map(\.type) == [
                .natDetectionSourceIP, .natDetectionDestinationIP, .signatureHashAlgorithms,
                .ikev2FragmentationSupported,
            ])
        #expect(notifies.allSatisfy { $0.protocolID == 0 && $0.spi.isEmpty })
        #expect(notifies[0].data == Array(repeating: 0x51, count: 20))
        #expect(notifies[1].data == Array(repeating: 0xD1, count: 20))
        #expect(notifies[2].signatureHashAlgorithms == [.sha256, .sha384, .sha512, .identity])
        #expect(notifies[3].data.isEmpty)
        #expect(
            message.payloads[7]
                == .vendorID(IKEv2VendorIDPayload(data: Array("ikec-wire-test-1".utf8))))
    }

    @Test("the IKE_SA_INIT response decodes field by field and selects one proposal")
    func saInitResponse() throws {
        let octets = try Fixture.hex("ikev2-sa-init-response.hex")
        let message = try IKEv2Message(decoding: octets)

        #expect(message.header.initiatorSPI == 0x0102_0304_0506_0708)
        #expect(message.header.responderSPI == 0x1112_1314_1516_1718)
        #expect(message.header.flags == .response)
        #expect(message.header.exchangeType == .ikeSAInit)
        #expect(message.header.length == 245)
        #expect(
            message.payloads.map(\.type) == [
                .securityAssociation, .keyExchange, .nonce, .notify, .notify, .certificateRequest,
                .notify, .notify,
            ])

        guard case .securityAssociation(let sa) = message.payloads[0],
            let selected = IKEv2SelectedProposal(sa.proposals[0])
        else {
            Issue.record("no selectable SA")
            return
        }
        #expect(selected.number == 1 && selected.protocolID == .ike)
        #expect(selected.encryption == Cipher(.aesGCM16, keyBits: 256))
        #expect(selected.prf == .hmacSHA384)
        #expect(selected.integrity == nil)
        #expect(selected.dhGroup == .curve25519)

        guard case .certificateRequest(let request) = message.payloads[5] else {
            Issue.record("no CERTREQ")
            return
        }
        #expect(request.encoding == .x509Signature)
        #expect(request.authorityKeyHashes == [Array(repeating: 0x3C, count: 20)])
        #expect(
            message.notification(.signatureHashAlgorithms)?.signatureHashAlgorithms == [
                .sha256, .sha512,
            ])
        #expect(message.notification(.multipleAuthSupported) != nil)
        #expect(message.notifications.count == 4)
    }

    @Test("both fixtures re-encode to exactly the same octets")
    func fixturesReencode() throws {
        for name in ["ikev2-sa-init-request.hex", "ikev2-sa-init-response.hex"] {
            let octets = try Fixture.hex(name)
            #expect(try IKEv2Message(decoding: octets).encode() == octets, "\(name)")
        }
    }
}
