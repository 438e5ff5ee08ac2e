import IKECore
import IKEDiagnostics
import Testing

@testable import IKEPolicy

/// The byte-level readers against the general ones they shortcut: whatever a byte-level
/// reader accepts, the general reader accepts with the same value and no diagnostic.
@Suite struct QuickSyntaxTests {
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

    /// Well-formed values of each kind, then each with up to two characters changed.
    private static func texts(from seeds: [String], seed: UInt64, count: Int) -> [String] {
        var random = SplitMix(state: seed)
        let pieces = Array("0123456789abcdef:./-[]shmdKMGTiB tcpudp\u{0}é")
        return (0..<count).map { _ in
            var text = Array(seeds.randomElement(using: &random)!)
            for _ in 0..<Int.random(in: 0...2, using: &random) where !text.isEmpty {
                let position = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.remove(at: position)
                case 1: text.insert(pieces.randomElement(using: &random)!, at: position)
                default: text[position] = pieces.randomElement(using: &random)!
                }
            }
            return String(text)
        }
    }

    private static func quick<Value>(
        _ text: String, _ reader: (UnsafeBufferPointer<UInt8>) -> Value?
    ) -> Value? {
        var text = text
        return text.withUTF8(reader)
    }

    @Test func addressEntriesReadAsTheGeneralReaderReadsThem() {
        let seeds = [
            "198.51.100.1", "198.51.100.0/24", "10.0.0.0/8", "0.0.0.0/0", "2001:db8::/32",
            "2001:db8::1", "::/0", "10.1.2.3/16", "192.0.2.1-192.0.2.9", "fe80::/10",
            "255.255.255.255/32", "2001:db8::1/128",
        ]
        var accepted = 0
        for text in Self.texts(from: seeds, seed: 0xAD, count: 20_000) {
            guard let entry = Self.quick(text, QuickSyntax.addressEntry) else { continue }
            accepted += 1
            guard case .success(let general) = AddressSyntax.generalEntry(text) else {
                Issue.record("'\(text)' is read only by the byte-level reader")
                continue
            }
            #expect(general == entry, "'\(text)'")
        }
        #expect(accepted > 2_000)
    }

    @Test func selectorsReadAsTheGeneralReaderReadsThem() {
        let seeds = [
            "10.0.0.0/16", "10.0.1.0/24[tcp/443]", "10.0.2.10[tcp/8443]", "10.0.0.0/8[udp]",
            "10.0.0.0/8[udp/1000-2000]", "2001:db8::/32[icmp/8]", "10.0.0.1[6/22]",
            "10.0.0.0/8[gre]", "10.0.0.0/8[TCP/0]",
        ]
        var checker = PolicyChecker(path: "quick.yaml", baseDirectory: "/")
        var accepted = 0
        for text in Self.texts(from: seeds, seed: 0x5E1, count: 20_000) {
            guard let selector = Self.quick(text, QuickSyntax.selector) else { continue }
            accepted += 1
            let before = checker.diagnostics.count
            let general = checker.generalSelector(
                Located(text, at: SourceSpan(path: "quick.yaml", line: 1, column: 1)))
            #expect(general?.value == selector, "'\(text)'")
            #expect(checker.diagnostics.count == before, "'\(text)'")
        }
        #expect(accepted > 2_000)
    }

    @Test func durationsAndSizesReadAsTheGeneralReadersReadThem() {
        let seeds = ["8h", "45m", "90", "1d", "3600s", "4GiB", "100MB", "1024", "1kB", "2TiB"]
        var seconds = 0
        var sizes = 0
        for text in Self.texts(from: seeds, seed: 0xD0, count: 20_000) {
            if let value = Self.quick(text, QuickSyntax.seconds) {
                seconds += 1
                #expect(DurationSyntax.generalRead(text) == .seconds(value), "'\(text)'")
            }
            if let value = Self.quick(text, QuickSyntax.bytes) {
                sizes += 1
                #expect(SizeSyntax.generalRead(text) == .bytes(value), "'\(text)'")
            }
        }
        #expect(seconds > 1_000 && sizes > 1_000)
    }
}
