import IKECore
import IKECrypto
import IKEEngine
import Testing

@Suite("IKEv1 lifetime negotiation (RFC 2407 section 4.6.3.1)")
struct IKEv1LifetimeTests {
    typealias Support = IKEv1TestSupport

    /// A pair whose initiator proposes `proposed` and whose responder has `ours` under
    /// `policy`.
    static func pair(
        proposed: IKELifetime, ours: IKELifetime, policy: IKEv1Options.LifetimePolicy,
        mode: IKEv1Options.Mode = .main
    ) -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        var pair = Support.pskPair(mode: mode)
        pair.0.ikeLifetime = proposed
        pair.1.ikeLifetime = ours
        pair.1.ikev1.lifetimePolicy = policy
        return pair
    }

    static func lifetimes(_ loopback: LoopbackExchange) throws -> (IKELifetime, IKELifetime) {
        let initiator = try #require(loopback.initiator as? IKEv1Session)
        let responder = try #require(loopback.responder as? IKEv1Session)
        return (
            try #require(initiator.negotiatedIKELifetime),
            try #require(responder.negotiatedIKELifetime)
        )
    }

    @Test func acceptTakesTheInitiatorsLongerLifetime() throws {
        let loopback = try Support.expectAgreement(
            Self.pair(
                proposed: IKELifetime(seconds: 28_800), ours: IKELifetime(seconds: 14_400),
                policy: .accept))
        let (initiator, responder) = try Self.lifetimes(loopback)
        #expect(initiator == IKELifetime(seconds: 28_800))
        #expect(responder == initiator)
        #expect(loopback.responder.ikeSA?.lifetimeSeconds == 28_800)
    }

    @Test(arguments: [IKEv1Options.Mode.main, .aggressive])
    func notifyAnnouncesTheShorterLifetimeWhichTheInitiatorAdopts(mode: IKEv1Options.Mode)
        throws
    {
        let loopback = try Support.expectAgreement(
            Self.pair(
                proposed: IKELifetime(seconds: 28_800),
                ours: IKELifetime(seconds: 3_600, kilobytes: 100_000), policy: .notify,
                mode: mode))
        let (initiator, responder) = try Self.lifetimes(loopback)
        #expect(initiator == IKELifetime(seconds: 3_600, kilobytes: 100_000))
        #expect(responder == initiator)
        #expect(loopback.initiator.ikeSA?.lifetimeSeconds == 3_600)
        let announcing = mode == .main ? 5 : 1
        let payloads = loopback.transcript[announcing].payloads.joined(separator: ", ")
        #expect(payloads.contains("N(RESPONDER-LIFETIME)"))
    }

    @Test func rejectRefusesALongerLifetime() throws {
        let pair = Self.pair(
            proposed: IKELifetime(seconds: 86_400), ours: IKELifetime(seconds: 14_400),
            policy: .reject)
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .noProposalChosen)
        #expect(refusal.reason.contains("lifetime"))
        #expect(outcome.failures(of: .initiator).map(\.code) == [.noProposalChosen])
    }

    @Test(arguments: IKEv1Options.LifetimePolicy.allCases)
    func aShorterProposalIsTakenUnderEveryPolicy(policy: IKEv1Options.LifetimePolicy) throws {
        let loopback = try Support.expectAgreement(
            Self.pair(
                proposed: IKELifetime(seconds: 600, kilobytes: 5_000),
                ours: IKELifetime(seconds: 14_400, kilobytes: 10_000), policy: policy))
        let (initiator, responder) = try Self.lifetimes(loopback)
        #expect(initiator == IKELifetime(seconds: 600, kilobytes: 5_000))
        #expect(responder == initiator)
    }

    @Test func noVolumeLimitIsLongerThanAnyLimit() throws {
        let loopback = try Support.expectAgreement(
            Self.pair(
                proposed: IKELifetime(seconds: 3_600),
                ours: IKELifetime(seconds: 3_600, kilobytes: 2_048),
                policy: .notify))
        let (initiator, responder) = try Self.lifetimes(loopback)
        #expect(initiator == IKELifetime(seconds: 3_600, kilobytes: 2_048))
        #expect(responder == initiator)
    }

    @Test(arguments: IKEv1Options.LifetimePolicy.allCases)
    func quickModeLifetimesFollowTheSamePolicy(policy: IKEv1Options.LifetimePolicy) throws {
        var pair = Support.withChild(
            Support.pskPair(), protocolID: .esp, mode: .tunnel,
            initiatorProposals: [TestSupport.esp("aes128-sha256")],
            lifetimes: (
                ChildLifetime(seconds: 7_200, bytes: 4_194_304 * 1024),
                ChildLifetime(seconds: 1_800, bytes: 1_048_576 * 1024)
            ))
        pair.1.ikev1.lifetimePolicy = policy
        let loopback = try TestSupport.loopback(pair.0, pair.1)
        let outcome = loopback.negotiate()
        switch policy {
        case .reject:
            #expect(outcome.failures(of: .responder).map(\.code) == [.noProposalChosen])
            #expect(loopback.initiator.childSAs.isEmpty)
        case .accept:
            #expect(outcome.failures.isEmpty)
            #expect(loopback.initiator.childSAs.first?.lifetime.seconds == 7_200)
            let fourGiB: UInt64 = 4_194_304 * 1024
            #expect(loopback.responder.childSAs.first?.lifetime.bytes == fourGiB)
        case .notify:
            #expect(outcome.failures.isEmpty)
            let initiator = try #require(loopback.initiator.childSAs.first)
            #expect(initiator.lifetime == ChildLifetime(seconds: 1_800, bytes: 1_048_576 * 1024))
            #expect(loopback.responder.childSAs.first?.lifetime == initiator.lifetime)
            let answer = try #require(
                loopback.transcript.last { $0.isResponse && $0.exchange == "Quick Mode" })
            #expect(answer.payloads[0].contains("N(RESPONDER-LIFETIME)"))
        }
    }
}
