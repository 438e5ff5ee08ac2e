import IKECore

/// Byte-level readers for the values a policy writes thousands of times: addresses,
/// prefixes, selectors, durations and sizes. Each reads only plain ASCII text that is
/// well formed and returns nil for anything else, so the general reader beside it (which
/// explains what is wrong) stays the one definition of the syntax; the two agree on every
/// text this accepts.
enum QuickSyntax {
    /// `198.51.100.1` or a prefix with its host bits clear, `198.51.100.0/24`.
    static func addressEntry(_ text: UnsafeBufferPointer<UInt8>) -> AddressEntry? {
        guard isPlainASCII(text) else { return nil }
        guard let slash = text.firstIndex(of: UInt8(ascii: "/")) else {
            // Ranges (`a-b`) are left to the general reader.
            guard !text.contains(UInt8(ascii: "-")) else { return nil }
            return IPAddress(utf8: text).map(AddressEntry.host)
        }
        guard let address = IPAddress(utf8: UnsafeBufferPointer(rebasing: text[..<slash])),
            let length = decimal(UnsafeBufferPointer(rebasing: text[(slash + 1)...]), upTo: 128),
            let network = IPNetwork(address: address, prefixLength: length),
            !hasHostBits(address, prefixLength: length)
        else { return nil }
        return .network(network)
    }

    /// strongSwan's selector form: an address entry, then optionally `[protocol]` or
    /// `[protocol/port]` or `[protocol/low-high]` for a protocol with ports.
    static func selector(_ text: UnsafeBufferPointer<UInt8>) -> TrafficSelector? {
        guard isPlainASCII(text) else { return nil }
        let open = text.firstIndex(of: UInt8(ascii: "[")) ?? text.count
        guard let entry = addressEntry(UnsafeBufferPointer(rebasing: text[..<open])) else {
            return nil
        }
        var ipProtocol: UInt8 = 0
        var ports: ClosedRange<UInt16> = 0...65535
        if open < text.count {
            guard text[text.count - 1] == UInt8(ascii: "]") else { return nil }
            let inside = UnsafeBufferPointer(rebasing: text[(open + 1)..<(text.count - 1)])
            let slash = inside.firstIndex(of: UInt8(ascii: "/")) ?? inside.count
            guard let number = protocolNumber(UnsafeBufferPointer(rebasing: inside[..<slash]))
            else { return nil }
            ipProtocol = number
            if slash < inside.count {
                guard SelectorSyntax.portProtocols.contains(number),
                    let range = portRange(UnsafeBufferPointer(rebasing: inside[(slash + 1)...]))
                else { return nil }
                ports = range
            }
        }
        // A prefix read here has its host bits clear: it starts at its own address.
        let first: IPAddress
        let last: IPAddress
        switch entry {
        case .network(let network):
            first = network.address
            last = network.address.filling(afterPrefix: network.prefixLength, with: true)
        default:
            first = entry.first
            last = entry.last
        }
        return TrafficSelector(
            startAddress: first, endAddress: last, ipProtocol: ipProtocol,
            startPort: ports.lowerBound, endPort: ports.upperBound)
    }

    /// A positive duration in seconds: digits with an optional unit `s`, `m`, `h` or `d`.
    static func seconds(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let last = text.last else { return nil }
        let factor: Int
        switch last {
        case UInt8(ascii: "s"): factor = 1
        case UInt8(ascii: "m"): factor = 60
        case UInt8(ascii: "h"): factor = 3600
        case UInt8(ascii: "d"): factor = 86400
        default: factor = 0
        }
        let digits = UnsafeBufferPointer(
            rebasing: text[..<(factor == 0 ? text.count : text.count - 1)])
        guard let value = decimal(digits, upTo: Int.max), value > 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: max(factor, 1))
        return overflow ? nil : product
    }

    /// A positive size in bytes: digits with an optional unit (see `SizeSyntax.units`).
    static func bytes(_ text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var digitCount = text.count
        var factor: UInt64 = 1
        for (unit, value) in SizeSyntax.units where hasSuffix(text, unit) {
            factor = value
            digitCount -= unit.utf8.count
            break
        }
        guard
            let value = decimal(UnsafeBufferPointer(rebasing: text[..<digitCount]), upTo: Int.max),
            value > 0
        else { return nil }
        let (product, overflow) = UInt64(value).multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// Plain decimal digits without a leading zero, at most `limit`.
    static func decimal(_ text: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int? {
        guard let first = text.first, text.count == 1 || first != UInt8(ascii: "0") else {
            return nil
        }
        var value = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow, !carry, sum <= limit else { return nil }
            value = sum
        }
        return value
    }

    /// Whether the text is printable ASCII (no control characters, nothing above 0x7E).
    static func isPlainASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// `tcp`, `udp`..., or a number 0-255.
    private static func protocolNumber(_ text: UnsafeBufferPointer<UInt8>) -> UInt8? {
        if let number = decimal(text, upTo: 255) { return UInt8(number) }
        return SelectorSyntax.protocolNumber(String(decoding: text, as: UTF8.self))
    }

    /// `443` or `1000-2000`, low <= high.
    private static func portRange(_ text: UnsafeBufferPointer<UInt8>) -> ClosedRange<UInt16>? {
        let dash = text.firstIndex(of: UInt8(ascii: "-")) ?? text.count
        guard let low = decimal(UnsafeBufferPointer(rebasing: text[..<dash]), upTo: 65535) else {
            return nil
        }
        var high = low
        if dash < text.count {
            guard
                let value = decimal(UnsafeBufferPointer(rebasing: text[(dash + 1)...]), upTo: 65535)
            else { return nil }
            high = value
        }
        guard low <= high else { return nil }
        return UInt16(low)...UInt16(high)
    }

    private static func hasHostBits(_ address: IPAddress, prefixLength: Int) -> Bool {
        for (index, octet) in address.octets.enumerated() {
            let kept = min(max(prefixLength - index * 8, 0), 8)
            let hostMask: UInt8 = kept == 8 ? 0 : 0xFF >> kept
            if octet & hostMask != 0 { return true }
        }
        return false
    }

    private static func hasSuffix(_ text: UnsafeBufferPointer<UInt8>, _ suffix: String) -> Bool {
        let suffix = suffix.utf8
        guard text.count >= suffix.count else { return false }
        return zip(text[(text.count - suffix.count)...], suffix).allSatisfy { $0 == $1 }
    }
}
