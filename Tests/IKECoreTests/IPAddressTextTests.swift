import Testing

@testable import IKECore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Swift address parser against the C library's `inet_pton`, its reference: both must
/// accept exactly the same texts and read the same octets.
@Suite struct IPAddressTextTests {
    /// A deterministic generator, so that a failing input can be reproduced.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    private static func agree(_ text: String) -> Bool {
        IPAddress(text) == IPAddress(inetPton: text)
    }

    @Test func knownTextsParseAsTheCLibraryParsesThem() {
        let texts = [
            "0.0.0.0", "255.255.255.255", "10.1.2.3", "256.1.1.1", "1.2.3", "1.2.3.4.5",
            "01.2.3.4", "1.2.3.04", "0.0.0.00", "+1.2.3.4", "1..2.3", ".1.2.3.4", "1.2.3.4.",
            "1.2.3.4 ", " 1.2.3.4", "0x1.2.3.4", "1.2.3.4\u{0}junk", "1.2.3.4\u{0}:",
            "::", "::1", "1::", ":::", "1:::2", ":1::2", "1::2:", "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "1:2:3:4:5:6:7::8",
            "::ffff:192.0.2.1", "::192.0.2.1", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.4.5", "::01.2.3.4", "::1.2.3.4:5",
            "2001:DB8::1", "2001:db8::12345", "fe80::1%eth0", "", ":", ".", "é", "1.2.3.é",
            "::é", "2001:db8::0000:1", "00000::1", "1::2::3", "::ffff:1.2.3.256",
        ]
        for text in texts {
            #expect(Self.agree(text), "'\(text)'")
        }
    }

    @Test func randomTextsParseAsTheCLibraryParsesThem() {
        var random = SplitMix(state: 0x1CEC)
        let alphabet = Array("0123456789abcdefABCDEFx:.:.::..  -/%\u{0}")
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &random)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            #expect(Self.agree(text), "'\(text)'")
        }
    }

    @Test func mutatedAddressesParseAsTheCLibraryParsesThem() {
        var random = SplitMix(state: 0xADD2)
        let pieces = Array("0123456789abcdef:.")
        for _ in 0..<20_000 {
            var text = Array(Self.validAddress(using: &random))
            for _ in 0..<Int.random(in: 0...2, using: &random) where !text.isEmpty {
                let position = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.remove(at: position)
                case 1: text.insert(pieces.randomElement(using: &random)!, at: position)
                default: text[position] = pieces.randomElement(using: &random)!
                }
            }
            #expect(Self.agree(String(text)), "'\(String(text))'")
        }
    }

    @Test func ipv4AddressesPrintAsTheCLibraryPrintsThem() {
        var random = SplitMix(state: 0x7E47)
        for _ in 0..<5_000 {
            let octets = (0..<4).map { _ in UInt8.random(in: 0...255, using: &random) }
            var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            _ = octets.withUnsafeBytes {
                inet_ntop(AF_INET, $0.baseAddress, &buffer, socklen_t(buffer.count))
            }
            let reference = String(
                decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            #expect(IPAddress.v4(octets).description == reference)
        }
    }

    /// A well-formed IPv4 or IPv6 text: compressed or not, with or without an embedded
    /// IPv4 tail, in either case.
    private static func validAddress(using random: inout SplitMix) -> String {
        func ipv4() -> String {
            (0..<4).map { _ in String(Int.random(in: 0...255, using: &random)) }
                .joined(separator: ".")
        }
        if Bool.random(using: &random) { return ipv4() }
        let tail = Bool.random(using: &random)
        var groups = (0..<(tail ? 6 : 8)).map { _ in
            String(Int.random(in: 0...0xFFFF, using: &random), radix: 16)
        }
        if Bool.random(using: &random) { groups = groups.map { $0.uppercased() } }
        var text = groups.joined(separator: ":")
        if Bool.random(using: &random) {
            let start = Int.random(in: 0..<groups.count, using: &random)
            let end = Int.random(in: start...groups.count, using: &random)
            let head = groups[..<start].joined(separator: ":")
            let rest = groups[end...].joined(separator: ":")
            text = head + "::" + rest
        }
        if tail { text += (text.hasSuffix(":") ? "" : ":") + ipv4() }
        return text
    }
}
