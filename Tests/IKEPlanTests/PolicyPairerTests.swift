import IKECore
import IKEPlan
import IKEPolicy
import Testing

@Suite struct PolicyPairerTests {
    static func hub(_ peers: String) throws -> CheckedPolicy {
        try TestSupport.policy(
            """
            ikec: 1
            gateway: { name: hub, address: 198.51.100.10, id: fqdn:hub.example.net }
            peers:
            \(peers)
            """, path: "hub.yaml")
    }

    static func entry(_ name: String, address: String, id: String?) -> String {
        """
          \(name):
            address: \(address)
        \(id.map { "    id: \($0)\n" } ?? "")    auth: { method: psk, psk: { file: pair.psk } }
            phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
        """
    }

    static func branch(address: String = "203.0.113.7", id: String = "fqdn:branch.example.net")
        throws -> CheckedPolicy
    {
        try TestSupport.policy(
            """
            ikec: 1
            gateway: { name: branch, address: \(address), id: \(id) }
            peers:
            \(entry("hub", address: "198.51.100.10", id: "fqdn:hub.example.net"))
            """, path: "branch.yaml")
    }

    @Test func identityAndAddressBeatAddressOnly() throws {
        let hub = try Self.hub(
            Self.entry("range", address: "203.0.113.0/24", id: nil)
                + "\n" + Self.entry("branch", address: "203.0.113.7", id: "fqdn:branch.example.net")
        )
        let pair = try PolicyPairer.pair(hub, try Self.branch())
        #expect(pair.a.peer.name.value == "branch")
        #expect(pair.a.match == .identityAndAddress)
    }

    @Test func aPeerAtAnyMatchesOnlyByIdentity() throws {
        let anyWithID = try Self.hub(
            Self.entry("rw", address: "any", id: "fqdn:branch.example.net"))
        let pair = try PolicyPairer.pair(anyWithID, try Self.branch())
        #expect(pair.a.match == .identity)
        // The road warrior's address is the counterpart's own.
        #expect(
            pair.endpoints
                == EndpointPair(
                    local: IPAddress("198.51.100.10")!, remote: IPAddress("203.0.113.7")!))

        let anyOtherID = try Self.hub(
            Self.entry("rw", address: "any", id: "fqdn:other.example.net"))
        #expect(throws: PlanError.self) { try PolicyPairer.pair(anyOtherID, try Self.branch()) }
    }

    @Test func anAddressMatchWithAnotherIdentityStillPairs() throws {
        let hub = try Self.hub(
            Self.entry("branch", address: "203.0.113.7", id: "fqdn:office.example.net"))
        let pair = try PolicyPairer.pair(hub, try Self.branch())
        #expect(pair.a.match == .address)
    }

    @Test func aMissingPeerSaysWhichSideLacksWhat() throws {
        let hub = try Self.hub(
            Self.entry("branch2", address: "203.0.113.8", id: "fqdn:branch2.example.net"))
        let branch = try Self.branch()
        do {
            _ = try PolicyPairer.pair(hub, branch)
            Issue.record("pairing should fail")
        } catch {
            #expect(error.code == .pairingMissing)
            #expect(
                error.diagnostics.first?.message
                    == "hub.yaml has no peer for gateway 'branch' (address 203.0.113.7, id "
                    + "fqdn:branch.example.net); peers are: branch2 (address 203.0.113.8, id "
                    + "fqdn:branch2.example.net)")
            #expect(error.diagnostics.first?.id == "IKE-P001")
        }
    }

    @Test func twoEquallyGoodPeersAreAmbiguous() throws {
        let hub = try Self.hub(
            Self.entry("a", address: "203.0.113.0/24", id: nil) + "\n"
                + Self.entry("b", address: "203.0.113.7", id: nil))
        let branch = try Self.branch()
        do {
            _ = try PolicyPairer.pair(hub, branch)
            Issue.record("pairing should be ambiguous")
        } catch {
            #expect(error.code == .pairingAmbiguous)
            #expect(error.diagnostics.first?.message.contains("'a', 'b'") == true)
        }
    }

    @Test func aVersionMismatchStillPairs() throws {
        let hq = try TestSupport.hq(
            phase1: "[aes256-sha256-ecp384]", phase2: "[aes256-sha256-ecp384]", ike: "v1")
        let pair = try PolicyPairer.pair(hq, try TestSupport.branch())
        #expect(!pair.versionsAgree)
    }
}
