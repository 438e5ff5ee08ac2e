import IKECore
import IKEEngine
import IKEPlan
import IKEPolicy
import Testing

@Suite struct ConfigurationTranslatorTests {
    static func translate(_ a: CheckedPolicy, _ b: CheckedPolicy) throws(PlanError)
        -> IKEPeerConfiguration
    {
        let pair = try PolicyPairer.pair(a, b)
        return try ConfigurationTranslator.configuration(
            for: pair.a, profile: pair.profiles.a, endpoints: pair.endpoints,
            validationTime: 1_800_000_000)
    }

    @Test func aPSKPairTranslatesIntoTheEnginesTerms() throws {
        let configuration = try Self.translate(try TestSupport.hq(), try TestSupport.branch())
        #expect(configuration.version == .v2)
        #expect(configuration.local.address.description == "198.51.100.1")
        #expect(configuration.remote.address.description == "203.0.113.7")
        #expect(configuration.localIdentity == .fqdn("hq.example.net"))
        #expect(configuration.remoteIdentity == .fqdn("branch.example.net"))
        #expect(configuration.ikeLifetime.seconds == 8 * 3600)
        #expect(configuration.proposalPreference == .local)
        let child = try #require(configuration.children.first)
        #expect(child.localSelectors.map(\.description) == ["10.1.0.0/16"])
        #expect(child.proposals.first?.dhGroups == [.ecp384])
        guard case .preSharedKey(let key) = configuration.localAuthentication else {
            Issue.record("expected a pre-shared key")
            return
        }
        #expect(key.count == 34)
    }

    @Test func anUnsetVariableIsNamedButNoValueEverIs() throws {
        let hq = try TestSupport.hq(psk: "{ env: IKEC_PLAN_TEST_SURELY_UNSET }")
        let branch = try TestSupport.branch()
        do {
            _ = try Self.translate(hq, branch)
            Issue.record("translation should fail")
        } catch {
            #expect(error.code == .translationFailed)
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "IKE-P010")
            #expect(diagnostic.message.contains("'IKEC_PLAN_TEST_SURELY_UNSET' is not set"))
            #expect(diagnostic.span?.start.line == 13)
        }
    }

    @Test func aKeyThatIsNotTheCertificatesIsALoadDiagnostic() throws {
        let mismatched = try TestSupport.policy(
            TestSupport.gateway(
                name: "hq", address: "198.51.100.1", id: "fqdn:hq.example.net", peer: "branch",
                peerAddress: "203.0.113.7", peerID: "fqdn:branch.example.net",
                auth: "local: ecdsa\n      remote: psk", local: "10.1.0.0/16",
                remote: "10.2.0.0/16",
                gatewayExtra: "  credentials:\n    certificate: ../../../examples/pki/hq.crt\n"
                    + "    private-key: ../../../examples/pki/cnsa-hq.key\n"),
            path: "hq.yaml")
        let branch = try TestSupport.branch()
        do {
            _ = try Self.translate(mismatched, branch)
            Issue.record("translation should fail")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "IKE-P013")
            #expect(
                diagnostic.message
                    == "private key '../../../examples/pki/cnsa-hq.key' does not belong to "
                    + "certificate '../../../examples/pki/hq.crt'")
        }
    }

    @Test func anRSAKeyCannotMakeECDSASignatures() throws {
        let policy = try TestSupport.policy(
            TestSupport.gateway(
                name: "hq", address: "198.51.100.1", id: "fqdn:hq.example.net", peer: "branch",
                peerAddress: "203.0.113.7", peerID: "fqdn:branch.example.net",
                auth: "local: ecdsa\n      remote: psk", local: "10.1.0.0/16",
                remote: "10.2.0.0/16",
                gatewayExtra: "  credentials:\n    certificate: ../../../examples/pki/branch.crt\n"
                    + "    private-key: ../../../examples/pki/branch.key\n"),
            path: "hq.yaml")
        let branch = try TestSupport.branch()
        do {
            _ = try Self.translate(policy, branch)
            Issue.record("translation should fail")
        } catch {
            #expect(error.diagnostics.first?.id == "IKE-P015")
        }
    }

    @Test func certificatesBecomeAChainAndTrustAnchors() throws {
        let hq = try TestSupport.example("certificates", "hq.yaml")
        let branch = try TestSupport.example("certificates", "branch.yaml")
        let configuration = try Self.translate(hq, branch)
        guard
            case .certificate(let key, let chain, let settings) = configuration.localAuthentication,
            case .certificate(let anchors, let pinned) = configuration.remoteAuthentication
        else {
            Issue.record("expected certificate authentication")
            return
        }
        #expect(key.algorithm == .ecP256 && chain.count == 1)
        #expect(settings.method == .classic)
        #expect(anchors.count == 1 && pinned == nil)
        // hq's addresses include IPv6; the branch is IPv4, so IPv4 is used.
        #expect(configuration.local.address.isIPv4)
    }
}
