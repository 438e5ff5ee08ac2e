#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 or IPv6 address, held as its network-order octets.
public enum IPAddress: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Four octets.
    case v4([UInt8])
    /// Sixteen octets.
    case v6([UInt8])

    /// Parses dotted-quad IPv4 or RFC 4291 text IPv6; nil for anything else.
    public init?(_ text: String) {
        var text = text
        guard let address = text.withUTF8({ IPAddress(utf8: $0) }) else { return nil }
        self = address
    }

    /// Parses the UTF-8 text of an address, as `init?(_:)` does with a `String`.
    public init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        var isIPv6 = false
        var end: Int?
        for (index, byte) in text.enumerated() {
            if byte >= 0x80 {
                // Not an address either way; the C library answers for such text as it
                // always did.
                self.init(inetPton: String(decoding: text, as: UTF8.self))
                return
            }
            if byte == UInt8(ascii: ":") { isIPv6 = true }
            if byte == 0, end == nil { end = index }
        }

        // The family is chosen from the whole text, but `inet_pton` reads a C string,
        // which ends at the first NUL.
        let cString = UnsafeBufferPointer(rebasing: text[..<(end ?? text.count)])
        if isIPv6 {
            guard let octets = IPAddressText.ipv6(cString) else { return nil }
            self = .v6(octets)
        } else {
            guard let octets = IPAddressText.ipv4(cString) else { return nil }
            self = .v4(octets)
        }
    }

    /// Parses with the C library's `inet_pton`, the reference for `init?(_:)`.
    init?(inetPton text: String) {
        if text.contains(":") {
            var storage = in6_addr()
            guard inet_pton(AF_INET6, text, &storage) == 1 else { return nil }
            self = .v6(withUnsafeBytes(of: &storage) { Array($0) })
        } else {
            // inet_pton accepts only the strict four-part decimal form, which is what a
            // policy file should contain (no "10.1" or octal shorthands).
            var storage = in_addr()
            guard inet_pton(AF_INET, text, &storage) == 1 else { return nil }
            self = .v4(withUnsafeBytes(of: &storage) { Array($0) })
        }
    }

    /// An address from its octets: 4 for IPv4, 16 for IPv6, else nil.
    public init?(octets: [UInt8]) {
        switch octets.count {
        case 4: self = .v4(octets)
        case 16: self = .v6(octets)
        default: return nil
        }
    }

    /// The address's octets in network order.
    public var octets: [UInt8] {
        switch self {
        case .v4(let octets), .v6(let octets): return octets
        }
    }

    /// Whether this is an IPv4 address.
    public var isIPv4: Bool {
        if case .v4 = self { return true }
        return false
    }

    /// The number of bits in an address of this family.
    public var bitWidth: Int { octets.count * 8 }

    /// The lowest address of this family.
    public var familyZero: IPAddress {
        isIPv4 ? .v4([UInt8](repeating: 0, count: 4)) : .v6([UInt8](repeating: 0, count: 16))
    }

    /// The highest address of this family.
    public var familyMax: IPAddress {
        isIPv4
            ? .v4([UInt8](repeating: 0xFF, count: 4)) : .v6([UInt8](repeating: 0xFF, count: 16))
    }

    /// The canonical text form (RFC 5952 for IPv6).
    public var description: String {
        // Dotted decimal needs no library call (it is what inet_ntop prints for IPv4).
        if case .v4(let octets) = self, octets.count == 4 {
            return IPAddressText.dottedDecimal(octets)
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = isIPv4 ? AF_INET : AF_INET6
        let ok = octets.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil
        }
        precondition(ok, "inet_ntop cannot fail on a well-sized buffer of a known family")
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Orders IPv4 before IPv6, then by numeric value.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.isIPv4 != rhs.isIPv4 { return lhs.isIPv4 }
        return lhs.octets.lexicographicallyPrecedes(rhs.octets)
    }

    /// The address with every bit after the first `prefixLength` set to `bit`.
    public func filling(afterPrefix prefixLength: Int, with bit: Bool) -> IPAddress {
        var bytes = octets
        for index in 0..<bytes.count {
            let firstBit = index * 8
            if firstBit + 8 <= prefixLength { continue }
            let keep = max(0, prefixLength - firstBit)
            let keepMask: UInt8 = keep == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
            bytes[index] = bit ? (bytes[index] | ~keepMask) : (bytes[index] & keepMask)
        }
        return IPAddress(octets: bytes)!
    }
}

/// An address prefix such as `10.1.0.0/16`.
public struct IPNetwork: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The network address as written (host bits may be set; see `hasHostBits`).
    public let address: IPAddress
    /// The prefix length in bits.
    public let prefixLength: Int

    /// A network; nil when the prefix length does not fit the family.
    public init?(address: IPAddress, prefixLength: Int) {
        guard prefixLength >= 0, prefixLength <= address.bitWidth else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `address/prefix`, or a bare address as a host prefix.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(String(parts[0])) else { return nil }
        var prefix = address.bitWidth
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCII),
                digits.allSatisfy(\.isNumber), let value = Int(digits)
            else { return nil }
            prefix = value
        }
        self.init(address: address, prefixLength: prefix)
    }

    /// The first address of the prefix.
    public var first: IPAddress { address.filling(afterPrefix: prefixLength, with: false) }
    /// The last address of the prefix.
    public var last: IPAddress { address.filling(afterPrefix: prefixLength, with: true) }
    /// Whether the written address has bits set after the prefix (`10.1.2.3/16`).
    public var hasHostBits: Bool { address != first }

    /// `first/prefix`.
    public var description: String { "\(first)/\(prefixLength)" }
}
