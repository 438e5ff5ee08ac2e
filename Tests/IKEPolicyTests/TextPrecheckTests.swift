import IKEDiagnostics
import Testing

@testable import IKEPolicy

/// The precheck reads printable ASCII a word at a time; a byte-at-a-time reading of the
/// same rules must find the same tabs and the same first problem.
@Suite struct TextPrecheckTests {
    /// What a byte-at-a-time scan finds: tab places, and the first fatal problem's id,
    /// place and note.
    private struct Reading: Equatable {
        var tabs: [IKEDiagnostics.SourceLocation] = []
        var fatal: (id: String, place: IKEDiagnostics.SourceLocation, note: String?)?

        static func == (lhs: Reading, rhs: Reading) -> Bool {
            lhs.tabs == rhs.tabs && lhs.fatal?.id == rhs.fatal?.id
                && lhs.fatal?.place == rhs.fatal?.place && lhs.fatal?.note == rhs.fatal?.note
        }
    }

    /// The rules one byte at a time (NUL anywhere first; then control characters, tabs in
    /// indentation and the first malformed UTF-8 sequence, counting characters as columns).
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        var reading = Reading()
        if let nul = bytes.firstIndex(of: 0) {
            let place = TextPrecheck(path: "t").location(ofByte: nul, in: bytes)
            reading.fatal = ("E0103", place, "it contains a NUL byte")
            return reading
        }
        var line = 1
        var column = 1
        var indentation = true
        var tabSeen = false
        var badUTF8: IKEDiagnostics.SourceLocation?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = TextPrecheck.sequenceLength(bytes, at: index)
            if length == 0 {
                badUTF8 = badUTF8 ?? IKEDiagnostics.SourceLocation(line: line, column: column)
                index += 1
                column += 1
                continue
            }
            if length == 1 && byte == 0x0A {
                (line, column, indentation, tabSeen) = (line + 1, 1, true, false)
                index += 1
                continue
            }
            if length == 1 && byte == 0x09 && indentation && !tabSeen {
                tabSeen = true
                reading.tabs.append(IKEDiagnostics.SourceLocation(line: line, column: column))
            } else if length > 1 || (byte != 0x20 && byte != 0x09) {
                indentation = false
            }
            if length == 1 && ((byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F) {
                let hex = String(byte, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
                let note = "it contains the control character \(code)"
                reading.fatal = (
                    "E0103", IKEDiagnostics.SourceLocation(line: line, column: column), note
                )
                return reading
            }
            index += length
            column += 1
        }
        if let badUTF8 { reading.fatal = ("E0102", badUTF8, "save the file as UTF-8") }
        return reading
    }

    @Test func wordsAtATimeFindWhatBytesAtATimeFind() {
        var random = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("  ".utf8), Array("key: value".utf8), [0x0A], [0x09], [0x0D, 0x0A],
            Array("é".utf8), Array("∑".utf8), Array("😀".utf8), [0xFF], [0xC3], [0x01],
            [0x7F], [0x00], Array("- [a, b]".utf8), Array("        ".utf8),
        ]
        let textual = [0, 1, 2, 3, 13, 14]
        var fatal = 0
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                // Mostly text, now and then something that is not.
                let isText = Int.random(in: 0..<10, using: &random) < 8
                let choice =
                    isText
                    ? textual.randomElement(using: &random)!
                    : pieces.indices
                        .randomElement(using: &random)!
                bytes += pieces[choice]
            }
            bytes.withUnsafeBufferPointer { buffer in
                let findings = TextPrecheck(path: "t").scan(buffer)
                var found = Reading(tabs: findings.tabIndents)
                if let problem = findings.fatal, let place = problem.span?.start {
                    found.fatal = (problem.id, place, problem.notes.first?.message)
                    fatal += 1
                }
                #expect(found == Self.reference(buffer), "\(Array(buffer))")
            }
        }
        #expect(fatal > 100)
    }
}
