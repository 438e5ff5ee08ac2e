import IKECore
import IKECrypto
import IKEEngine
import IKEWire
import Testing

@Suite("IKEv2 negotiation failures")
struct NegotiationFailureTests {
    @Test func noCommonIKEProposalIsNoProposalChosenWithBothLists() throws {
        var pair = TestSupport.pskPair()
        pair.1.ikeProposals = [TestSupport.ike("aes128-sha256-prfsha256-modp2048")]
        let loopback = try TestSupport.loopback(pair.0, pair.1)
        let outcome = loopback.negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .noProposalChosen)
        #expect(refusal.notify == NotifyCode(IKEv2NotifyType.noProposalChosen))
        #expect(refusal.phase == .ikeSA)
        #expect(refusal.exchange == "IKE_SA_INIT")
        #expect(refusal.refusedBy == .responder)
        #expect(refusal.proposals?.received == pair.0.ikeProposals)
        #expect(refusal.proposals?.configured == pair.1.ikeProposals)
        let seen = try #require(outcome.failures(of: .initiator).first)
        #expect(seen.code == .noProposalChosen)
        #expect(seen.refusedBy == .responder)
        #expect(loopback.initiator.isClosed && loopback.responder.isClosed)
    }

    @Test func invalidKEPayloadRoundTripRecovers() throws {
        var pair = TestSupport.pskPair(ike: [
            TestSupport.ike("aes256gcm16-prfsha384-ecp384-curve25519")
        ])
        pair.1.ikeProposals = [TestSupport.ike("aes256gcm16-prfsha384-curve25519-ecp384")]
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        #expect(loopback.initiator.ikeSA?.selectedProposal.dhGroups == [.curve25519])
        let exchanges = loopback.transcript.map(\.exchange)
        #expect(exchanges.filter { $0 == "IKE_SA_INIT" }.count == 4)
        #expect(loopback.transcript[1].payloads == ["N(INVALID_KE_PAYLOAD)"])
    }

    @Test func cookieRoundTripRecovers() throws {
        var pair = TestSupport.pskPair()
        pair.1.ikev2.requireCookie = true
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        #expect(loopback.transcript[1].payloads == ["N(COOKIE)"])
        #expect(loopback.transcript[2].payloads.first == "N(COOKIE)")
        #expect(loopback.transcript.count == 6)
    }

    @Test func wrongPSKIsSharedKeyMismatch() throws {
        var pair = TestSupport.pskPair()
        pair.1.remoteAuthentication = .preSharedKey(SecretBytes(utf8: "another secret"))
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .sharedKeyMismatch)
        #expect(refusal.notify == NotifyCode(IKEv2NotifyType.authenticationFailed))
        #expect(refusal.reason == "AUTH payload does not verify with the configured pre-shared key")
        #expect(!refusal.description.contains("another secret"))
        let seen = try #require(outcome.failures(of: .initiator).first)
        #expect(seen.code == .authenticationFailed)
        #expect(seen.refusedBy == .responder)
    }

    @Test func wrongIdentityIsIdentityMismatch() throws {
        var pair = TestSupport.pskPair()
        pair.1.remoteIdentity = .fqdn("other.example.net")
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .identityMismatch)
        #expect(
            refusal.reason
                == "peer identity 'fqdn:branch.example.net' is not the expected "
                + "'fqdn:other.example.net'")
    }

    @Test func initiatorRejectsAWrongResponderIdentity() throws {
        var pair = TestSupport.pskPair()
        pair.0.remoteIdentity = .fqdn("hq.example.net")
        pair.1.localIdentity = .fqdn("imposter.example.net")
        let loopback = try TestSupport.loopback(pair.0, pair.1)
        let outcome = loopback.negotiate()
        // The responder refuses first: the initiator asked for IDr hq.example.net.
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .identityMismatch)
        #expect(loopback.initiator.isClosed)
    }

    @Test func wrongAuthMethodIsAuthMethodMismatch() throws {
        var pair = TestSupport.pskPair()
        pair.0.localAuthentication = .null
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .authMethodMismatch)
        #expect(refusal.reason == "peer used auth method null, expected shared key")
    }

    @Test func trafficSelectorsWithoutOverlapAreTSUnacceptableAndTheIKESAStaysUp() throws {
        var pair = TestSupport.pskPair()
        pair.1.children = [TestSupport.child(initiatorSide: false, remote: "172.16.0.0/12")]
        let loopback = try TestSupport.loopback(pair.0, pair.1)
        let outcome = loopback.negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .trafficSelectorsUnacceptable)
        #expect(refusal.notify == NotifyCode(IKEv2NotifyType.tsUnacceptable))
        #expect(refusal.phase == .childSA("lan"))
        #expect(outcome.failures(of: .initiator).first?.code == .trafficSelectorsUnacceptable)
        #expect(loopback.initiator.isEstablished && loopback.responder.isEstablished)
        #expect(loopback.initiator.childSAs.isEmpty)
    }

    @Test func childProposalMismatchKeepsTheIKESA() throws {
        var pair = TestSupport.pskPair()
        pair.1.children = [
            TestSupport.child(initiatorSide: false, proposals: [TestSupport.esp("aes128-sha1")])
        ]
        let loopback = try TestSupport.loopback(pair.0, pair.1)
        let outcome = loopback.negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .noProposalChosen)
        #expect(refusal.phase == .childSA("lan"))
        #expect(refusal.proposals?.configured == [TestSupport.esp("aes128-sha1")])
        #expect(loopback.initiator.isEstablished)
        #expect(loopback.responder.childSAs.isEmpty)
    }

    @Test func transportRequestAgainstTunnelConfigurationIsAModeMismatch() throws {
        var pair = TestSupport.pskPair()
        pair.0.children = [TestSupport.child(initiatorSide: true, mode: .transport)]
        let loopback = try TestSupport.loopback(pair.0, pair.1)
        let outcome = loopback.negotiate()
        #expect(outcome.failures(of: .initiator).first?.code == .modeMismatch)
        #expect(loopback.initiator.childSAs.isEmpty)
        // The initiator deleted what the responder had installed.
        #expect(loopback.responder.childSAs.isEmpty)
    }

    @Test func ikeV1ConfigurationIsRefused() throws {
        var pair = TestSupport.pskPair()
        pair.0.version = .v1
        #expect(throws: NegotiationFailure.self) {
            _ = try IKEv2Session(
                configuration: pair.0, role: .initiator, random: SeededRandom(seed: "x"))
        }
    }
}
