/// Address text read byte by byte, with exactly the strictness of the C library's
/// `inet_pton`, which stays the reference (tests compare the two on many inputs). Bridging
/// each string to C cost about thirty times the parse itself.
///
/// As `inet_pton` sees a C string, the text ends at its first NUL byte.
enum IPAddressText {
    /// RFC 791 dotted decimal: exactly four parts of one to three digits, each at most
    /// 255, no leading zero, nothing else (no `10.1` shorthand, no octal, no sign).
    static func ipv4(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let packed = ipv4(text, from: 0) else { return nil }
        return [
            UInt8(truncatingIfNeeded: packed >> 24), UInt8(truncatingIfNeeded: packed >> 16),
            UInt8(truncatingIfNeeded: packed >> 8), UInt8(truncatingIfNeeded: packed),
        ]
    }

    /// The dotted decimal address in `text[start...]`, most significant octet first.
    private static func ipv4(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt32? {
        var packed: UInt32 = 0
        var parts = 1
        var value: UInt32 = 0
        var digits = 0
        var index = start
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digits > 0 && value == 0 { return nil }
                value = value * 10 + UInt32(byte - UInt8(ascii: "0"))
                if value > 255 { return nil }
                digits += 1
            } else if byte == UInt8(ascii: "."), digits > 0, parts < 4 {
                packed = packed << 8 | value
                parts += 1
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard parts == 4, digits > 0 else { return nil }
        return packed << 8 | value
    }

    /// RFC 4291 section 2.2: eight groups of one to four hex digits, one `::` for a run of
    /// zero groups, and optionally the last 32 bits in dotted decimal.
    static func ipv6(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: 16)
        guard !text.isEmpty else { return nil }
        var index = 0

        // A leading `::` is the only place a colon may start the text.
        if text[0] == UInt8(ascii: ":") {
            guard text.count > 1, text[1] == UInt8(ascii: ":") else { return nil }
            index = 1
        }
        var filled = 0
        var gap: Int?
        var tokenStart = index
        var digits = 0
        var value = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if let digit = hexValue(byte) {
                if digits == 4 { return nil }
                value = value << 4 | digit
                digits += 1
                continue
            }
            if byte == UInt8(ascii: ":") {
                tokenStart = index
                if digits == 0 {
                    if gap != nil { return nil }
                    gap = filled
                    continue
                }
                if index == text.count || filled + 2 > 16 { return nil }
                out[filled] = UInt8(value >> 8)
                out[filled + 1] = UInt8(value & 0xFF)
                filled += 2
                digits = 0
                value = 0
                continue
            }
            if byte == UInt8(ascii: "."), filled + 4 <= 16,
                let packed = ipv4(text, from: tokenStart)
            {
                for offset in 0..<4 {
                    out[filled + offset] = UInt8(truncatingIfNeeded: packed >> (24 - 8 * offset))
                }
                filled += 4
                digits = 0
                break
            }
            return nil
        }
        if digits > 0 {
            if filled + 2 > 16 { return nil }
            out[filled] = UInt8(value >> 8)
            out[filled + 1] = UInt8(value & 0xFF)
            filled += 2
        }
        if let gap {
            // The `::` stands for at least one zero group.
            if filled == 16 { return nil }
            let moved = filled - gap
            for offset in stride(from: moved - 1, through: 0, by: -1) {
                out[16 - moved + offset] = out[gap + offset]
            }
            for position in gap..<(16 - moved) { out[position] = 0 }
            filled = 16
        }
        return filled == 16 ? out : nil
    }

    /// `a.b.c.d` for four octets.
    static func dottedDecimal(_ octets: [UInt8]) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            var count = 0
            for (index, octet) in octets.enumerated() {
                if index > 0 {
                    buffer[count] = UInt8(ascii: ".")
                    count += 1
                }
                if octet >= 100 {
                    buffer[count] = UInt8(ascii: "0") + octet / 100
                    count += 1
                }
                if octet >= 10 {
                    buffer[count] = UInt8(ascii: "0") + octet / 10 % 10
                    count += 1
                }
                buffer[count] = UInt8(ascii: "0") + octet % 10
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
