import IKECore
import IKEDiagnostics
import IKEPolicy
import Testing

/// Scalar syntaxes through small policies: durations, sizes, identities, selectors.
@Suite struct SyntaxTests {
    static func policy(
        phase1Lifetime: String = "8h", id: String = "fqdn:b.example.net",
        selector: String = "10.2.0.0/16", lifetime: String = "1h"
    ) -> String {
        """
        ikec: 1
        gateway: { name: hq, address: 198.51.100.1 }
        peers:
          b:
            address: 203.0.113.7
            id: \(id)
            auth: { method: psk, psk: { env: X } }
            phase1: { proposals: [aes256gcm16-prfsha384-ecp384], lifetime: \(phase1Lifetime) }
            phase2:
              lan:
                remote-ts: \(selector)
                proposals: [aes256gcm16]
                lifetime: \(lifetime)
        """
    }

    static func peer(_ text: String) throws -> Peer {
        let result = TestSupport.load(text)
        return try #require(result.policy?.peers.first, "\(TestSupport.rendered(result))")
    }

    @Test(arguments: [
        ("90", 90), ("90s", 90), ("15m", 900), ("8h", 28800), ("2d", 172_800), ("\"3600\"", 3600),
    ])
    func durationsTakeSecondsAndUnits(_ written: String, _ seconds: Int) throws {
        #expect(
            try Self.peer(Self.policy(phase1Lifetime: written)).phase1.lifetimeSeconds == seconds)
    }

    @Test(arguments: [
        ("512", UInt64(512)), ("4KiB", 4096), ("4KB", 4000), ("4kB", 4000), ("2MiB", 2 << 20),
        ("3GB", 3_000_000_000), ("1TiB", 1 << 40),
    ])
    func sizesTakeBinaryAndDecimalUnits(_ written: String, _ bytes: UInt64) throws {
        let peer = try Self.peer(Self.policy(lifetime: "{ bytes: \(written) }"))
        #expect(peer.phase2.first?.lifetime.bytes?.value == bytes)
    }

    @Test(arguments: [
        ("ipv4:192.0.2.1", Identity.address(IPAddress("192.0.2.1")!)),
        ("\"ipv6:2001:db8::1\"", .address(IPAddress("2001:db8::1")!)),
        ("email:bob@example.net", .email("bob@example.net")),
        ("keyid:hello", .keyID(Array("hello".utf8))),
        ("\"keyid:#0a0b\"", .keyID([0x0A, 0x0B])),
        (
            "\"dn:CN=b, OU=Net\\\\, Inc, O=Example\"",
            .distinguishedName("CN=b, OU=Net\\, Inc, O=Example")
        ),
    ])
    func identitiesOfEveryType(_ written: String, _ identity: Identity) throws {
        #expect(try Self.peer(Self.policy(id: written)).remoteIdentity?.value == identity)
    }

    @Test(arguments: [
        ("\"@b.example.net\"", Identity.fqdn("b.example.net")),
        ("bob@example.net", .email("bob@example.net")),
        ("192.0.2.9", .address(IPAddress("192.0.2.9")!)),
    ])
    func bareIdentitiesAreReadAsStrongSwanDoesWithANote(_ written: String, _ identity: Identity) {
        let result = TestSupport.load(Self.policy(id: written))
        #expect(result.policy?.peers.first?.remoteIdentity?.value == identity)
        #expect(result.diagnostics.map(\.id) == ["E0520"])
        #expect(result.diagnostics.first?.severity == .note)
    }

    @Test(arguments: [
        ("10.2.0.0/16", "10.2.0.0/16"), ("10.2.0.1", "10.2.0.1/32"),
        ("10.2.0.1-10.2.0.9", "10.2.0.1-10.2.0.9"), ("\"10.2.0.0/16[udp]\"", "10.2.0.0/16[udp]"),
        ("\"10.2.0.0/16[icmp/8]\"", "10.2.0.0/16[icmp/8]"), ("\"2001:db8::/32\"", "2001:db8::/32"),
        ("{ net: 10.2.0.0/16, protocol: 6, ports: \"80-81\" }", "10.2.0.0/16[tcp/80-81]"),
    ])
    func selectorsInEveryForm(_ written: String, _ shown: String) throws {
        let peer = try Self.peer(Self.policy(selector: written))
        #expect(peer.phase2.first?.remoteSelectors.selectors.first?.value.description == shown)
    }

    @Test func yaml11WordsStayStringsWhereTextIsExpected() throws {
        let text = """
            ikec: 1
            gateway: { name: "no", address: 198.51.100.1 }
            peers:
              on:
                address: 203.0.113.7
                id: fqdn:yes
                auth: { method: psk, psk: { env: off } }
                phase1: { proposals: [aes256gcm16-prfsha384-ecp384] }
            """
        let result = TestSupport.load(text)
        let policy = try #require(result.policy, "\(TestSupport.rendered(result))")
        #expect(policy.gateway.name.value == "no")
        #expect(policy.peers.first?.name.value == "on")
        #expect(policy.peers.first?.remoteIdentity?.value == .fqdn("yes"))
        #expect(policy.peers.first?.auth.psk?.value.source == .environment("off"))
    }
}
