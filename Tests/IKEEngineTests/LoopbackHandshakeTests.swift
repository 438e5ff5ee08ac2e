import IKECore
import IKECrypto
import IKEEngine
import Testing

@Suite("IKEv2 loopback handshakes")
struct LoopbackHandshakeTests {
    /// Runs a pair to completion and checks what "verified" means: both IKE SAs up with
    /// the same proposal and keys, and every Child SA's directions mirrored.
    @discardableResult
    static func expectAgreement(
        _ pair: (IKEPeerConfiguration, IKEPeerConfiguration), seed: String = "agree"
    ) throws -> LoopbackExchange {
        let loopback = try TestSupport.loopback(pair.0, pair.1, seed: seed)
        let outcome = loopback.negotiate()
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        let initiatorSA = try #require(loopback.initiator.ikeSA)
        let responderSA = try #require(loopback.responder.ikeSA)
        #expect(initiatorSA.keys == responderSA.keys)
        #expect(initiatorSA.selectedProposal == responderSA.selectedProposal)
        #expect(initiatorSA.initiatorSPI == responderSA.initiatorSPI)
        #expect(initiatorSA.responderSPI == responderSA.responderSPI)
        #expect(loopback.initiator.childSAs.count == pair.0.children.count)
        for (mine, theirs) in zip(loopback.initiator.childSAs, loopback.responder.childSAs) {
            expectMirrored(mine, theirs)
        }
        return loopback
    }

    /// One side's outbound SA is the other's inbound SA.
    static func expectMirrored(_ mine: ChildSA, _ theirs: ChildSA) {
        #expect(mine.keys.outboundEncryptionKey == theirs.keys.inboundEncryptionKey)
        #expect(mine.keys.outboundIntegrityKey == theirs.keys.inboundIntegrityKey)
        #expect(mine.keys.inboundEncryptionKey == theirs.keys.outboundEncryptionKey)
        #expect(mine.keys.inboundIntegrityKey == theirs.keys.outboundIntegrityKey)
        #expect(mine.keys.outboundEncryptionKey != mine.keys.inboundEncryptionKey)
        #expect(mine.outboundSPI == theirs.inboundSPI)
        #expect(mine.inboundSPI == theirs.outboundSPI)
        #expect(mine.selectedProposal == theirs.selectedProposal)
        #expect(mine.localSelectors == theirs.remoteSelectors)
        #expect(mine.remoteSelectors == theirs.localSelectors)
        #expect(mine.mode == theirs.mode)
    }

    @Test func pskWithX25519AndAESGCM256AndPRFSHA384() throws {
        let loopback = try Self.expectAgreement(TestSupport.pskPair())
        let sa = try #require(loopback.initiator.ikeSA)
        #expect(sa.selectedProposal.keywordString == "aes256gcm16-prfsha384-curve25519")
        guard case .v2(let keys) = sa.keys else {
            Issue.record("not IKEv2 keys")
            return
        }
        #expect(keys.skEi.count == 36)
        #expect(keys.skAi.isEmpty)
        #expect(keys.skD.count == 48)
        let child = try #require(loopback.initiator.childSAs.first)
        #expect(child.keys.outboundEncryptionKey.count == 36)
        #expect(child.localSelectors == [TestSupport.network("10.1.0.0/16")])
    }

    @Test func aesCBC256WithSHA256AndMODP2048() throws {
        let pair = TestSupport.pskPair(
            ike: [TestSupport.ike("aes256-sha256-prfsha256-modp2048")],
            esp: [TestSupport.esp("aes256-sha256")])
        let loopback = try Self.expectAgreement(pair)
        let child = try #require(loopback.initiator.childSAs.first)
        #expect(child.keys.outboundEncryptionKey.count == 32)
        #expect(child.keys.outboundIntegrityKey.count == 32)
    }

    @Test func aesCTRProtectsTheIKESA() throws {
        let pair = TestSupport.pskPair(
            ike: [TestSupport.ike("aes128ctr-sha256-prfsha256-ecp256")],
            esp: [TestSupport.esp("aes128ctr-sha256")])
        try Self.expectAgreement(pair)
    }

    @Test func chaCha20Poly1305() throws {
        let pair = TestSupport.pskPair(
            ike: [TestSupport.ike("chacha20poly1305-prfsha256-x25519")],
            esp: [TestSupport.esp("chacha20poly1305")])
        try Self.expectAgreement(pair)
    }

    @Test func ecp384() throws {
        let pair = TestSupport.pskPair(
            ike: [TestSupport.ike("aes256gcm16-prfsha384-ecp384")],
            esp: [TestSupport.esp("aes256gcm16-ecp384")])
        try Self.expectAgreement(pair)
    }

