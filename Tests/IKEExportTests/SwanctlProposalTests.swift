import IKECore
import IKEPolicy
import Testing

@testable import IKEExport

/// Proposals in strongSwan's keyword syntax.
struct SwanctlProposalTests {
    private func conf(_ peer: String) throws -> String {
        ConfigExporter.compile(try ExportTestSupport.onePeer(peer), target: .swanctl).configuration
    }

    @Test func aeadAndPlainCiphersBecomeSeparateProposals() {
        let mixed = Proposal(
            protocolID: .esp,
            encryption: [Cipher(.aesGCM16, keyBits: 256), Cipher(.aesCBC, keyBits: 256)],
            integrity: [.hmacSHA256_128], dhGroups: [.ecp384])
        #expect(
            SwanctlProposals.split(mixed).map(SwanctlProposals.keywords) == [
                "aes256gcm16-ecp384", "aes256-sha256-ecp384",
            ])
    }

    @Test func impliedPRFIsWrittenOut() throws {
        let text = try conf(
            """
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1: { proposals: [aes256-sha256-modp2048, aes128-sha1-aesxcbc-ecp256] }
            """)
        #expect(
            text.contains(
                "proposals = aes256-sha256-prfsha256-modp2048, "
                    + "aes128-sha1-aesxcbc-prfsha1-prfaesxcbc-ecp256\n"))
    }

    @Test func explicitPRFReplacesTheImpliedOnes() throws {
        let text = try conf(
            """
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1: { proposals: [aes256-sha256-prfsha384-ecp384, aes256gcm16-prfsha512-x448] }
            """)
        #expect(
            text.contains(
                "proposals = aes256-sha256-prfsha384-ecp384, aes256gcm16-prfsha512-curve448\n"))
    }

    @Test func pfsGroupIsAppendedToEachESPProposal() throws {
        let text = try conf(
            """
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
                phase2:
                  lan:
                    local-ts: 10.1.0.0/16
                    remote-ts: 10.2.0.0/16
                    proposals:
                      - { encryption: [aes256gcm16, aes128gcm16], pfs: ecp384 }
                      - { encryption: [aes256], integrity: [sha384], pfs: [x25519, ecp256], \
            esn: [esn, noesn] }
                      - aes128-sha256
            """)
        #expect(
            text.contains(
                "esp_proposals = aes256gcm16-aes128gcm16-ecp384, "
                    + "aes256-sha384-curve25519-ecp256-esn-noesn, aes128-sha256\n"))
    }

    @Test func ikev1ListsExpandIntoOneProposalPerTransform() throws {
        let text = try conf(
            """
                ike: v1
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1:
                  proposals: [{ encryption: [aes128, 3des], integrity: [sha256, sha1], \
            dh: modp2048 }]
                phase2:
                  lan:
                    local-ts: 10.1.0.0/16
                    remote-ts: 10.2.0.0/16
                    proposals: [{ encryption: [aes128, aes256], integrity: sha256, \
            pfs: [modp2048, ecp256] }]
            """)
        #expect(
            text.contains(
                "proposals = aes128-sha256-prfsha256-modp2048, aes128-sha1-prfsha1-modp2048, "
                    + "3des-sha256-prfsha256-modp2048, 3des-sha1-prfsha1-modp2048\n"))
        #expect(
            text.contains(
                "esp_proposals = aes128-sha256-modp2048, aes128-sha256-ecp256, "
                    + "aes256-sha256-modp2048, aes256-sha256-ecp256\n"))
    }

    @Test func ahProposalsUseStrongSwansGMACKeyword() throws {
        let text = try conf(
            """
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
                phase2:
                  lan:
                    protocol: ah
                    local-ts: 10.1.0.0/16
                    remote-ts: 10.2.0.0/16
                    proposals: [aes128gmac-modp2048, sha512-esn]
            """)
        #expect(text.contains("ah_proposals = aes128gmac-modp2048, sha512-esn\n"))
        #expect(!text.contains("esp_proposals"))
    }
}
