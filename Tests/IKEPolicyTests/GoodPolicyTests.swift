import Foundation
import IKECore
import IKEDiagnostics
import IKEPolicy
import Testing

/// The typed model of `Fixtures/good/full.yaml`, which uses most of the language.
@Suite struct GoodPolicyTests {
    let result: PolicyLoadResult
    let policy: CheckedPolicy

    init() throws {
        let file = TestSupport.fixtures.appendingPathComponent("good/full.yaml")
        result = PolicyLoader.load(path: file.path)
        policy = try #require(result.policy, "\(TestSupport.rendered(result))")
    }

    func peer(_ name: String) throws -> Peer { try #require(policy.peer(named: name)) }

    @Test func loadsWithoutDiagnostics() {
        #expect(result.diagnostics.isEmpty, "\(TestSupport.rendered(result))")
        #expect(policy.languageVersion.value == 1)
    }

    @Test func gatewayHasAddressesIdentityAndResolvedCredentials() throws {
        let gateway = policy.gateway
        #expect(gateway.name.value == "hq-1")
        #expect(
            gateway.addresses.map(\.value) == [
                IPAddress("198.51.100.1")!, IPAddress("2001:db8::1")!,
            ])
        #expect(gateway.identity.value == .distinguishedName("C=CH, O=Example, CN=hq"))
        #expect(!gateway.identityIsDefault)
        let credentials = try #require(gateway.credentials)
        #expect(credentials.canSign)
        #expect(credentials.trust.count == 1)
        let certificate = try #require(credentials.certificate?.value)
        #expect(certificate.written == "../files/hq.crt")
        #expect(
            certificate.resolvedPath
                == TestSupport.fixtures.appendingPathComponent("files/hq.crt").standardizedFileURL
                .path)
    }

    @Test func peersKeepFileOrder() {
        #expect(policy.peers.map(\.name.value) == ["branch", "road-warriors", "legacy"])
        #expect(policy.proposalSets.map(\.name.value) == ["ike", "esp"])
    }

    @Test func ikeProposalsFromASetImplyPRFsForIntegrity() throws {
        let phase1 = try peer("branch").phase1
        #expect(phase1.proposals.setName?.value == "ike")
        let proposals = phase1.proposals.coreProposals
        #expect(proposals.count == 2)
        #expect(proposals[0].keywordString == "aes256gcm16-prfsha384-ecp384")
        #expect(proposals[1].encryption == [Cipher(.aesCBC, keyBits: 128)])
        #expect(proposals[1].integrity == [.hmacSHA256_128])
        #expect(proposals[1].prf == [.hmacSHA256])
        #expect(proposals[1].dhGroups == [.curve25519])
        #expect(phase1.lifetimeSeconds == 86400)
        #expect(phase1.effectiveProposalOrder == .theirs)
    }

    @Test func transformsKeepTheSpanOfTheirKeyword() throws {
        let proposal = try peer("branch").phase1.proposals.proposals[0]
        let prf = try #require(proposal.transforms.first { $0.value == .prf(.hmacSHA384) })
        // `  ike: [aes256gcm16-prfsha384-ecp384, ...]` is line 13; prfsha384 starts at 21.
        #expect(prf.span.start == SourceLocation(line: 13, column: 21))
        #expect(prf.span.end == SourceLocation(line: 13, column: 30))
    }

    @Test func espMapProposalReadsIANANamesNumbersAndESN() throws {
        let entry = try #require(try peer("branch").phase2.first)
        let proposal = try #require(entry.proposals.coreProposals.first)
        #expect(proposal.protocolID == .esp)
        #expect(
            proposal.encryption == [
                Cipher(.aesGCM16, keyBits: 256), Cipher(.aesGCM16, keyBits: 128),
            ])
        #expect(proposal.dhGroups == [.ecp384, .curve25519])
        #expect(proposal.esn == [.enabled, .disabled])
        #expect(proposal.prf.isEmpty)
    }

    @Test func selectorsAndLifetimesOfAPhase2Entry() throws {
        let entry = try #require(try peer("branch").phase2.first)
        #expect(entry.name.value == "lan")
        #expect(entry.effectiveProtocol == .esp)
        #expect(entry.effectiveMode == .tunnel)
        #expect(entry.localSelectors.origin == .written)
        #expect(
            entry.localSelectors.selectors.map(\.value.description) == [
                "10.1.0.0/16", "10.9.0.0/24[tcp/443]",
            ])
        let remote = try #require(entry.remoteSelectors.selectors.first?.value)
        #expect(remote.ipProtocol == 17 && remote.startPort == 1000 && remote.endPort == 2000)
        #expect(entry.lifetimeSeconds == 1800)
        #expect(entry.lifetime.bytes?.value == 4 << 30)
        #expect(entry.lifetime.packets?.value == 1_000_000)
    }

    @Test func defaultSelectorsComeFromTheAddresses() throws {
        let mgmt = try #require(try peer("branch").phase2.last)
        #expect(mgmt.effectiveProtocol == .ah)
        #expect(mgmt.effectiveMode == .transport)
        #expect(mgmt.localSelectors.origin == .addressDefault)
        #expect(
            mgmt.localSelectors.selectors.map(\.value.description) == [
                "198.51.100.1/32", "2001:db8::1/128",
            ])
        #expect(mgmt.remoteSelectors.selectors.map(\.value.description) == ["203.0.113.7/32"])
        #expect(mgmt.proposals.coreProposals.first?.integrity == [.hmacSHA384_192])
        #expect(mgmt.proposals.coreProposals.first?.dhGroups == [.modp3072])
        let vpn = try #require(try peer("road-warriors").phase2.first)
        #expect(vpn.remoteSelectors.origin == .dynamic)
        #expect(vpn.remoteSelectors.selectors.isEmpty)
    }

    @Test func identitiesAndAuthentication() throws {
        let branch = try peer("branch")
        #expect(branch.remoteIdentity?.value == .fqdn("branch.example.net"))
        #expect(policy.localIdentity(for: branch).value == .fqdn("hq-alt.example.net"))
        #expect(branch.ikeVersion == .v2)
        #expect(branch.auth.fromShorthand)
        #expect(branch.auth.local.value == .psk && branch.auth.remote.value == .psk)
        #expect(branch.auth.psk?.value.source == .environment("IKEC_TEST_UNSET_VARIABLE"))
        #expect(branch.auth.effectiveSignatureHashes == [.sha256, .sha384, .sha512])

        let road = try peer("road-warriors")
        #expect(road.address.value == .any)
        #expect(road.remoteIdentity?.value == .email("alice@example.net"))
        #expect(road.auth.local.value == .ecdsa && road.auth.remote.value == .digitalSignature)
        #expect(road.auth.effectiveSignatureHashes == [.sha384])
        #expect(road.auth.rsaPadding?.value == .pss)
        #expect(
            road.phase1.proposals.coreProposals.first?.encryption == [
                Cipher(.aesGCM16, keyBits: 256)
            ])
        #expect(policy.localIdentity(for: road).value == policy.gateway.identity.value)
    }

    @Test func ikev1PeerExpandsItsListsInOrder() throws {
        let legacy = try peer("legacy")
        #expect(legacy.ikeVersion == .v1)
        #expect(legacy.phase1.exchangeMode == .aggressive)
        #expect(legacy.phase1.effectiveLifetimeCheck == .reject)
        #expect(legacy.phase1.lifetime.kilobytes == 10 * 1024 * 1024)
        let low = IPAddress("192.0.2.10")!
        let high = IPAddress("192.0.2.20")!
        #expect(
            legacy.address.value == .entries([Located(.range(low, high), at: legacy.address.span)]))
        #expect(legacy.address.value.matches(IPAddress("192.0.2.15")!))
        #expect(legacy.remoteIdentity?.value == .keyID([0x0A, 0x1B, 0x2C]))

        let expanded = try #require(legacy.phase1.proposals.proposals.first).ikev1Phase1
        #expect(expanded.count == 8)
        #expect(
            expanded[0]
                == IKEv1Phase1Transform(
                    cipher: Cipher(.aesCBC, keyBits: 256), hash: .sha256, group: .modp2048))
        #expect(
            expanded[1]
                == IKEv1Phase1Transform(
                    cipher: Cipher(.aesCBC, keyBits: 256), hash: .sha256, group: .modp1024))
        #expect(
            expanded[7]
                == IKEv1Phase1Transform(cipher: Cipher(.tripleDES), hash: .sha1, group: .modp1024))

        let quick = try #require(legacy.phase2.first?.proposals.proposals.first).ikev1Phase2
        #expect(
            quick == [
                IKEv1Phase2Transform(
                    cipher: Cipher(.aesCBC, keyBits: 128), integrity: .hmacSHA1_96,
                    pfsGroup: .modp2048, esn: nil)
            ])
    }

    @Test func literalPSKDecodesBase64AndResolves() throws {
        let psk = try #require(try peer("legacy").auth.psk?.value)
        #expect(psk.isResolvable)
        #expect(try psk.resolve() == SecretBytes(utf8: "secret-key"))
        #expect(!psk.description.contains("secret"))
    }

    @Test func unsetEnvironmentPSKIsNotACheckerErrorButDoesNotResolve() throws {
        let psk = try #require(try peer("branch").auth.psk?.value)
        #expect(!psk.isResolvable)
        #expect(throws: PolicyError.self) { try psk.resolve() }
    }

    @Test func lintSettingsAndSuppressions() throws {
        #expect(policy.lint.effectiveProfile == .cnsa)
        #expect(policy.lint.rules.map(\.rule.value) == ["weak-dh-group", "IKE-L012"])
        #expect(policy.lint.rules.map(\.severity.value) == [.error, nil])
        #expect(policy.suppressions.count == 2)
        let trailing = policy.suppressions[0]
        #expect(trailing.rules.map(\.value) == ["IKE-L020", "literal-psk"])
        #expect(trailing.reason == "stored in CI")
        #expect(trailing.targetLine == trailing.span.start.line)
        let alone = policy.suppressions[1]
        #expect(alone.rules.map(\.value) == ["weak-dh-group"])
        #expect(alone.targetLine == alone.span.start.line + 1)
        #expect(alone.covers(ruleID: "IKE-L012", ruleName: "weak-dh-group", line: alone.targetLine))
    }
}
