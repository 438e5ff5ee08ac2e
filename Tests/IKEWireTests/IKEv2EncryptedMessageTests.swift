import IKECore
import Testing

@testable import IKEWire

@Suite("IKEv2 encrypted messages and associated data")
struct IKEv2EncryptedMessageTests {
    let header = Samples.ikev2Header(.ikeAuth, messageID: 1)
    let body = [UInt8](repeating: 0xE5, count: 80)

    @Test("the SK prefix is the message up to the SK generic header, with final lengths")
    func encryptedPrefixMatchesMessage() throws {
        let cleartext: [IKEv2Payload] = [.vendorID(IKEv2VendorIDPayload(data: [1, 2, 3]))]
        let prefix = try IKEv2Message.encryptedPrefix(
            header: header, cleartextPayloads: cleartext,
            firstInnerPayload: .identificationInitiator,
            encryptedBodyLength: body.count)
        let sk = IKEv2EncryptedPayload(firstInnerPayload: .identificationInitiator, body: body)
        let message = try IKEv2Message(header: header, payloads: cleartext + [.encrypted(sk)])
            .encode()

        #expect(prefix + body == message)
        #expect(prefix.count == 28 + 7 + 4)
        #expect(try IKEv2Message.authenticatedPrefixLength(of: message) == prefix.count)
        let decoded = try IKEv2Message(decoding: message)
        #expect(decoded.authenticatedPrefixLength == prefix.count)
        #expect(decoded.encryptedPayload == sk)
        #expect(decoded.header.nextPayload == .vendorID)
    }

    @Test("the SKF prefix also covers Fragment Number and Total Fragments")
    func fragmentPrefix() throws {
        let fragment = IKEv2EncryptedFragmentPayload(
            firstInnerPayload: .none, fragmentNumber: 2, totalFragments: 3, body: body)
        let prefix = try IKEv2Message.encryptedFragmentPrefix(
            header: header, fragment: fragment, encryptedBodyLength: body.count)
        let message = try IKEv2Message(header: header, payloads: [.encryptedFragment(fragment)])
            .encode()
        #expect(prefix + body == message)
        #expect(prefix.count == 28 + 8)
        #expect(try IKEv2Message.authenticatedPrefixLength(of: message) == 36)
        let decoded = try IKEv2Message(decoding: message)
        #expect(decoded.encryptedFragmentPayload == fragment)
        #expect(decoded.authenticatedPrefixLength == 36)
    }

    @Test("an encrypted body too long for the SK payload length is rejected, not trapped")
    func oversizedBody() {
        for length in [-1, 65_532, Int.max] {
            let error = wireError {
                try IKEv2Message.encryptedPrefix(
                    header: header, firstInnerPayload: .nonce, encryptedBodyLength: length)
            }
            #expect(error?.code == .valueTooLarge, "\(length)")
        }
        #expect(
            (try? IKEv2Message.encryptedPrefix(
                header: header, firstInnerPayload: .nonce, encryptedBodyLength: 65_531))?.count
                == 32)
    }

    @Test("a message without an encrypted payload has no authenticated prefix")
    func noEncryptedPayload() throws {
        let octets = try Samples.ikev2Messages[0].encode()
        #expect(try IKEv2Message.authenticatedPrefixLength(of: octets) == nil)
        #expect(try IKEv2Message(decoding: octets).authenticatedPrefixLength == nil)
        let short = wireError { try IKEv2Message.authenticatedPrefixLength(of: octets + [0]) }
        #expect(short?.code == .lengthMismatch)
    }

    @Test("the inner chain decodes from the plaintext and the first inner type")
    func innerChain() throws {
        let inner: [IKEv2Payload] = [
            .identificationInitiator(IKEv2IdentificationPayload(IdentificationData(.fqdn("a"))!)),
            .authentication(IKEv2AuthenticationPayload(method: .sharedKey, data: [1, 2, 3])),
            .securityAssociation(
                IKEv2SAPayload(proposals: [
                    IKEv2Proposal(number: 1, proposal: Samples.espProposal, spi: [1, 2, 3, 4])
                ])),
            .trafficSelectorInitiator(IKEv2TrafficSelectorPayload([Samples.v4Selector])),
            .trafficSelectorResponder(IKEv2TrafficSelectorPayload([Samples.v4Selector])),
        ]
        let plaintext = try IKEv2PayloadChain.encode(inner)
        #expect(
            try IKEv2PayloadChain.decode(plaintext, firstPayload: .identificationInitiator) == inner
        )
    }

    @Test("octets after the SK payload are trailing, not a second payload")
    func nothingAfterSK() throws {
        var octets = try Samples.ikev2Messages[1].encode()
        octets[28 + 3] -= 1  // SK Payload Length one short: the last octet is left over
        #expect(wireError { try IKEv2Message(decoding: octets) }?.code == .trailingOctets)
    }

    @Test("the header length can be patched in place")
    func patchLength() throws {
        var octets = try Samples.ikev2Messages[3].encode()
        IKEv2Header.patchLength(0x0102_0304, in: &octets)
        #expect(Array(octets[24..<28]) == [1, 2, 3, 4])
        #expect(try IKEv2Header(decoding: octets).length == 0x0102_0304)
    }
}
