import IKECore

/// The text forms of a secret, as strongSwan reads them: `0x` followed by hex digits,
/// `0s` followed by base64, or anything else as its UTF-8 octets.
enum SecretText {
    /// Why a secret's text does not decode. The message never contains the text.
    struct Problem: Error {
        let message: String
    }

    /// The octets of `text`, or why it is unusable.
    static func decode(_ text: String) -> Result<[UInt8], Problem> {
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            let digits = text.dropFirst(2)
            guard !digits.isEmpty, !digits.contains(where: \.isWhitespace),
                let bytes = [UInt8](hex: digits)
            else {
                return .failure(
                    Problem(message: "the '0x' form needs an even number of hex digits"))
            }
            return .success(bytes)
        }
        if text.hasPrefix("0s") {
            guard let bytes = Base64.decode(text.dropFirst(2)), !bytes.isEmpty else {
                return .failure(Problem(message: "the '0s' form needs valid base64"))
            }
            return .success(bytes)
        }
        guard !text.isEmpty else { return .failure(Problem(message: "the key is empty")) }
        return .success(Array(text.utf8))
    }
}

/// A strict base64 decoder (RFC 4648 section 4, padding required).
enum Base64 {
    /// The octets, or nil for anything that is not canonical padded base64.
    static func decode(_ text: Substring) -> [UInt8]? {
        let symbols = Array(text.utf8)
        guard symbols.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(symbols.count / 4 * 3)
        var index = 0
        while index < symbols.count {
            var values: [UInt8] = []
            var padding = 0
            for offset in 0..<4 {
                let symbol = symbols[index + offset]
                if symbol == UInt8(ascii: "=") {
                    // Padding only at the end of the last group, at most two.
                    guard index + 4 == symbols.count, offset >= 2 else { return nil }
                    padding += 1
                    values.append(0)
                } else {
                    guard padding == 0, let value = value(of: symbol) else { return nil }
                    values.append(value)
                }
            }
            let group =
                UInt32(values[0]) << 18 | UInt32(values[1]) << 12
                | UInt32(values[2]) << 6 | UInt32(values[3])
            out.append(UInt8(truncatingIfNeeded: group >> 16))
            if padding < 2 { out.append(UInt8(truncatingIfNeeded: group >> 8)) }
            if padding < 1 { out.append(UInt8(truncatingIfNeeded: group)) }
            index += 4
        }
        return out
    }

    private static func value(of symbol: UInt8) -> UInt8? {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return symbol - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return symbol - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return symbol - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
