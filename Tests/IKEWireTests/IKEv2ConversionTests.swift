import IKECore
import Testing

@testable import IKEWire

@Suite("IKEv2 conversions to and from IKECore")
struct IKEv2ConversionTests {
    @Test("an IKECore proposal becomes transforms in ENCR, PRF, INTEG, D-H order and back")
    func proposalRoundTrip() throws {
        let wire = IKEv2Proposal(
            number: 3, proposal: Samples.ikeProposal, spi: [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(wire.transforms.map(\.type) == [1, 1, 2, 3, 4, 4])
        #expect(wire.transforms[0].keyLength == 256)
        #expect(wire.transforms[2].attributes.isEmpty)
        #expect(wire.proposal == Samples.ikeProposal)
        #expect(wire.unrecognizedTransforms.isEmpty)
        let esp = IKEv2Proposal(number: 1, proposal: Samples.espProposal)
        #expect(esp.proposal == Samples.espProposal)
    }

    @Test(
        "unknown IDs and attributes are skipped and listed; an unknown type voids the proposal"
    )
    func unknownTransforms() throws {
        var wire = IKEv2Proposal(number: 1, proposal: Samples.ikeProposal)
        let unknownID = IKEv2Transform(type: 1, transformID: 1031)
        let unknownAttribute = IKEv2Transform(
            type: 2, transformID: 5, attributes: [DataAttribute(type: 15, value: .basic(1))])
        let badKeyLength = IKEv2Transform(
            type: 1, transformID: 12, attributes: [DataAttribute(type: 14, value: .basic(100))])
        let missingKeyLength = IKEv2Transform(type: 1, transformID: 12)
        wire.transforms += [unknownID, unknownAttribute, badKeyLength, missingKeyLength]
        #expect(wire.proposal == Samples.ikeProposal)
        #expect(
            wire.unrecognizedTransforms == [
                unknownID, unknownAttribute, badKeyLength, missingKeyLength,
            ])

        wire.transforms.append(IKEv2Transform(type: 9, transformID: 1))
        #expect(wire.proposal == nil)
        var unknownProtocol = IKEv2Proposal(number: 1, proposal: Samples.ikeProposal)
        unknownProtocol.protocolID = 9
        #expect(unknownProtocol.proposal == nil)
    }

    @Test("a selected proposal has one transform per type and converts both ways")
    func selectedProposal() throws {
        let selected = IKEv2SelectedProposal(
            number: 2, protocolID: .esp, spi: [9, 9, 9, 9],
            encryption: Cipher(.aesCBC, keyBits: 128),
            integrity: .hmacSHA256_128, esn: .disabled)
        let wire = selected.wireProposal
        #expect(wire.number == 2 && wire.spi == [9, 9, 9, 9])
        #expect(wire.transforms.map(\.type) == [1, 3, 5])
        #expect(IKEv2SelectedProposal(wire) == selected)
        #expect(selected.proposal == wire.proposal)

        var twoCiphers = wire
        twoCiphers.transforms.append(
            IKEv2Transform(Transform.encryption(Cipher(.aesCBC, keyBits: 256))))
        #expect(IKEv2SelectedProposal(twoCiphers) == nil)
        #expect(
            IKEv2SelectedProposal(IKEv2Proposal(number: 1, protocolID: 9, spi: [], transforms: []))
                == nil)
    }

    @Test("identities convert to ID data and back; malformed data has no identity")
    func identities() throws {
        let identities: [Identity] = [
            .address(IPAddress("192.0.2.1")!), .address(IPAddress("2001:db8::1")!),
            .fqdn("hq.example.net"), .email("ops@example.net"), .keyID([0xDE, 0xAD]),
        ]
        for identity in identities {
            let data = try #require(IdentificationData(identity))
            #expect(data.rawType == identity.idType.rawValue)
            #expect(data.identity == identity)
        }
        #expect(IdentificationData(.distinguishedName("CN=hq")) == nil)
        let dn = IdentificationData(distinguishedNameDER: [0x30, 0x03, 0x31, 0x01, 0x00])
        #expect(dn.type == .derASN1DN && dn.identity == nil)
        #expect(dn.distinguishedNameDER == [0x30, 0x03, 0x31, 0x01, 0x00])
        #expect(IdentificationData(rawType: 1, data: [1, 2, 3]).identity == nil)
        #expect(IdentificationData(rawType: 2, data: [0xFF, 0xFE]).identity == nil)
        #expect(IdentificationData(rawType: 200, data: [1]).type == nil)
    }

