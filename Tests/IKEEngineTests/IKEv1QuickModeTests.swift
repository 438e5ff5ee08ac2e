import IKECore
import IKECrypto
import IKEEngine
import Testing

@Suite("IKEv1 quick mode rekeys, deletes, liveness and refusals")
struct IKEv1QuickModeTests {
    typealias Support = IKEv1TestSupport

    /// The ESP proposal of `IKEv1TestSupport.pskPair()`.
    static let esp = [TestSupport.esp("aes256-sha256")]

    static func rekeyed(_ actions: [SessionAction]) -> [(old: ChildSA, new: ChildSA)] {
        actions.compactMap {
            if case .childSARekeyed(let old, let new) = $0 { return (old, new) }
            return nil
        }
    }

    static func deleted(_ actions: [SessionAction]) -> [ChildSA] {
        actions.compactMap {
            if case .childSADeleted(let child) = $0 { return child }
            return nil
        }
    }

    @Test(arguments: [IKERole.initiator, .responder])
    func rekeyingAChildSARunsANewQuickModeAndRetiresTheOldSA(by role: IKERole) throws {
        let pair = Support.withChild(
            Support.pskPair(), protocolID: .esp, mode: .tunnel,
            initiatorProposals: [TestSupport.esp("aes128-sha256-modp2048")])
        let loopback = try Support.expectAgreement(pair)
        let before = try #require(loopback.initiator.childSAs.first)

        let outcome = loopback.issue(.rekeyChildSA(name: "lan"), to: role)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        let mine = try #require(Self.rekeyed(outcome.initiatorActions).first)
        let theirs = try #require(Self.rekeyed(outcome.responderActions).first)
        #expect(mine.old == before)
        #expect(mine.new.generation == 1)
        #expect(mine.new.keys.outboundEncryptionKey != before.keys.outboundEncryptionKey)
        Support.expectMirrored(mine.new, theirs.new)
        #expect(loopback.initiator.childSAs == [mine.new])
        #expect(loopback.responder.childSAs == [theirs.new])
        // The old SA goes with an informational Delete, which reports nothing more.
        #expect(Self.deleted(outcome.initiatorActions + outcome.responderActions).isEmpty)
        #expect(loopback.transcript.last?.exchange == "Informational")
        #expect(!loopback.initiator.isAwaitingResponse)
    }

