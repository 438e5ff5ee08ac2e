import IKECore
import IKEPlan
import Testing

@Suite struct ProposalPredictorTests {
    static func ike(_ text: String) -> Proposal { TestSupport.proposal(text, .ike) }
    static func esp(_ text: String) -> Proposal { TestSupport.proposal(text, .esp) }

    @Test func responderOrderWinsWithOurs() throws {
        let offered = [
            Self.ike("aes128gcm16-prfsha256-x25519"), Self.ike("aes256gcm16-prfsha384-ecp384"),
        ]
        let configured = [
            Self.ike("aes256gcm16-prfsha384-ecp384"), Self.ike("aes128gcm16-prfsha256-x25519"),
        ]
        let selection = try #require(
            ProposalPredictor.select(offered: offered, configured: configured, order: .ours))
        #expect(selection.proposal == Self.ike("aes256gcm16-prfsha384-ecp384"))
        #expect(selection.offeredIndex == 1 && selection.configuredIndex == 0)
    }

    @Test func initiatorOrderWinsWithTheirs() throws {
        let offered = [
            Self.ike("aes128gcm16-prfsha256-x25519"), Self.ike("aes256gcm16-prfsha384-ecp384"),
        ]
        let configured = [
            Self.ike("aes256gcm16-prfsha384-ecp384"), Self.ike("aes128gcm16-prfsha256-x25519"),
        ]
        let selection = try #require(
            ProposalPredictor.select(offered: offered, configured: configured, order: .theirs))
        #expect(selection.proposal == Self.ike("aes128gcm16-prfsha256-x25519"))
    }

    @Test func eachTransformIsTakenInThePreferredSidesOrder() throws {
        let offered = [Self.ike("aes256gcm16-prfsha384-ecp384-x25519")]
        let configured = [Self.ike("aes256gcm16-prfsha384-x25519-ecp384")]
        let ours = try #require(
            ProposalPredictor.select(offered: offered, configured: configured, order: .ours))
        #expect(ours.proposal.dhGroups == [.curve25519])
        let theirs = try #require(
            ProposalPredictor.select(offered: offered, configured: configured, order: .theirs))
        #expect(theirs.proposal.dhGroups == [.ecp384])
    }

    @Test func aTypeOnOneSideOnlyNeverMatches() {
        // PFS on one side, none on the other: a CREATE_CHILD_SA cannot agree.
        #expect(
            ProposalPredictor.select(
                offered: [Self.esp("aes256gcm16-ecp384")], configured: [Self.esp("aes256gcm16")],
                order: .ours) == nil)
    }

    @Test func groupsAreIgnoredForTheFirstChildSA() throws {
        let selection = try #require(
            ProposalPredictor.select(
                offered: [Self.esp("aes256gcm16-ecp384")],
                configured: [Self.esp("aes256gcm16-modp3072")], order: .ours,
                ignoringGroups: true))
        #expect(selection.proposal.dhGroups.isEmpty)
        #expect(selection.proposal.encryption == Self.esp("aes256gcm16").encryption)
    }

    @Test func childProposalsWithoutESNSelectNoESN() throws {
        let selection = try #require(
            ProposalPredictor.select(
                offered: [Self.esp("aes128-sha256")], configured: [Self.esp("aes128-sha256")],
                order: .ours))
        #expect(selection.proposal.esn == [.disabled])
        #expect(
            ProposalPredictor.select(
                offered: [Self.esp("aes128-sha256-esn")],
                configured: [Self.esp("aes128-sha256-noesn")], order: .ours) == nil)
    }

    @Test func nothingInCommonSelectsNothing() {
        #expect(
            ProposalPredictor.select(
                offered: [Self.ike("aes256gcm16-prfsha384-ecp384")],
                configured: [Self.ike("aes128-sha256-prfsha256-modp2048")], order: .ours) == nil)
    }
}