    @Test("traffic selector payloads convert to IKECore selectors, keeping unknown types aside")
    func trafficSelectors() throws {
        let payload = IKEv2TrafficSelectorPayload(selectors: [
            .addressRange(Samples.v4Selector), .unknown(type: 10, secondOctet: 0, data: [0, 1]),
            .addressRange(Samples.v6Selector),
        ])
        #expect(payload.trafficSelectors == [Samples.v4Selector, Samples.v6Selector])
        let octets = try IKEv2PayloadChain.encode([.trafficSelectorInitiator(payload)])
        // one IPv4 selector is 16 octets and one IPv6 selector 40 (RFC 7296 section 3.13.1)
        #expect(octets.count == 4 + 4 + 16 + 6 + 40)
        #expect(Array(octets[8..<16]) == [7, 0, 0, 16, 0, 0, 0xFF, 0xFF])
    }

    @Test("RFC 7427 signature data splits into AlgorithmIdentifier and signature and joins back")
    func digitalSignature() throws {
        let algorithm: [UInt8] = [
            0x30, 0x0B, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B,
        ]
        let signature = IKEv2DigitalSignature(algorithmIdentifier: algorithm, signature: [1, 2, 3])
        let data = try signature.authenticationData()
        #expect(data.first == UInt8(algorithm.count))
        #expect(try IKEv2DigitalSignature(authenticationData: data) == signature)
        #expect(
            wireError { try IKEv2DigitalSignature(authenticationData: [20, 1, 2]) }?.code
                == .malformedPayload)
        #expect(
            wireError { try IKEv2DigitalSignature(authenticationData: []) }?.code
                == .malformedPayload)
        let long = IKEv2DigitalSignature(
            algorithmIdentifier: Array(repeating: 0, count: 256), signature: [])
        #expect(wireError { try long.authenticationData() }?.code == .valueTooLarge)
    }

    @Test("notify helpers read and write typed data")
    func notifyHelpers() throws {
        let hashes = IKEv2NotifyPayload.signatureHashAlgorithms([
            .sha256, IKEv2HashAlgorithm(rawValue: 99),
        ])
        #expect(hashes.data == [0, 2, 0, 99])
        #expect(hashes.signatureHashAlgorithms?.map(\.hashAlgorithm) == [.sha256, nil])
        let odd = IKEv2NotifyPayload(type: .signatureHashAlgorithms, data: [0, 2, 0])
        #expect(odd.signatureHashAlgorithms == nil)
        let invalidKE = IKEv2NotifyPayload.invalidKEPayload(acceptedGroupNumber: 19)
        #expect(invalidKE.type == .invalidKEPayload && invalidKE.acceptedGroupNumber == 19)
        #expect(
            IKEv2NotifyPayload.unsupportedCriticalPayload(IKEv2PayloadType(rawValue: 99)).data == [
                99
            ])
        #expect(IKEv2HashAlgorithm(.md5) == nil)
        #expect(IKEv2HashAlgorithm(.sha384) == .sha384)
        #expect(IKEv2HashAlgorithm.identity.hashAlgorithm == nil)
    }

    @Test("notify, payload and exchange numbers follow the IANA registries")
    func registryNumbers() {
        let numbers: [(IKEv2NotifyType, UInt16)] = [
            (.unsupportedCriticalPayload, 1), (.invalidIKESPI, 4), (.invalidMajorVersion, 5),
            (.invalidSyntax, 7), (.invalidMessageID, 9), (.invalidSPI, 11), (.noProposalChosen, 14),
            (.invalidKEPayload, 17), (.authenticationFailed, 24), (.singlePairRequired, 34),
            (.noAdditionalSAs, 35), (.internalAddressFailure, 36), (.failedCPRequired, 37),
            (.tsUnacceptable, 38), (.invalidSelectors, 39), (.temporaryFailure, 43),
            (.childSANotFound, 44), (.initialContact, 16384), (.natDetectionSourceIP, 16388),
            (.natDetectionDestinationIP, 16389), (.cookie, 16390), (.useTransportMode, 16391),
            (.rekeySA, 16393), (.mobikeSupported, 16396), (.multipleAuthSupported, 16404),
            (.redirectSupported, 16406), (.childlessIKEv2Supported, 16418),
            (.ikev2FragmentationSupported, 16430), (.signatureHashAlgorithms, 16431),
            (.intermediateExchangeSupported, 16438),
        ]
        for (type, number) in numbers { #expect(type.rawValue == number, "\(type)") }
        #expect(IKEv2NotifyType.noProposalChosen.description == "NO_PROPOSAL_CHOSEN")
        #expect(IKEv2NotifyType.noProposalChosen.isError)
        #expect(!IKEv2NotifyType.cookie.isError)
        #expect(IKEv2NotifyType(rawValue: 40_000).description == "NOTIFY(40000)")
        #expect(IKEv2ExchangeType.ikeIntermediate.rawValue == 43)
        #expect(IKEv2PayloadType.encryptedFragment.rawValue == 53)
    }
}
