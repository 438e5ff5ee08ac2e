import Foundation
import IKEDiagnostics
import IKEPolicy
import Testing

/// Arbitrary bytes must give diagnostics, never a crash: random strings and mutations of a
/// real policy, from a fixed seed so a failure reproduces.
@Suite struct RobustnessTests {
    /// SplitMix64: small, fast and deterministic.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let seedText = try! String(
        contentsOf: TestSupport.fixtures.appendingPathComponent("good/full.yaml"), encoding: .utf8)
    static let fragments: [[UInt8]] = [
        ":", "- ", "[", "]", "{", "}", "&a ", "*a", "<<: *a", "\t", "\n", "---\n", "? ", "!!str ",
        "\"", "'", "#", "|\n", ">\n", "%YAML 1.1\n", "\u{FEFF}", "é", "\r\n", "  ", "0x", "~",
    ].map { Array($0.utf8) }

    static func mutate(_ base: [UInt8], with generator: inout Generator) -> [UInt8] {
        var bytes = base
        for _ in 0..<(1 + generator.below(6)) {
            let position = generator.below(bytes.count + 1)
            switch generator.below(5) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: generator.next())
            case 1:
                bytes.insert(contentsOf: fragments[generator.below(fragments.count)], at: position)
            case 2:
                let end = min(bytes.count, position + generator.below(40))
                bytes.removeSubrange(position..<end)
            case 3:
                bytes = Array(bytes.prefix(position))
            default:
                let start = generator.below(bytes.count + 1)
                let end = min(bytes.count, start + generator.below(80))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            }
        }
        return bytes
    }

    static func checkInvariants(_ bytes: [UInt8]) {
        let result = PolicyLoader.load(
            bytes: bytes, path: "fuzz.yaml", baseDirectory: "/nonexistent")
        #expect(result.readError == nil)
        if result.policy != nil { #expect(!result.hasErrors) }
        for diagnostic in result.diagnostics {
            if let span = diagnostic.span {
                #expect(span.start.line >= 1 && span.start.column >= 1)
            }
        }
        _ = TestSupport.rendered(result)
    }

    @Test func randomBytesNeverCrashTheLoader() {
        var generator = Generator(state: 0x1CEC_0001)
        for _ in 0..<1500 {
            let length = generator.below(300)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            Self.checkInvariants(bytes)
        }
    }

    @Test func mutatedPoliciesNeverCrashTheLoader() {
        var generator = Generator(state: 0x1CEC_0002)
        let base = Array(Self.seedText.utf8)
        for _ in 0..<2500 {
            Self.checkInvariants(Self.mutate(base, with: &generator))
        }
    }
}
