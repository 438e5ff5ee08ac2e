import IKECore
import IKEEngine
import IKEPlan
import IKEPolicy
import Testing

@Suite struct IKEv2PlannerTests {
    @Test func aMatchingPairWorksBothWays() throws {
        let plan = try TestSupport.plan(try TestSupport.hq(), try TestSupport.branch())
        #expect(plan.directions.count == 2)
        for direction in plan.directions {
            #expect(direction.allFailures.isEmpty)
            #expect(
                direction.phase1?.selected
                    == TestSupport.proposal("aes256gcm16-prfsha384-ecp384", .ike))
            #expect(direction.roundTrips == 2)
            #expect(direction.exchanges.map(\.name) == ["IKE_SA_INIT", "IKE_AUTH"])
        }
        // The first Child SA carries no PFS group; its rekey does.
        let child = try #require(plan.directions[0].children.first)
        #expect(child.exchange == "IKE_AUTH")
        #expect(child.selected?.dhGroups == [])
        #expect(child.rekey?.selected?.dhGroups == [.ecp384])
    }

    @Test func aResponderSelectingAnotherGroupCostsARoundTrip() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(phase1: "[aes256gcm16-prfsha384-ecp384-x25519]"),
            try TestSupport.branch(phase1: "[aes256gcm16-prfsha384-x25519-ecp384]"))
        let hqFirst = plan.directions[0]
        #expect(hqFirst.phase1?.keyExchangeGroup == .ecp384)
        #expect(hqFirst.phase1?.selected?.dhGroups == [.curve25519])
        #expect(hqFirst.phase1?.invalidKERoundTrip == true)
        #expect(hqFirst.roundTrips == 3)
        #expect(plan.directions[1].phase1?.selected?.dhGroups == [.ecp384])
    }

    @Test func aPFSMismatchFailsOnlyAtTheFirstRekey() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(phase2: "[aes256gcm16-ecp384]"),
            try TestSupport.branch(phase2: "[aes256gcm16-modp3072]"))
        let direction = plan.directions[0]
        let child = try #require(direction.children.first)
        #expect(child.failure == nil)
        let failure = try #require(child.rekey?.failure)
        #expect(failure.code == .noProposalChosen)
        #expect(failure.exchange == "CREATE_CHILD_SA")
        #expect(failure.refusedBy == "branch")
        #expect(
            failure.nearestMiss?.summary
                == "proposals differ only in the PFS group: ecp384 vs modp3072")
        #expect(
            failure.changes.first?.summary.hasPrefix(
                "add 'ecp384' to proposal 'aes256gcm16-modp3072'") == true)
        #expect(failure.changes.first?.replacement == "aes256gcm16-modp3072-ecp384")
    }

    @Test func theShorterLifetimeRekeysFirst() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(lifetime: "24h", childLifetime: "2h"),
            try TestSupport.branch(lifetime: "8h", childLifetime: "1h"))
        let direction = plan.directions[0]
        // A lifetime is the hard limit: the shorter end rekeys at 90% of it.
        #expect(direction.ikeRekey?.by == "branch" && direction.ikeRekey?.at == 8 * 3240)
        #expect(direction.ikeRekey?.byRole == .responder)
        #expect(direction.phase1?.lifetime.expiresAt == 8 * 3600)
        #expect(direction.children.first?.rekey?.by == "branch")
    }

    @Test func disjointSelectorsAreTSUnacceptableWithTheListToExtend() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(), try TestSupport.branch(local: "10.3.0.0/16"))
        let failure = try #require(plan.directions[0].children.first?.failure)
        #expect(failure.code == .trafficSelectorsUnacceptable)
        #expect(failure.notify == "TS_UNACCEPTABLE")
        #expect(
            failure.changes.map(\.summary) == [
                "add '10.2.0.0/16' to branch.yaml peers.hq.phase2.lan.local-ts"
            ])
    }

    @Test func selectorsAreNarrowedToTheIntersection() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(remote: "10.0.0.0/8"), try TestSupport.branch(local: "10.2.0.0/16"))
        let child = try #require(plan.directions[0].children.first)
        #expect(child.proposedResponderSelectors.map(\.description) == ["10.0.0.0/8"])
        #expect(child.responderSelectors.map(\.description) == ["10.2.0.0/16"])
    }

    @Test func differentPreSharedKeysAreTold() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(), try TestSupport.branch(psk: "{ file: other.psk }"))
        let failure = try #require(plan.directions[0].failure)
        #expect(failure.code == .sharedKeyMismatch)
        #expect(failure.exchange == "IKE_AUTH" && failure.refusedBy == "branch")
        #expect(!failure.reason.contains("HorseBattery"))
    }

    @Test func aWrongIdentityIsRefusedByTheResponder() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(peerID: "fqdn:office.example.net"), try TestSupport.branch())
        // hq initiates and asks for IDr office: branch refuses.
        let asked = try #require(plan.directions[0].failure)
        #expect(asked.code == .identityMismatch && asked.refusedBy == "branch")
        // branch initiates as fqdn:branch: hq refuses and suggests the id to expect.
        let presented = try #require(plan.directions[1].failure)
        #expect(presented.refusedBy == "hq")
        #expect(
            presented.changes.first?.summary
                == "set 'id: fqdn:branch.example.net' in hq.yaml peers.branch.id")
    }

    @Test func aWrongAuthMethodIsToldApartFromAWrongKey() throws {
        let branch = try TestSupport.branch(
            auth: "local: pubkey\n      remote: psk",
            gatewayExtra: "  credentials:\n    certificate: ../../../examples/pki/branch.crt\n"
                + "    private-key: ../../../examples/pki/branch.key\n")
        let plan = try TestSupport.plan(try TestSupport.hq(), branch)
        let hqFirst = try #require(plan.directions[0].failure)
        #expect(hqFirst.code == .authMethodMismatch && hqFirst.refusedByRole == .initiator)
        let branchFirst = try #require(plan.directions[1].failure)
        #expect(branchFirst.code == .authMethodMismatch && branchFirst.refusedByRole == .responder)
        // The branch holds the key, so switching it to psk is the smaller change.
        #expect(
            branchFirst.changes.first?.summary == "set 'local: psk' in branch.yaml peers.hq.auth")
    }

    @Test func noCommonIKEProposalNamesTheNearestMissAndTheChange() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(), try TestSupport.branch(phase1: "[aes256gcm16-prfsha384-modp2048]")
        )
        let failure = try #require(plan.directions[0].failure)
        #expect(failure.code == .noProposalChosen && failure.exchange == "IKE_SA_INIT")
        #expect(
            failure.nearestMiss?.summary
                == "proposals differ only in the DH group: ecp384 vs modp2048")
        // ecp384 is the stronger group: the branch adopts it.
        let change = try #require(failure.changes.first)
        #expect(change.location.file == "branch.yaml")
        #expect(change.replacement == "aes256gcm16-prfsha384-modp2048-ecp384")
        #expect(plan.directions[0].exchanges.count == 1)
    }

    @Test func aVersionMismatchIsAPlannedFailure() throws {
        let plan = try TestSupport.plan(
            try TestSupport.hq(),
            try TestSupport.branch(
                phase1: "[aes256-sha256-ecp384]", phase2: "[aes256-sha256-ecp384]", ike: "v1"))
        let failure = try #require(plan.directions[0].failure)
        #expect(failure.code == .unsupportedVersion)
        #expect(failure.notify == nil)
        #expect(
            failure.changes.first?.summary.hasPrefix("set 'ike: v2' in branch.yaml peers.hq.ike")
                == true)
        #expect(plan.directions[1].failure?.exchange == "Main Mode")
    }

    @Test func aSinglePolicyIsPlannedAgainstItsMirror() throws {
        let plan = Planner.plan(try TestSupport.hq())
        let connection = try #require(plan.connections.first)
        #expect(connection.b.isMirror && connection.b.label == "branch")
        #expect(connection.b.localIdentity == .fqdn("branch.example.net"))
        for direction in connection.directions {
            #expect(direction.allFailures.isEmpty)
        }
    }
}
