import IKECore
import IKECrypto
import IKEEngine
import IKEWire
import Testing

@Suite("IKEv1 loopback handshakes")
struct IKEv1LoopbackTests {
    typealias Support = IKEv1TestSupport

    @Test func mainModePSKWithAES256SHA256MODP2048() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        let sa = try #require(loopback.initiator.ikeSA)
        #expect(sa.selectedProposal.keywordString == "aes256-prfsha256-sha256-modp2048")
        #expect(sa.localAuthentication.kind == .sharedKey)
        #expect(sa.remoteIdentity == .fqdn("hq.example.net"))
        let keys = try Support.v1Keys(sa)
        #expect(keys.skeyid.count == 32)
        #expect(keys.skeyidD.count == 32)
        #expect(keys.encryptionKey.count == 32)
        let exchanges = loopback.transcript.map(\.exchange)
        #expect(
            exchanges == Array(repeating: "Main Mode", count: 6) + [
                "Quick Mode", "Quick Mode", "Quick Mode",
            ])
        #expect(loopback.transcript[4].payloads == ["E{ID(fqdn:branch.example.net), HASH(32)}"])
        let child = try #require(loopback.initiator.childSAs.first)
        #expect(child.selectedProposal.keywordString == "aes256-sha256-noesn")
        #expect(child.keys.outboundEncryptionKey.count == 32)
        #expect(child.keys.outboundIntegrityKey.count == 32)
    }

    @Test(
        "every authentication family completes in both modes and both directions",
        arguments: [IKEv1Options.Mode.main, .aggressive], Support.Authentication.allCases)
    func everyAuthenticationFamily(mode: IKEv1Options.Mode, authentication: Support.Authentication)
        throws
    {
        let pair = try Support.pair(authentication, mode: mode)
        for (direction, configured) in [("forward", pair), ("reverse", Support.swapped(pair))] {
            let loopback = try Support.expectAgreement(configured, seed: direction)
            let sa = try #require(loopback.responder.ikeSA)
            #expect(sa.remoteAuthentication == loopback.initiator.ikeSA?.localAuthentication)
            switch authentication {
            case .psk:
                #expect(sa.remoteAuthentication.methodName == "pre-shared key")
            case .rsaSignature:
                #expect(sa.remoteAuthentication.kind == .certificateSignature)
                #expect(sa.remoteAuthentication.signatureScheme == .rsaPKCS1Raw)
            case .ecdsaSignature:
                #expect(sa.remoteAuthentication.methodName == "ECDSA SHA-256 P-256")
                #expect(sa.remoteAuthentication.signatureScheme == .ecdsa(.sha256, .raw))
            case .rsaEncryption:
                #expect(sa.remoteAuthentication.methodName == "RSA encryption")
            case .revisedRSAEncryption:
                #expect(sa.remoteAuthentication.methodName == "revised RSA encryption")
            }
        }
    }

    /// A phase 1 suite and the ESP proposal that goes with it.
    struct Suite: CustomStringConvertible, Sendable {
        let ike: String
        let esp: String
        let encryptionKeyLength: Int
        let skeyidLength: Int
        var description: String { ike }
    }

    @Test(
        "ciphers, hashes and groups of IKEv1 phase 1 and quick mode",
        arguments: [
            Suite(
                ike: "aes256-sha256-modp2048", esp: "aes256-sha256", encryptionKeyLength: 32,
                skeyidLength: 32),
            Suite(
                ike: "3des-sha1-modp1024", esp: "3des-sha1", encryptionKeyLength: 24,
                skeyidLength: 20),
            Suite(
                ike: "aes128-sha1-ecp256", esp: "aes128-sha1", encryptionKeyLength: 16,
                skeyidLength: 20),
            Suite(
                ike: "des-md5-modp768", esp: "des-md5", encryptionKeyLength: 8,
                skeyidLength: 16),
            Suite(
                ike: "blowfish256-sha1-modp1536", esp: "blowfish128-sha1",
                encryptionKeyLength: 32, skeyidLength: 20),
            Suite(
                ike: "cast128-sha384-modp2048", esp: "cast128-sha512", encryptionKeyLength: 16,
                skeyidLength: 48),
            Suite(
                ike: "aes192-sha512-ecp384", esp: "aes192gcm16", encryptionKeyLength: 24,
                skeyidLength: 64),
        ])
    func suites(_ suite: Suite) throws {
        let pair = Support.pskPair(
            ike: [TestSupport.ike(suite.ike)], esp: [TestSupport.esp(suite.esp)])
        let loopback = try Support.expectAgreement(pair)
        let keys = try Support.v1Keys(loopback.initiator.ikeSA)
        #expect(keys.encryptionKey.count == suite.encryptionKeyLength)
        #expect(keys.skeyid.count == suite.skeyidLength)
        #expect(keys.skeyidE.count == suite.skeyidLength)
        let child = try #require(loopback.initiator.childSAs.first)
        #expect(child.cipher == TestSupport.esp(suite.esp).encryption.first)
    }

    @Test func aCurve25519GroupWorksAsStrongSwanUsesIt() throws {
        try Support.expectAgreement(
            Support.pskPair(ike: [TestSupport.ike("aes128-sha256-curve25519")]))
    }

    @Test func seededRandomnessMakesEveryOctetReproducible() throws {
        func run(_ seed: String) throws -> [[UInt8]] {
            let loopback = try TestSupport.loopback(
                Support.pskPair().0, Support.pskPair().1, seed: seed)
            loopback.negotiate()
            return loopback.deliveries.map(\.datagram.message)
        }
        let first = try run("same")
        #expect(first.count == 9)
        #expect(try run("same") == first)
        #expect(try run("other") != first)
    }

    /// A protocol, mode and PFS setting of the one Child SA.
    struct ChildCase: CustomStringConvertible, Sendable {
        let protocolID: SecurityProtocol
        let mode: IPsecMode
        let proposal: String
        var description: String { "\(protocolID) \(mode) \(proposal)" }
    }

    @Test(
        "ESP and AH, tunnel and transport, with and without PFS",
        arguments: [
            ChildCase(protocolID: .esp, mode: .tunnel, proposal: "aes128-sha256"),
            ChildCase(protocolID: .esp, mode: .tunnel, proposal: "aes128-sha256-modp2048"),
            ChildCase(protocolID: .esp, mode: .transport, proposal: "aes256gcm16-ecp256"),
            ChildCase(protocolID: .ah, mode: .tunnel, proposal: "sha256"),
            ChildCase(protocolID: .ah, mode: .transport, proposal: "sha1-modp1024"),
        ])
    func childSAs(_ child: ChildCase) throws {
        let pair = Support.withChild(
            Support.pskPair(), protocolID: child.protocolID, mode: child.mode,
            initiatorProposals: [TestSupport.proposal(child.proposal, child.protocolID)])
        let loopback = try Support.expectAgreement(pair)
        let installed = try #require(loopback.initiator.childSAs.first)
        #expect(installed.protocolID == child.protocolID)
        #expect(installed.mode == child.mode)
        let pfs = TestSupport.proposal(child.proposal, child.protocolID).dhGroups
        #expect(installed.selectedProposal.dhGroups == pfs)
        let quickMode = try #require(loopback.transcript.first { $0.exchange == "Quick Mode" })
        #expect(quickMode.payloads[0].contains("KE(") == !pfs.isEmpty)
        if child.protocolID == .ah {
            #expect(installed.keys.outboundEncryptionKey.isEmpty)
            #expect(installed.cipher == nil)
        }
    }

    @Test func natTraversalMovesIKEToPort4500AndEncapsulatesESP() throws {
        var pair = Support.withChild(
            Support.pskPair(), protocolID: .esp, mode: .transport,
            initiatorProposals: [TestSupport.esp("aes128-sha256")])
        pair.1.forceUDPEncapsulation = true
        let loopback = try Support.expectAgreement(pair)
        #expect(loopback.initiator.ikeSA?.usesUDPEncapsulation == true)
        #expect(loopback.responder.ikeSA?.usesUDPEncapsulation == true)
        let ports = loopback.deliveries.map(\.datagram.destination.port)
        #expect(Array(ports.prefix(4)) == [500, 500, 500, 500])
        #expect(ports.dropFirst(4).allSatisfy { $0 == Endpoint.natTraversalPort })
        #expect(loopback.initiator.childSAs.first?.usesUDPEncapsulation == true)
        let quickMode = try #require(loopback.transcript.first { $0.exchange == "Quick Mode" })
        #expect(quickMode.payloads[0].contains("NAT-OA, NAT-OA"))
        #expect(loopback.deliveries[4].datagram.udpPayload.prefix(4) == [0, 0, 0, 0])
    }

    @Test func natTraversalInAggressiveModeFromTheThirdMessage() throws {
        var pair = Support.pskPair(mode: .aggressive)
        pair.0.forceUDPEncapsulation = true
        let loopback = try Support.expectAgreement(pair)
        let ports = loopback.deliveries.map(\.datagram.destination.port)
        #expect(Array(ports.prefix(2)) == [500, 500])
        #expect(ports.dropFirst(2).allSatisfy { $0 == Endpoint.natTraversalPort })
        #expect(loopback.responder.childSAs.first?.usesUDPEncapsulation == true)
    }

    @Test func withoutNATBothSidesStayOnPort500() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        #expect(loopback.deliveries.allSatisfy { $0.datagram.destination.port == 500 })
        #expect(loopback.initiator.ikeSA?.usesUDPEncapsulation == false)
    }

    @Test func proposalsExpandInOrderAndThePreferenceDecides() throws {
        var pair = Support.pskPair()
        pair.0.ikeProposals = [TestSupport.ike("aes128-aes256-sha1-sha256-modp2048")]
        pair.1.ikeProposals = [
            TestSupport.ike("aes256-sha256-modp2048"), TestSupport.ike("aes128-sha1-modp2048"),
        ]
        let local = try Support.expectAgreement(pair)
        #expect(
            local.initiator.ikeSA?.selectedProposal.encryption == [Cipher(.aesCBC, keyBits: 256)])
        #expect(local.transcript[0].payloads[0] == "SA(4 transforms)")
        pair.1.proposalPreference = .peer
        let peer = try Support.expectAgreement(pair)
        #expect(
            peer.initiator.ikeSA?.selectedProposal.keywordString == "aes128-prfsha1-sha1-modp2048")
    }

    @Test func severalChildSAsEachGetAQuickMode() throws {
        var pair = Support.pskPair()
        pair.0.children.append(
            TestSupport.child(
                initiatorSide: true, proposals: [TestSupport.esp("aes128-sha1")], name: "dmz",
                local: "10.1.5.0/24", remote: "10.3.0.0/16"))
        pair.1.children.append(
            TestSupport.child(
                initiatorSide: false, proposals: [TestSupport.esp("aes128-sha1")], name: "dmz",
                local: "10.3.0.0/16", remote: "10.1.0.0/16"))
        let loopback = try Support.expectAgreement(pair)
        #expect(loopback.initiator.childSAs.map(\.name) == ["lan", "dmz"])
        // The responder takes the proposed selectors, which lie inside its own.
        #expect(
            loopback.responder.childSAs[1].remoteSelectors == [TestSupport.network("10.1.5.0/24")])
    }

    @Test func hostToHostQuickModeSendsNoClientIDs() throws {
        var pair = Support.pskPair()
        pair.0.children = [
            ChildConfiguration(name: "hosts", proposals: [TestSupport.esp("aes128-sha256")])
        ]
        pair.1.children = [
            ChildConfiguration(name: "hosts", proposals: [TestSupport.esp("aes128-sha256")])
        ]
        let loopback = try Support.expectAgreement(pair)
        let quickMode = try #require(loopback.transcript.first { $0.exchange == "Quick Mode" })
        #expect(!quickMode.payloads[0].contains("ID("))
        #expect(
            loopback.initiator.childSAs.first?.localSelectors == [
                TrafficSelector(
                    startAddress: TestSupport.initiatorAddress,
                    endAddress: TestSupport.initiatorAddress)
            ])
    }
}
