import IKEDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks a file's bytes before libyaml sees them, so that binary files, bad UTF-8 and
/// tab indentation get messages of their own instead of whatever the parser says first.
struct TextPrecheck {
    /// What the scan found.
    struct Findings {
        /// A problem that stops reading (not text, bad UTF-8), if any.
        var fatal: Diagnostic?
        /// The place of the first tab of each line whose indentation holds one.
        var tabIndents: [SourceLocation] = []
    }

    let path: String

    /// Scans `bytes` once: NUL and control bytes, UTF-8 validity, tabs in indentation.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Findings {
        var findings = Findings()
        var line = 1
        var column = 1
        var inIndentation = true
        var tabSeenOnLine = false
        var index = 0
        var firstBadUTF8: SourceLocation?

        // YAML allows only printable characters, tab and line breaks (YAML 1.2 section
        // 5.1); NUL means binary, whatever else the file holds.
        if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
            let place = location(
                ofByte: base.distance(to: nul.assumingMemoryBound(to: UInt8.self)), in: bytes)
            findings.fatal = notText("it contains a NUL byte", at: place)
            return findings
        }

        while index < bytes.count {
            // Most of a policy is printable ASCII: the printable bytes before the next other
            // one move the column and end the indentation (unless all are spaces) without
            // a look at each.
            if index + 8 <= bytes.count {
                let (word, printable) = Self.printablePrefix(bytes, at: index)
                if printable > 0 {
                    let mask: UInt64 = printable == 8 ? ~0 : (1 << (8 * UInt64(printable))) - 1
                    if word & mask != Self.spaces & mask { inIndentation = false }
                    index += printable
                    column += printable
                    continue
                }
            }
            let byte = bytes[index]
            let length = Self.sequenceLength(bytes, at: index)
            if length == 0 {
                if firstBadUTF8 == nil { firstBadUTF8 = SourceLocation(line: line, column: column) }
                index += 1
                column += 1
                continue
            }
            if length == 1 {
                if byte == 0x0A {
                    line += 1
                    column = 1
                    inIndentation = true
                    tabSeenOnLine = false
                    index += 1
                    continue
                }
                if byte == 0x09, inIndentation, !tabSeenOnLine {
                    tabSeenOnLine = true
                    findings.tabIndents.append(SourceLocation(line: line, column: column))
                } else if byte != 0x20 && byte != 0x09 {
                    inIndentation = false
                }
                if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                    let here = SourceLocation(line: line, column: column)
                    let hex = String(byte, radix: 16, uppercase: true)
                    let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
                    findings.fatal = notText("it contains the control character \(code)", at: here)
                    return findings
                }
            } else {
                inIndentation = false
            }
            index += length
            column += 1
        }

        if let bad = firstBadUTF8 {
            findings.fatal = Diagnostic(
                id: PolicyDiagnosticID.invalidUTF8.rawValue, severity: .error,
                message: "the file is not valid UTF-8",
                span: SourceSpan(path: path, start: bad, end: bad),
                notes: [DiagnosticNote("save the file as UTF-8")])
        }
        return findings
    }

    /// Eight spaces as one word.
    private static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// The eight bytes at `index` as one word (the first in the lowest bits), and how many
    /// of them, from the first, are printable ASCII (0x20 to 0x7E).
    private static func printablePrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
        -> (word: UInt64, count: Int)
    {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20 borrows into its high bit when 0x20 is taken away (a borrow can
        // flag bytes after it, never before, so the first flag is exact); a byte of 0x7F or
        // more has or gets its high bit when one is added.
        let below = (word &- ones &* 0x20) & ~word & highs
        let above = (((word & ~highs) &+ ones) | word) & highs
        return (word, (below | above).trailingZeroBitCount / 8)
    }

    private func notText(_ why: String, at place: SourceLocation) -> Diagnostic {
        Diagnostic(
            id: PolicyDiagnosticID.notText.rawValue, severity: .error,
            message: "the file is not text",
            span: SourceSpan(path: path, start: place, end: place),
            notes: [DiagnosticNote(why)])
    }

    /// The line and column (in characters, bad bytes counting one each) of byte `offset`.
    func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        while index < min(offset, bytes.count) {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
                index += 1
                continue
            }
            index += max(1, Self.sequenceLength(bytes, at: index))
            column += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629 section 4), or 0.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return 0 }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }
}
