import IKECore
import Testing

@testable import IKEWire

@Suite("IKEv1 conversions to and from IKECore")
struct IKEv1ConversionTests {
    @Test("phase 1 transforms encode as Oakley attributes in the usual order and read back")
    func phase1RoundTrip() throws {
        let wire = try #require(ISAKMPProposal.phase1(transforms: Samples.phase1Transforms))
        #expect(wire.protocolID == 1 && wire.spi.isEmpty)
        #expect(wire.transforms.allSatisfy { $0.transformID == ISAKMPTransform.keyIKE })
        #expect(wire.transforms[0].attributes.map(\.type) == [1, 14, 2, 3, 4, 11, 12])
        #expect(wire.transforms[1].attributes.map(\.type) == [1, 2, 3, 4, 11, 12, 11, 12])
        #expect(wire.transforms[1].attributes[7].value == .variable([0, 0x40, 0, 0]))
        #expect(wire.phase1Transforms == Samples.phase1Transforms)
    }

    @Test("a phase 1 transform with an unknown or unmodelled attribute does not convert")
    func phase1Unrecognized() {
        let base = Samples.phase1Transforms[0].wireTransform!
        var unknownCipher = base
        unknownCipher.attributes[0] = DataAttribute(type: 1, value: .basic(65_001))
        var privateGroup = base
        privateGroup.attributes.append(DataAttribute(type: 6, value: .variable([0xFF])))
        var durationFirst = base
        durationFirst.attributes.swapAt(5, 6)
        var missingGroup = base
        missingGroup.attributes.remove(at: 4)
        var notKeyIKE = base
        notKeyIKE.transformID = 2
        for transform in [unknownCipher, privateGroup, durationFirst, missingGroup, notKeyIKE] {
            #expect(IKEv1Phase1Transform(transform) == nil)
        }
    }

    @Test("an AES phase 1 transform without Key Length reads as the default key size")
    func aesDefaultKeyLength() throws {
        var transform = Samples.phase1Transforms[0].wireTransform!
        transform.attributes.remove(at: 1)
        let typed = try #require(IKEv1Phase1Transform(transform))
        #expect(typed.cipher.keyBits == EncryptionAlgorithm.aesCBC.info.defaultKeyBits)
    }

    @Test(
        "quick mode transforms carry transform ID, key length, auth, group, mode and lifetimes"
    )
    func phase2RoundTrip() throws {
        let proposal = Samples.quickModeProposal
        #expect(proposal.securityProtocol == .esp && proposal.spi == [0xCA, 0xFE, 0, 1])
        let typed = proposal.phase2Transforms
        #expect(typed.count == 2)
        #expect(typed[0].transformID == 12 && typed[0].keyLength == 128)
        #expect(typed[0].cipher(for: .esp) == Cipher(.aesCBC, keyBits: 128))
        #expect(typed[0].authenticationAlgorithm == .hmacSHA256_128)
        #expect(typed[0].group == .modp2048 && typed[0].encapsulationMode == .tunnel)
        #expect(typed[0].lifeSeconds == 3_600 && typed[0].lifeKilobytes == 4_608_000)
        #expect(typed[1].cipher(for: .esp) == Cipher(.aesGCM16, keyBits: 256))
        #expect(typed[1].authenticationAlgorithm == nil && typed[1].extendedSequenceNumbers)
        #expect(typed[1].encapsulationMode?.isUDPEncapsulated == true)
        #expect(typed[1].encapsulationMode?.isTunnel == true)
        #expect(
            ISAKMPProposal.quickMode(
                number: 1, protocolID: .esp, spi: proposal.spi, transforms: typed) == proposal)

        let ah = try #require(IKEv1Phase2Transform.ah(number: 1, integrity: .hmacSHA1_96))
        #expect(ah.transformID == 3 && ah.ahIntegrity == .hmacSHA1_96 && ah.cipher(for: .ah) == nil)
        #expect(IKEv1Phase2Transform(ah.wireTransform) == ah)
        var ecn = ah
        ecn.ecnTunnel = 1
        #expect(IKEv1Phase2Transform(ecn.wireTransform) == ecn)
        #expect(
            IKEv1Phase2Transform.esp(number: 1, cipher: Cipher(.chacha20Poly1305), integrity: nil)
                == nil)
    }

    @Test("a quick mode transform with an unknown attribute or value does not convert")
    func phase2Unrecognized() {
        let base = Samples.quickModeProposal.transforms[0]
        var unknownAttribute = base
        unknownAttribute.attributes.append(DataAttribute(type: 40, value: .basic(1)))
        var unknownAuth = base
        unknownAuth.attributes.append(DataAttribute(type: 5, value: .basic(250)))
        var variableMode = base
        variableMode.attributes.append(DataAttribute(type: 4, value: .variable([0, 1])))
        for transform in [unknownAttribute, unknownAuth, variableMode] {
            #expect(IKEv1Phase2Transform(transform) == nil)
        }
    }

    @Test("client IDs: hosts, prefixes and ranges of both families with protocol and port")
    func clientIDs() throws {
        let host = TrafficSelector(
            network: IPNetwork("192.0.2.7/32")!, ipProtocol: 17, ports: 500...500)
        let range = TrafficSelector(
            startAddress: IPAddress("10.0.0.1")!, endAddress: IPAddress("10.0.0.9")!)
        let v6Prefix = TrafficSelector(network: IPNetwork("2001:db8::/32")!)
        let cases: [(TrafficSelector, IdentificationType, Int)] = [
            (host, .ipv4Address, 4), (Samples.v4Selector, .ipv4Subnet, 8), (range, .ipv4Range, 8),
            (v6Prefix, .ipv6Subnet, 32), (Samples.v6Selector, .ipv6Range, 32),
        ]
        for (selector, type, size) in cases {
            let id = try #require(ISAKMPIdentificationPayload(clientID: selector))
            #expect(id.identification.type == type)
            #expect(id.identification.data.count == size)
            #expect(id.trafficSelector == selector, "\(selector)")
        }
        let subnet = ISAKMPIdentificationPayload(clientID: Samples.v4Selector)!
        #expect(subnet.identification.data == [10, 1, 0, 0, 255, 255, 0, 0])
        #expect(host.startPort == 500 && ISAKMPIdentificationPayload(clientID: host)?.port == 500)
    }

    @Test("client IDs that are not selectors convert to nil")
    func invalidClientIDs() {
        let portRange = TrafficSelector(
            network: IPNetwork("10.0.0.0/8")!, ipProtocol: 6, ports: 1...1024)
        #expect(ISAKMPIdentificationPayload(clientID: portRange) == nil)
        let holes = IdentificationData(rawType: 4, data: [10, 0, 0, 0, 255, 0, 255, 0])
        let backwards = IdentificationData(rawType: 7, data: [10, 0, 0, 9, 10, 0, 0, 1])
        let short = IdentificationData(rawType: 1, data: [10, 0, 0])
        let name = IdentificationData(rawType: 2, data: Array("gw".utf8))
        for data in [holes, backwards, short, name] {
            #expect(ISAKMPIdentificationPayload(data).trafficSelector == nil)
        }
    }
}
