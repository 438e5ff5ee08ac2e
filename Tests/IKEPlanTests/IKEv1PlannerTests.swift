import IKECore
import IKEEngine
import IKEPlan
import IKEPolicy
import Testing

@Suite struct IKEv1PlannerTests {
    static func hq(
        phase1: String = "[aes256-sha256-modp3072]", phase2: String = "[aes256-sha256-modp3072]",
        lifetime: String = "8h", extra: String = "      mode: main\n"
    ) throws -> CheckedPolicy {
        try TestSupport.hq(
            phase1: phase1, phase2: phase2, ike: "v1", lifetime: lifetime, phase1Extra: extra)
    }

    static func branch(
        phase1: String = "[aes256-sha256-modp3072]", phase2: String = "[aes256-sha256-modp3072]",
        lifetime: String = "8h", check: String = "notify", auth: String = "method: psk"
    ) throws -> CheckedPolicy {
        try TestSupport.branch(
            phase1: phase1, phase2: phase2, ike: "v1", lifetime: lifetime,
            phase1Extra: "      lifetime-check: \(check)\n", auth: auth)
    }

    @Test func mainModeAndQuickModeTakeFourAndAHalfRoundTrips() throws {
        let plan = try TestSupport.plan(try Self.hq(), try Self.branch())
        let direction = plan.directions[0]
        #expect(direction.allFailures.isEmpty)
        #expect(direction.exchanges.map(\.name) == ["Main Mode", "Quick Mode"])
        #expect(direction.roundTrips == 4.5)
        #expect(
            direction.phase1?.selected.map(PlanText.proposal) == "aes256-prfsha256-sha256-modp3072")
        // PFS applies from the first quick mode in IKEv1.
        #expect(direction.children.first?.keyExchangeGroup == .modp3072)
    }

    @Test func aLongerLifetimeIsShortenedWithResponderLifetime() throws {
        let plan = try TestSupport.plan(
            try Self.hq(lifetime: "24h"), try Self.branch(check: "notify"))
        let lifetime = try #require(plan.directions[0].phase1?.lifetime)
        #expect(lifetime.negotiatedSeconds == 8 * 3600)
        #expect(lifetime.responderLifetimeNotify)
        #expect(plan.directions[0].exchanges.first?.purpose.contains("RESPONDER-LIFETIME") == true)
        // The other way the proposal is shorter than hq's own: taken as it is.
        #expect(plan.directions[1].phase1?.lifetime.negotiatedSeconds == 8 * 3600)
        #expect(plan.directions[1].phase1?.lifetime.responderLifetimeNotify == false)
    }

    @Test func aRejectingResponderRefusesALongerLifetime() throws {
        let plan = try TestSupport.plan(
            try Self.hq(lifetime: "24h"), try Self.branch(check: "reject"))
        let failure = try #require(plan.directions[0].failure)
        #expect(failure.code == .noProposalChosen && failure.notify == "NO-PROPOSAL-CHOSEN")
        #expect(failure.exchange == "Main Mode")
        #expect(
            failure.changes.first?.summary
                == "set 'lifetime-check: notify' in branch.yaml peers.hq.phase1.lifetime-check")
    }

    @Test func theMethodIsPartOfTheProposal() throws {
        let branch = try TestSupport.branch(
            phase1: "[aes256-sha256-modp3072]", phase2: "[aes256-sha256-modp3072]", ike: "v1",
            psk: "", auth: "method: rsa\n      peer-public-key: ../../../examples/pki/hq.pub",
            gatewayExtra: "  credentials:\n    certificate: ../../../examples/pki/branch.crt\n"
                + "    private-key: ../../../examples/pki/branch.key\n")
        let plan = try TestSupport.plan(try Self.hq(), branch)
        let failure = try #require(plan.directions[0].failure)
        #expect(failure.code == .noProposalChosen && failure.exchange == "Main Mode")
        #expect(failure.reason.hasPrefix("wrong auth method: IKEv1 negotiates it in the proposal"))
    }

    @Test func quickModeTransformsNeedOnePFSGroup() throws {
        let plan = try TestSupport.plan(
            try Self.hq(phase2: "[aes256-sha256-modp3072, aes128-sha1-modp2048]"),
            try Self.branch(phase2: "[aes128-sha1-modp2048]"))
        let failure = try #require(plan.directions[0].children.first?.failure)
        #expect(failure.exchange == "Quick Mode")
        #expect(
            failure.reason.contains(
                "every transform of an IKEv1 quick mode needs the same PFS group"))
        #expect(failure.changes.first?.summary.hasPrefix("use one PFS group ('modp2048'") == true)
        // Started by the branch, whose only transform hq accepts, it works.
        #expect(plan.directions[1].children.first?.failure == nil)
    }

    @Test func aggressiveModeOffersOnlyTheFirstGroup() throws {
        let hq = try Self.hq(
            phase1: "[aes256-sha256-modp3072, aes256-sha256-modp2048]",
            extra: "      mode: aggressive\n")
        let branch = try TestSupport.branch(
            phase1: "[aes256-sha256-modp2048]", phase2: "[aes256-sha256-modp3072]", ike: "v1",
            phase1Extra: "      mode: aggressive\n")
        let plan = try TestSupport.plan(hq, branch)
        #expect(plan.directions[0].phase1?.offered.count == 1)
        #expect(plan.directions[0].failure?.code == .noProposalChosen)
        #expect(plan.directions[0].exchanges.first?.messages == 3)
    }

    @Test func modesMustAgree() throws {
        let plan = try TestSupport.plan(
            try Self.hq(extra: "      mode: aggressive\n"), try Self.branch())
        let failure = try #require(plan.directions[0].failure)
        #expect(failure.code == .noResponse && failure.notify == nil)
        #expect(failure.exchange == "Aggressive Mode")
        #expect(plan.directions[1].failure?.exchange == "Main Mode")
    }
}
