/// The little DER this module reads and writes by itself: RFC 7427 AlgorithmIdentifiers.
/// Everything else (keys, certificates, names) goes through libcrypto's parsers.
enum DER {
    /// One decoded element: its tag octet and its content.
    struct Element {
        let tag: UInt8
        let content: ArraySlice<UInt8>
    }

    /// Splits `bytes` into its top-level elements; nil if any length runs past the end,
    /// uses the indefinite form, or is not minimally encoded.
    static func elements(_ bytes: ArraySlice<UInt8>) -> [Element]? {
        var elements: [Element] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let (element, next) = element(bytes, at: index) else { return nil }
            elements.append(element)
            index = next
        }
        return elements
    }

    /// One element at `index` and the index after it.
    private static func element(_ bytes: ArraySlice<UInt8>, at start: Int) -> (Element, Int)? {
        var index = start
        guard index < bytes.endIndex else { return nil }
        let tag = bytes[index]
        index += 1
        guard index < bytes.endIndex else { return nil }
        let first = bytes[index]
        index += 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            // Lengths here are tiny; more than two length octets is not what we parse.
            guard count >= 1, count <= 2, bytes.endIndex - index >= count else { return nil }
            for _ in 0..<count {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
            guard length >= 0x80, count == 1 || length > 0xFF else { return nil }
        }
        guard bytes.endIndex - index >= length else { return nil }
        return (Element(tag: tag, content: bytes[index..<(index + length)]), index + length)
    }

    /// The encoding of an element with `tag` around `content`.
    static func encode(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        let count = content.count
        if count < 0x80 { return [tag, UInt8(count)] + content }
        if count <= 0xFF { return [tag, 0x81, UInt8(count)] + content }
        return [tag, 0x82, UInt8(count >> 8), UInt8(count & 0xFF)] + content
    }

    static let sequence: UInt8 = 0x30
    static let objectIdentifier: UInt8 = 0x06
    static let null: UInt8 = 0x05
    static let integer: UInt8 = 0x02
}
