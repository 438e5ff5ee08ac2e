import IKECore
import Testing

@Suite struct NetworkTests {
    @Test func addressesParseAndPrintCanonically() {
        #expect(IPAddress("10.1.2.3")?.description == "10.1.2.3")
        #expect(IPAddress("2001:DB8:0:0::1")?.description == "2001:db8::1")
        #expect(IPAddress("10.1") == nil)
        #expect(IPAddress("300.1.1.1") == nil)
        #expect(IPAddress("") == nil)
    }

    @Test func networksKnowTheirBounds() throws {
        let network = try #require(IPNetwork("10.1.2.3/16"))
        #expect(network.first.description == "10.1.0.0")
        #expect(network.last.description == "10.1.255.255")
        #expect(network.hasHostBits)
        #expect(IPNetwork("10.0.0.0/33") == nil)
        #expect(IPNetwork("10.0.0.0/") == nil)
        #expect(
            IPNetwork("2001:db8::/32")?.last.description == "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"
        )
    }

    @Test func aSelectorRangeIsAPrefixExactlyWhenOnePrefixCoversIt() throws {
        // The reference: try every prefix length.
        func reference(_ selector: TrafficSelector) -> IPNetwork? {
            for prefix in 0...selector.startAddress.bitWidth {
                guard
                    let candidate = IPNetwork(address: selector.startAddress, prefixLength: prefix)
                else { continue }
                if candidate.first == selector.startAddress
                    && candidate.last == selector.endAddress
                {
                    return candidate
                }
            }
            return nil
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let width = Bool.random(using: &random) ? 4 : 16
            let octets = (0..<width).map { _ in UInt8.random(in: 0...255, using: &random) }
            let base = try #require(IPAddress(octets: octets))
            let prefix = Int.random(in: 0...(width * 8), using: &random)
            var start = base.filling(afterPrefix: prefix, with: false)
            var end = base.filling(afterPrefix: prefix, with: true)
            // Half of the ranges are moved off their prefix by one address at one end.
            if Bool.random(using: &random), start != end {
                if Bool.random(using: &random) {
                    start = try #require(IPAddress(octets: Self.adding(1, to: start.octets)))
                } else {
                    end = try #require(IPAddress(octets: Self.adding(-1, to: end.octets)))
                }
            }
            let selector = TrafficSelector(startAddress: start, endAddress: end)
            #expect(selector.network == reference(selector), "\(start)-\(end)")
        }
    }

    private static func adding(_ delta: Int, to octets: [UInt8]) -> [UInt8] {
        var out = octets
        var carry = delta
        for index in out.indices.reversed() where carry != 0 {
            let sum = Int(out[index]) + carry
            out[index] = UInt8(truncatingIfNeeded: sum)
            carry = sum < 0 ? -1 : sum >> 8
        }
        return out
    }

    @Test func selectorsNarrowToTheirIntersection() throws {
        let wide = TrafficSelector(network: try #require(IPNetwork("10.0.0.0/8")))
        let narrow = TrafficSelector(
            network: try #require(IPNetwork("10.1.0.0/16")), ipProtocol: 6, ports: 443...443)
        #expect(wide.intersection(narrow) == narrow)
        #expect(wide.contains(narrow))
        #expect(!narrow.contains(wide))
        #expect(narrow.description == "10.1.0.0/16[tcp/443]")
        let other = TrafficSelector(network: try #require(IPNetwork("192.168.0.0/16")))
        #expect(wide.intersection(other) == nil)
    }

    @Test func secretsNeverPrintTheirValue() {
        let secret = SecretBytes(utf8: "hunter2")
        #expect("\(secret)" == "<secret: 7 octets>")
        #expect(String(reflecting: secret) == "<secret: 7 octets>")
        #expect(secret == SecretBytes(utf8: "hunter2"))
        #expect(secret != SecretBytes(utf8: "hunter3"))
    }

    @Test func hexRoundTrips() {
        #expect([UInt8](hex: "0x00ff10")! == [0, 255, 16])
        #expect([UInt8](hex: "abc") == nil)
        #expect([UInt8](hex: "zz") == nil)
        #expect([0xde, 0xad].hexString == "dead")
    }
}