    @Test func transcriptHasTheFourMessagesOfAnInitialExchange() throws {
        let loopback = try Self.expectAgreement(TestSupport.pskPair())
        let records = loopback.transcript
        #expect(records.count == 4)
        #expect(records.map(\.exchange) == ["IKE_SA_INIT", "IKE_SA_INIT", "IKE_AUTH", "IKE_AUTH"])
        #expect(records.map(\.isResponse) == [false, true, false, true])
        #expect(records[0].direction == .initiatorToResponder)
        #expect(records[1].direction == .responderToInitiator)
        #expect(records[0].payloads.prefix(3) == ["SA(1 proposal)", "KE(curve25519)", "Ni(32)"])
        #expect(records[0].payloads.contains("N(NAT_DETECTION_SOURCE_IP)"))
        #expect(records[1].payloads.prefix(3) == ["SA(1 proposal)", "KE(curve25519)", "Nr(32)"])
        #expect(
            records[2].payloads == [
                "SK{IDi(fqdn:branch.example.net), N(INITIAL_CONTACT), IDr(fqdn:hq.example.net), "
                    + "AUTH(shared key), SA(1 proposal), TSi(1 selector), TSr(1 selector)}"
            ])
        #expect(
            records[3].payloads == [
                "SK{IDr(fqdn:hq.example.net), AUTH(shared key), SA(1 proposal), "
                    + "TSi(1 selector), TSr(1 selector)}"
            ])
        for record in records {
            #expect(!record.summary.contains("correct horse"))
        }
    }

    @Test func seededRunsAreIdentical() throws {
        let first = try TestSupport.loopback(TestSupport.pskPair().0, TestSupport.pskPair().1)
        first.negotiate()
        let second = try TestSupport.loopback(TestSupport.pskPair().0, TestSupport.pskPair().1)
        second.negotiate()
        #expect(first.deliveries.map(\.datagram) == second.deliveries.map(\.datagram))
        #expect(first.deliveries.count == 4)
    }

    @Test func forcedEncapsulationMovesIKEToPort4500() throws {
        var pair = TestSupport.pskPair()
        pair.1.forceUDPEncapsulation = true
        let loopback = try Self.expectAgreement(pair)
        let ports = loopback.deliveries.map(\.datagram.destination.port)
        #expect(ports == [500, 500, 4500, 4500])
        #expect(loopback.initiator.ikeSA?.usesUDPEncapsulation == true)
        #expect(loopback.responder.ikeSA?.usesUDPEncapsulation == true)
        #expect(loopback.initiator.childSAs.first?.usesUDPEncapsulation == true)
        #expect(loopback.deliveries[2].datagram.udpPayload.prefix(4) == [0, 0, 0, 0])
    }

    @Test func withoutNATIKEStaysOnPort500() throws {
        let loopback = try Self.expectAgreement(TestSupport.pskPair())
        #expect(loopback.deliveries.allSatisfy { $0.datagram.destination.port == 500 })
        #expect(loopback.initiator.ikeSA?.usesUDPEncapsulation == false)
    }

    @Test func transportModeIsGrantedWhenBothAskForIt() throws {
        var pair = TestSupport.pskPair()
        pair.0.children = [TestSupport.child(initiatorSide: true, mode: .transport)]
        pair.1.children = [TestSupport.child(initiatorSide: false, mode: .transport)]
        let loopback = try Self.expectAgreement(pair)
        #expect(loopback.initiator.childSAs.first?.mode == .transport)
    }

    @Test func responderPreferenceDecidesTheSelection() throws {
        var pair = TestSupport.pskPair(ike: [
            TestSupport.ike("aes128gcm16-prfsha256-x25519"),
            TestSupport.ike("aes256gcm16-prfsha384-x25519"),
        ])
        pair.1.ikeProposals = [
            TestSupport.ike("aes256gcm16-prfsha384-x25519"),
            TestSupport.ike("aes128gcm16-prfsha256-x25519"),
        ]
        var loopback = try Self.expectAgreement(pair)
        #expect(
            loopback.initiator.ikeSA?.selectedProposal.keywordString
                == "aes256gcm16-prfsha384-curve25519")
        pair.1.proposalPreference = .peer
        loopback = try Self.expectAgreement(pair)
        #expect(
            loopback.initiator.ikeSA?.selectedProposal.keywordString
                == "aes128gcm16-prfsha256-curve25519")
    }

    @Test func additionalChildrenAreMadeWithCreateChildSA() throws {
        var pair = TestSupport.pskPair()
        pair.0.children.append(
            TestSupport.child(
                initiatorSide: true, proposals: [TestSupport.esp("aes128gcm16-modp2048")],
                name: "dmz", local: "10.1.5.0/24", remote: "10.3.0.0/16"))
        pair.1.children.append(
            TestSupport.child(
                initiatorSide: false, proposals: [TestSupport.esp("aes128gcm16-modp2048")],
                name: "dmz", local: "10.3.0.0/16", remote: "10.1.0.0/16"))
        let loopback = try Self.expectAgreement(pair)
        #expect(loopback.initiator.childSAs.map(\.name) == ["lan", "dmz"])
        let dmz = try #require(loopback.responder.childSAs.last)
        #expect(dmz.remoteSelectors == [TestSupport.network("10.1.5.0/24")])
        #expect(dmz.selectedProposal.dhGroups == [.modp2048])
        #expect(
            loopback.transcript.map(\.exchange).suffix(2) == ["CREATE_CHILD_SA", "CREATE_CHILD_SA"])
    }
}