    @Test func deletingAChildSARemovesItOnBothSides() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        let child = try #require(loopback.initiator.childSAs.first)
        let outcome = loopback.issue(.deleteChildSA(name: "lan"), to: .initiator)
        #expect(Self.deleted(outcome.initiatorActions) == [child])
        #expect(Self.deleted(outcome.responderActions).map(\.inboundSPI) == [child.outboundSPI])
        #expect(loopback.initiator.childSAs.isEmpty)
        #expect(loopback.responder.childSAs.isEmpty)
        #expect(loopback.transcript.last?.payloads == ["E{HASH(32), D(1 ESP SPI)}"])
        #expect(loopback.initiator.isEstablished && loopback.responder.isEstablished)
    }

    @Test func closingDeletesTheIPsecSAsAndTheISAKMPSA() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        let outcome = loopback.issue(.close, to: .responder)
        #expect(
            outcome.responderActions.contains {
                if case .ikeSADeleted(.responder) = $0 { return true }
                return false
            })
        #expect(
            outcome.initiatorActions.contains {
                if case .ikeSADeleted(.responder) = $0 { return true }
                return false
            })
        #expect(Self.deleted(outcome.initiatorActions).count == 1)
        #expect(loopback.initiator.isClosed && loopback.responder.isClosed)
    }

    @Test func aMissingChildSAIsReportedNotCrashed() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        let outcome = loopback.issue(.rekeyChildSA(name: "nope"), to: .initiator)
        #expect(outcome.failures.map(\.code) == [.childSANotFound])
    }

    @Test func replacingTheISAKMPSAIsAStatedLimitation() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        let outcome = loopback.issue(.rekeyIKESA, to: .initiator)
        let failure = try #require(outcome.failures.first)
        #expect(failure.code == .invalidConfiguration)
        #expect(failure.phase == .ikeRekey)
        #expect(loopback.initiator.isEstablished)
    }

    @Test func deadPeerDetectionIsAnswered() throws {
        let loopback = try Support.expectAgreement(Support.pskPair())
        let outcome = loopback.issue(.checkLiveness, to: .initiator)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.messages == 2)
        #expect(
            loopback.transcript.suffix(2).map { $0.payloads.first ?? "" } == [
                "E{HASH(32), N(R-U-THERE)}", "E{HASH(32), N(R-U-THERE-ACK)}",
            ])
        #expect(!loopback.initiator.isAwaitingResponse)
    }

    @Test func aPFSGroupMismatchIsNoProposalChosen() throws {
        let pair = Support.withChild(
            Support.pskPair(), protocolID: .esp, mode: .tunnel,
            initiatorProposals: [TestSupport.esp("aes128-sha256-modp2048")],
            responderProposals: [TestSupport.esp("aes128-sha256-ecp256")])
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .noProposalChosen)
        #expect(refusal.notify?.name == "NO-PROPOSAL-CHOSEN")
        #expect(
            refusal.reason
                == "proposals differ only in the PFS group: modp2048 offered, ecp256 configured")
        #expect(refusal.phase == .childSA("lan"))
        #expect(refusal.proposals?.received.first?.dhGroups == [.modp2048])
        let reported = try #require(outcome.failures(of: .initiator).first)
        #expect(reported.code == .noProposalChosen)
        #expect(reported.refusedBy == .responder)
        #expect(reported.notify?.isakmpType == .noProposalChosen)
    }

    @Test func pfsOnOneSideOnlyIsNoProposalChosen() throws {
        let pair = Support.withChild(
            Support.pskPair(), protocolID: .esp, mode: .tunnel,
            initiatorProposals: [TestSupport.esp("aes128-sha256")],
            responderProposals: [TestSupport.esp("aes128-sha256-modp2048")])
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        #expect(outcome.failures(of: .responder).map(\.code) == [.noProposalChosen])
        #expect(outcome.failures(of: .initiator).map(\.code) == [.noProposalChosen])
    }

    @Test func selectorsOutsideTheResponderConfigurationAreInvalidIDInformation() throws {
        var pair = Support.pskPair()
        pair.1.children = [
            TestSupport.child(initiatorSide: false, proposals: Self.esp, remote: "10.9.0.0/16")
        ]
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .trafficSelectorsUnacceptable)
        #expect(refusal.notify?.name == "INVALID-ID-INFORMATION")
        let reported = try #require(outcome.failures(of: .initiator).first)
        #expect(reported.code == .trafficSelectorsUnacceptable)
        #expect(reported.phase == .childSA("lan"))
    }

    @Test func aNarrowerProposalInsideTheResponderSelectorsIsTakenAsProposed() throws {
        var pair = Support.pskPair()
        pair.0.children = [
            TestSupport.child(initiatorSide: true, proposals: Self.esp, local: "10.1.2.0/24")
        ]
        let loopback = try Support.expectAgreement(pair)
        #expect(
            loopback.responder.childSAs.first?.remoteSelectors == [
                TestSupport.network("10.1.2.0/24")
            ])
    }

    @Test func hostIDsNarrowedToAProtocolAreShownAsSelectorsInTheTranscript() throws {
        var gre = (TestSupport.network("10.1.0.1/32"), TestSupport.network("10.2.0.1/32"))
        gre.0.ipProtocol = 47
        gre.1.ipProtocol = 47
        var pair = Support.pskPair()
        pair.0.children = [
            ChildConfiguration(
                name: "lan", protocolID: .esp, mode: .transport, localSelectors: [gre.0],
                remoteSelectors: [gre.1], proposals: Self.esp, lifetime: ChildLifetime())
        ]
        pair.1.children = [
            ChildConfiguration(
                name: "lan", protocolID: .esp, mode: .transport, localSelectors: [gre.1],
                remoteSelectors: [gre.0], proposals: Self.esp, lifetime: ChildLifetime())
        ]
        let loopback = try Support.expectAgreement(pair)
        let quickMode = try #require(loopback.transcript.first { $0.exchange == "Quick Mode" })
        #expect(
            quickMode.payloads.first?.hasSuffix("ID(10.1.0.1/32[gre]), ID(10.2.0.1/32[gre])}")
                == true)
    }

    @Test func aModeMismatchIsReportedAsSuch() throws {
        var pair = Support.pskPair()
        pair.1.children = [
            TestSupport.child(initiatorSide: false, proposals: Self.esp, mode: .transport)
        ]
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .modeMismatch)
        #expect(refusal.notify?.name == "NO-PROPOSAL-CHOSEN")
    }
}
