import IKECore
import IKEPolicy
import Testing

@testable import IKEExport

/// Traffic selectors in swanctl's syntax.
struct SwanctlSelectorTests {
    private func selector(_ text: String) throws -> TrafficSelector {
        let network = try #require(IPNetwork(text))
        return TrafficSelector(network: network)
    }

    @Test func prefixesRangesProtocolsAndPorts() throws {
        var tcp = try selector("10.1.1.0/24")
        tcp.ipProtocol = 6
        tcp.startPort = 443
        tcp.endPort = 443
        #expect(SwanctlSelectors.render(tcp) == "10.1.1.0/24[tcp/443]")

        var udpRange = try selector("0.0.0.0/0")
        udpRange.ipProtocol = 17
        udpRange.startPort = 1000
        udpRange.endPort = 2000
        #expect(SwanctlSelectors.render(udpRange) == "0.0.0.0/0[udp/1000-2000]")

        let range = TrafficSelector(
            startAddress: try #require(IPAddress("10.0.0.1")),
            endAddress: try #require(IPAddress("10.0.0.9")), ipProtocol: 132)
        #expect(SwanctlSelectors.render(range) == "10.0.0.1-10.0.0.9[sctp]")

        var icmp6 = try selector("2001:db8::/32")
        icmp6.ipProtocol = 58
        icmp6.startPort = 0x8000
        icmp6.endPort = 0x8000
        #expect(SwanctlSelectors.render(icmp6) == "2001:db8::/32[ipv6-icmp/32768]")

        var unnamed = try selector("10.9.9.9/32")
        unnamed.ipProtocol = 99
        #expect(SwanctlSelectors.render(unnamed) == "10.9.9.9/32[99]")
    }

    @Test func defaultsAreAddressesOrDynamic() throws {
        let policy = try ExportTestSupport.policy(
            """
            ikec: 1
            gateway: { name: hq, address: [198.51.100.1, 2001:db8:1::1], id: fqdn:hq.example.net }
            peers:
              roam:
                address: any
                id: fqdn:roam.example.net
                auth: { method: psk, psk: { env: IKEC_TEST_UNUSED } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
                phase2:
                  host: { proposals: [aes256gcm16] }
            """)
        let text = ConfigExporter.compile(policy, target: .swanctl).configuration
        #expect(text.contains("local_ts = 198.51.100.1/32, 2001:db8:1::1/128\n"))
        #expect(text.contains("remote_ts = dynamic\n"))
        #expect(text.contains("remote_addrs = %any\n"))
        #expect(text.contains("id = %any") == false)
    }
}
