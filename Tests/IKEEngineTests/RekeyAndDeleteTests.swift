import IKECore
import IKECrypto
import IKEEngine
import Testing

@Suite("IKEv2 rekeying and deletion")
struct RekeyAndDeleteTests {
    static func pfsPair(initiator: String, responder: String)
        -> (IKEPeerConfiguration, IKEPeerConfiguration)
    {
        var pair = TestSupport.pskPair()
        pair.0.children = [
            TestSupport.child(initiatorSide: true, proposals: [TestSupport.esp(initiator)])
        ]
        pair.1.children = [
            TestSupport.child(initiatorSide: false, proposals: [TestSupport.esp(responder)])
        ]
        return pair
    }

    @Test func childRekeyWithPFSGivesNewMirroredKeys() throws {
        let pair = Self.pfsPair(initiator: "aes256gcm16-ecp384", responder: "aes256gcm16-ecp384")
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        let before = try #require(loopback.initiator.childSAs.first)
        let outcome = loopback.issue(.rekeyChildSA(name: "lan"), to: .initiator)
        #expect(outcome.failures.isEmpty)
        let after = try #require(loopback.initiator.childSAs.first)
        let peer = try #require(loopback.responder.childSAs.first)
        #expect(loopback.initiator.childSAs.count == 1 && loopback.responder.childSAs.count == 1)
        #expect(after.generation == 1)
        #expect(after.selectedProposal.dhGroups == [.ecp384])
        #expect(after.keys.outboundEncryptionKey != before.keys.outboundEncryptionKey)
        #expect(after.inboundSPI != before.inboundSPI)
        LoopbackHandshakeTests.expectMirrored(after, peer)
        let rekeyed = outcome.initiatorActions.contains {
            if case .childSARekeyed(let old, let new) = $0 {
                return old.inboundSPI == before.inboundSPI && new.inboundSPI == after.inboundSPI
            }
            return false
        }
        #expect(rekeyed)
        // The rekey and the deletion of the old SA.
        #expect(
            loopback.transcript.suffix(4).map(\.exchange) == [
                "CREATE_CHILD_SA", "CREATE_CHILD_SA", "INFORMATIONAL", "INFORMATIONAL",
            ])
    }

    @Test func pfsGroupMismatchShowsOnlyAtTheFirstRekey() throws {
        let pair = Self.pfsPair(initiator: "aes256gcm16-ecp384", responder: "aes256gcm16-modp2048")
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        let outcome = loopback.issue(.rekeyChildSA(name: "lan"), to: .initiator)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .noProposalChosen)
        #expect(refusal.phase == .childRekey("lan"))
        #expect(refusal.exchange == "CREATE_CHILD_SA")
        #expect(refusal.proposals?.received.first?.dhGroups == [.ecp384])
        #expect(refusal.proposals?.configured.first?.dhGroups == [.modp2048])
        #expect(outcome.failures(of: .initiator).first?.code == .noProposalChosen)
        // The old Child SA stays.
        #expect(loopback.initiator.childSAs.count == 1)
    }

    @Test func pfsGroupPreferenceCostsAnInvalidKERoundTrip() throws {
        let pair = Self.pfsPair(
            initiator: "aes256gcm16-ecp384-modp2048", responder: "aes256gcm16-modp2048")
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        let outcome = loopback.issue(.rekeyChildSA(name: "lan"), to: .initiator)
        #expect(outcome.failures.isEmpty)
        #expect(loopback.initiator.childSAs.first?.selectedProposal.dhGroups == [.modp2048])
        let answers = loopback.transcript.filter { $0.exchange == "CREATE_CHILD_SA" }
        #expect(answers.count == 4)
        #expect(answers[1].payloads == ["SK{N(INVALID_KE_PAYLOAD)}"])
    }

    @Test func missingPFSOnOneSideIsNoProposalChosenAtRekey() throws {
        let pair = Self.pfsPair(initiator: "aes256gcm16", responder: "aes256gcm16-ecp256")
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        let outcome = loopback.issue(.rekeyChildSA(name: "lan"), to: .initiator)
        #expect(outcome.failures(of: .responder).first?.code == .noProposalChosen)
    }

    @Test func ikeSARekeyChangesTheKeysAndBothAgree() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(TestSupport.pskPair())
        let before = try #require(loopback.initiator.ikeSA)
        let outcome = loopback.issue(.rekeyIKESA, to: .initiator)
        #expect(outcome.failures.isEmpty)
        let after = try #require(loopback.initiator.ikeSA)
        let peer = try #require(loopback.responder.ikeSA)
        #expect(after.generation == 1 && peer.generation == 1)
        #expect(after.keys == peer.keys)
        #expect(after.keys != before.keys)
        #expect(after.initiatorSPI != before.initiatorSPI)
        #expect(after.initiatorSPI == peer.initiatorSPI && after.responderSPI == peer.responderSPI)
        // The new IKE SA carries further exchanges, and the Child SA moved with it.
        let rekey = loopback.issue(.rekeyChildSA(name: "lan"), to: .initiator)
        #expect(rekey.failures.isEmpty)
        LoopbackHandshakeTests.expectMirrored(
            try #require(loopback.initiator.childSAs.first),
            try #require(loopback.responder.childSAs.first))
    }

    @Test func responderCanRekeyTheIKESA() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(TestSupport.pskPair())
        let outcome = loopback.issue(.rekeyIKESA, to: .responder)
        #expect(outcome.failures.isEmpty)
        #expect(loopback.initiator.ikeSA?.keys == loopback.responder.ikeSA?.keys)
        #expect(loopback.responder.ikeSA?.role == .initiator)
        let close = loopback.issue(.close, to: .initiator)
        #expect(close.failures.isEmpty)
        #expect(loopback.initiator.isClosed && loopback.responder.isClosed)
    }

    @Test func deleteChildSARemovesItOnBothSides() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(TestSupport.pskPair())
        let outcome = loopback.issue(.deleteChildSA(name: "lan"), to: .initiator)
        #expect(outcome.failures.isEmpty)
        #expect(loopback.initiator.childSAs.isEmpty && loopback.responder.childSAs.isEmpty)
        let deleted = outcome.responderActions.contains {
            if case .childSADeleted = $0 { return true }
            return false
        }
        #expect(deleted)
    }

    @Test func closeDeletesTheIKESA() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(TestSupport.pskPair())
        let outcome = loopback.issue(.close, to: .initiator)
        #expect(loopback.initiator.isClosed && loopback.responder.isClosed)
        let deleted = outcome.responderActions.contains {
            if case .ikeSADeleted(let by) = $0 { return by == .initiator }
            return false
        }
        #expect(deleted)
        #expect(loopback.transcript.last?.payloads == ["SK{}"])
    }

    @Test func livenessCheckIsAnsweredEmpty() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(TestSupport.pskPair())
        let outcome = loopback.issue(.checkLiveness, to: .responder)
        #expect(outcome.messages == 2 && outcome.failures.isEmpty)
        #expect(loopback.initiator.isEstablished)
    }

    @Test func rekeyOfAnUnknownChildIsReported() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(TestSupport.pskPair())
        let outcome = loopback.issue(.rekeyChildSA(name: "nope"), to: .initiator)
        #expect(outcome.failures.first?.code == .childSANotFound)
        #expect(outcome.messages == 0)
    }

    @Test func repeatedRequestGetsTheStoredResponse() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(TestSupport.pskPair())
        let authRequest = loopback.deliveries[2].datagram
        let authResponse = loopback.deliveries[3].datagram
        let outcome = loopback.inject(authRequest, to: .responder)
        let resent = outcome.responderActions.compactMap { action -> Datagram? in
            if case .send(let datagram) = action { return datagram }
            return nil
        }
        #expect(resent == [authResponse])
        // The initiator drops the duplicate response.
        #expect(outcome.initiatorActions.count == 1)
        #expect(loopback.initiator.isEstablished && loopback.responder.isEstablished)
    }
}
