import IKECore
import IKEPolicy
import Testing

@testable import IKEExport

/// Authentication rounds, identities and credential references.
struct SwanctlAuthTests {
    @Test func identitiesUseStrongSwansSyntax() throws {
        #expect(
            SwanctlIdentity.render(.address(try #require(IPAddress("192.0.2.4")))) == "192.0.2.4")
        #expect(SwanctlIdentity.render(.fqdn("hq.example.net")) == "fqdn:hq.example.net")
        #expect(SwanctlIdentity.render(.email("a@example.net")) == "email:a@example.net")
        #expect(SwanctlIdentity.render(.distinguishedName("C=CH, CN=hq")) == "C=CH, CN=hq")
        #expect(SwanctlIdentity.render(.keyID([0x0a, 0xff])) == "keyid:#0aff")
        #expect(SettingsText.quoted("C=CH, CN=hq") == "\"C=CH, CN=hq\"")
        #expect(SettingsText.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    }

    @Test func certificatesAndTrustAnchorsAreNamedInSwanctlsFolders() throws {
        let policy = try ExportTestSupport.onePeer(
            """
                auth:
                  local: ecdsa
                  remote: digital-signature
                  signature-hashes: [sha384, sha256]
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """,
            gateway: """
                  credentials:
                    certificate: pki/hq.crt
                    private-key: pki/hq.key
                    trust: [pki/ca.crt, pki/cnsa-hq.crt]
                """)
        let config = ConfigExporter.compile(policy, target: .swanctl)
        #expect(
            config.configuration.contains(
                """
                        local {
                            auth = ecdsa
                            id = fqdn:hq.example.net
                            certs = hq.crt
                        }
                        remote {
                            auth = ike:pubkey-sha384-sha256
                            id = fqdn:branch.example.net
                            cacerts = ca.crt, cnsa-hq.crt
                        }

                """))
        #expect(
            config.links.map(\.path) == [
                "x509/hq.crt", "private/hq.key", "x509ca/ca.crt", "x509ca/cnsa-hq.crt",
            ])
        #expect(config.links[1].destination == ExportTestSupport.examples.path + "/pki/hq.key")
        #expect(config.configuration.contains("#   private/hq.key      -> pki/hq.key\n"))
    }

    @Test func pinnedCertificatesAndRawPublicKeys() throws {
        let policy = try ExportTestSupport.onePeer(
            """
                auth:
                  local: digital-signature
                  remote: pubkey
                  rsa-padding: pss
                  peer-public-key: pki/branch.pub
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
              other:
                address: 203.0.113.8
                auth: { method: rsa, peer-certificate: pki/branch.crt }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """,
            gateway: """
                  credentials: { public-key: pki/hq.pub, private-key: pki/hq.key }
                """)
        let text = ConfigExporter.compile(policy, target: .swanctl).configuration
        #expect(
            text.contains("auth = ike:rsa/pss-sha256-sha384-sha512-ecdsa-sha256-sha384-sha512\n"))
        #expect(text.contains("            pubkeys = hq.pub\n"))
        #expect(text.contains("            pubkeys = branch.pub\n"))
        #expect(
            text.contains(
                "            auth = rsa\n            id = 203.0.113.8\n"
                    + "            certs = branch.crt\n"
            ))
    }

    @Test func pskPeersNeedNoCredentials() throws {
        let policy = try ExportTestSupport.onePeer(
            """
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """,
            gateway: """
                  credentials: { certificate: pki/hq.crt, private-key: pki/hq.key, \
                trust: pki/ca.crt }
                """)
        let config = ConfigExporter.compile(policy, target: .swanctl)
        #expect(config.links.isEmpty)
        #expect(
            config.secrets.map(\.identities) == [
                ["fqdn:hq.example.net", "fqdn:branch.example.net"]
            ])
        #expect(config.secrets.map(\.name) == ["ike-branch"])
    }

    @Test func sameBaseNamesGetNumbered() throws {
        #expect(CredentialLayout.numbered("ca.crt", 2) == "ca-2.crt")
        #expect(CredentialLayout.numbered("ca", 3) == "ca-3")
    }
}
