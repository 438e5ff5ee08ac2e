import IKEPolicy
import Testing

@testable import IKEExport

/// A policy lifetime is the SA's hard limit; the daemons rekey at 90% of it.
struct LifetimeTests {
    @Test func softLimitIsNinetyPercentWithoutOverflow() {
        #expect(LifetimeSplit.soft(3600) == 3240)
        #expect(LifetimeSplit.margin(3600) == 360)
        #expect(LifetimeSplit.soft(4_294_967_296) == 3_865_470_566)
        #expect(LifetimeSplit.soft(UInt64.max) == UInt64.max / 10 * 9 + 4)
        #expect(LifetimeSplit.soft(7) == 6)
    }

    @Test func durationsUseTheLargestExactUnit() {
        #expect(DurationText.render(seconds: 86400) == "1d")
        #expect(DurationText.render(seconds: 7200) == "2h")
        #expect(DurationText.render(seconds: 3240) == "54m")
        #expect(DurationText.render(seconds: 25921) == "25921s")
        #expect(DurationText.render(seconds: 0) == "0s")
    }

    @Test func ikev2RekeysAndIKEv1Reauthenticates() throws {
        for (version, key) in [("v2", "rekey_time"), ("v1", "reauth_time")] {
            let policy = try ExportTestSupport.onePeer(
                """
                    ike: \(version)
                    auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                    phase1: { proposals: [aes256-sha256-modp2048], lifetime: 10h }
                    phase2:
                      lan:
                        local-ts: 10.1.0.0/16
                        remote-ts: 10.2.0.0/16
                        proposals: [aes256-sha256]
                        lifetime: { time: 20m, bytes: 1000, packets: 10 }
                """)
            let text = ConfigExporter.compile(policy, target: .swanctl).configuration
            #expect(text.contains("        \(key) = 9h\n        over_time = 1h\n"))
            #expect(
                text.contains(
                    """
                                    rekey_time = 18m
                                    life_time = 20m
                                    rekey_bytes = 900
                                    life_bytes = 1000
                                    rekey_packets = 9
                                    life_packets = 10
                                    start_action = none

                    """))
        }
    }

    @Test func unwrittenLifetimesUseIkecsDefaults() throws {
        let policy = try ExportTestSupport.onePeer(
            """
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1: { proposals: [aes256-sha256-modp2048] }
                phase2:
                  lan: { local-ts: 10.1.0.0/16, remote-ts: 10.2.0.0/16, proposals: [aes256-sha256] }
            """)
        let text = ConfigExporter.compile(policy, target: .swanctl).configuration
        #expect(text.contains("rekey_time = 216m\n        over_time = 24m\n"))
        #expect(text.contains("rekey_time = 54m\n                life_time = 1h\n"))
    }
}
