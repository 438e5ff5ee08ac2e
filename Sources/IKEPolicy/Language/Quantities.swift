/// Plain decimal integers, the only integer spelling the language accepts.
enum IntegerSyntax {
    enum Reading: Equatable {
        case value(UInt64)
        case tooLarge
        /// Not plain decimal; the decimal spelling when the text is a number in another
        /// notation YAML 1.1 would accept (`0x10`, `1e3`, `1_000`, `010`, `+5`).
        case notDecimal(hint: String?)
    }

    /// The value of plain decimal digits without a leading zero, or nil.
    static func parse(_ text: String) -> UInt64? {
        if case .value(let value) = read(text) { return value }
        return nil
    }

    static func read(_ text: String) -> Reading {
        let utf8 = Array(text.utf8)
        let isDigits = !utf8.isEmpty && utf8.allSatisfy { (0x30...0x39).contains($0) }
        if isDigits && (utf8.count == 1 || utf8[0] != 0x30) {
            guard let value = UInt64(text) else { return .tooLarge }
            return .value(value)
        }
        return .notDecimal(hint: decimalHint(text))
    }

    /// The decimal spelling of a number written in a YAML 1.1 way, if it is one.
    private static func decimalHint(_ text: String) -> String? {
        var body = Substring(text)
        if body.hasPrefix("+") { body = body.dropFirst() }
        body = Substring(body.replacingUnderscores())
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            return UInt64(body.dropFirst(2), radix: 16).map(String.init)
        }
        if body.hasPrefix("0o") { return UInt64(body.dropFirst(2), radix: 8).map(String.init) }
        if body.hasPrefix("0b") { return UInt64(body.dropFirst(2), radix: 2).map(String.init) }
        if let value = UInt64(body) { return String(value) }
        if body.contains(where: { $0 == "e" || $0 == "E" || $0 == "." }), let value = Double(body),
            value >= 0, value < 1e18, value == value.rounded()
        {
            return String(UInt64(value))
        }
        return nil
    }
}

extension Substring {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

/// Durations: a positive whole number with an optional unit `s` (default), `m`, `h`, `d`.
enum DurationSyntax {
    enum Reading: Equatable {
        case seconds(Int)
        case tooLarge
        case invalid(hint: String?)
    }

    static let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]

    static func read(_ text: String) -> Reading {
        var bytes = text
        if let seconds = bytes.withUTF8(QuickSyntax.seconds) { return .seconds(seconds) }
        return generalRead(text)
    }

    /// `read` without the byte-level reader: the definition it agrees with.
    static func generalRead(_ text: String) -> Reading {
        var digits = Substring(text)
        var factor = 1
        if let last = digits.last, let unit = units[last] {
            factor = unit
            digits = digits.dropLast()
        }
        switch IntegerSyntax.read(String(digits)) {
        case .value(let value):
            guard value > 0 else { return .invalid(hint: nil) }
            let (product, overflow) = Int(clamping: value).multipliedReportingOverflow(by: factor)
            if overflow || value > UInt64(Int.max) { return .tooLarge }
            return .seconds(product)
        case .tooLarge:
            return .tooLarge
        case .notDecimal:
            return .invalid(hint: hint(for: text))
        }
    }

    private static func hint(for text: String) -> String? {
        let lower = text.lowercased()
        let words: [(String, String)] = [
            ("seconds", "s"), ("second", "s"), ("sec", "s"), ("minutes", "m"), ("minute", "m"),
            ("min", "m"), ("hours", "h"), ("hour", "h"), ("days", "d"), ("day", "d"),
        ]
        for (word, unit) in words where lower.hasSuffix(word) {
            let number = lower.dropLast(word.count).trimmingSpaces
            if IntegerSyntax.parse(number) != nil { return number + unit }
        }
        let trimmed = lower.filter { $0 != " " }
        if trimmed != text, case .seconds = read(trimmed) { return trimmed }
        return compoundSeconds(trimmed).map(written)
    }

    /// The seconds of a compound or fractional duration (`8h30m`, `1d12h`, `1.5h`), which
    /// ikec does not read but can rewrite; nil for anything else.
    private static func compoundSeconds(_ text: String) -> Int? {
        var total = 0.0
        var number = ""
        for character in text {
            if character.isASCII, character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let unit = units[character], let value = Double(number), value > 0,
                value < 1e9
            else { return nil }
            total += value * Double(unit)
            number = ""
        }
        guard number.isEmpty, total >= 1, total < 1e12, total == total.rounded() else {
            return nil
        }
        return Int(total)
    }

    /// `seconds` in the largest unit that divides it: 5400 is `90m`.
    private static func written(_ seconds: Int) -> String {
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}

/// Sizes: a positive whole number of bytes with an optional unit. Binary units (`KiB` to
/// `TiB`) are powers of 1024, decimal ones (`KB` to `TB`, also `kB`) powers of 1000.
/// Single-letter units (`k`, `M`, `G`) are rejected: strongSwan and vendors disagree on
/// whether they mean 1000 or 1024.
enum SizeSyntax {
    enum Reading: Equatable {
        case bytes(UInt64)
        case tooLarge
        case invalid(hint: String?)
    }

    static let units: [(String, UInt64)] = [
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40),
        ("KB", 1000), ("kB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000),
        ("TB", 1_000_000_000_000), ("B", 1),
    ]

    static func read(_ text: String) -> Reading {
        var bytes = text
        if let size = bytes.withUTF8(QuickSyntax.bytes) { return .bytes(size) }
        return generalRead(text)
    }

    /// `read` without the byte-level reader: the definition it agrees with.
    static func generalRead(_ text: String) -> Reading {
        var digits = Substring(text)
        var factor: UInt64 = 1
        for (unit, value) in units where digits.hasSuffix(unit) {
            factor = value
            digits = digits.dropLast(unit.count)
            break
        }
        switch IntegerSyntax.read(String(digits)) {
        case .value(let value):
            guard value > 0 else { return .invalid(hint: nil) }
            let (product, overflow) = value.multipliedReportingOverflow(by: factor)
            return overflow ? .tooLarge : .bytes(product)
        case .tooLarge:
            return .tooLarge
        case .notDecimal:
            return .invalid(hint: hint(for: text))
        }
    }

    private static func hint(for text: String) -> String? {
        let squeezed = text.filter { $0 != " " }
        if squeezed != text, case .bytes = read(squeezed) { return squeezed }
        let letters: [(String, String)] = [
            ("k", "KiB"), ("K", "KiB"), ("M", "MiB"), ("G", "GiB"), ("T", "TiB"),
        ]
        for (letter, unit) in letters where squeezed.hasSuffix(letter) {
            let number = String(squeezed.dropLast())
            if IntegerSyntax.parse(number) != nil { return number + unit }
        }
        return nil
    }
}
