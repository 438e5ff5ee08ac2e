import IKECore

/// Addresses, prefixes and ranges as a policy writes them.
enum AddressSyntax {
    struct Problem: Error {
        let id: PolicyDiagnosticID
        let message: String
        /// A corrected spelling, offered as a fix-it.
        var replacement: String?
    }

    /// `198.51.100.1`, `198.51.100.0/24` or `198.51.100.1-198.51.100.9`.
    static func entry(_ text: String) -> Result<AddressEntry, Problem> {
        var bytes = text
        if let entry = bytes.withUTF8(QuickSyntax.addressEntry) { return .success(entry) }
        return generalEntry(text)
    }

    /// `entry` without the byte-level reader: the definition it agrees with.
    static func generalEntry(_ text: String) -> Result<AddressEntry, Problem> {
        if text.utf8.contains(UInt8(ascii: "/")) { return network(text).map { .network($0) } }
        if text.utf8.contains(UInt8(ascii: "-")), let dash = text.firstIndex(of: "-") {
            return range(String(text[..<dash]), String(text[text.index(after: dash)...]))
        }
        guard let address = IPAddress(text) else {
            return .failure(Problem(id: .invalidAddress, message: "'\(text)' is not an IP address"))
        }
        return .success(.host(address))
    }

    /// A prefix whose host bits are clear.
    static func network(_ text: String) -> Result<IPNetwork, Problem> {
        guard let slash = text.firstIndex(of: "/"),
            let address = IPAddress(String(text[..<slash]))
        else {
            return .failure(
                Problem(id: .invalidAddress, message: "'\(text)' is not an address prefix"))
        }
        let digits = text[text.index(after: slash)...]
        guard digits.utf8.count <= 3, let length = IntegerSyntax.parse(String(digits)),
            let network = IPNetwork(address: address, prefixLength: Int(length))
        else {
            let range = address.isIPv4 ? "IPv4 (0-32)" : "IPv6 (0-128)"
            return .failure(
                Problem(
                    id: .invalidSelector,
                    message: "'/\(digits)' is not a prefix length for \(range)"))
        }
        if network.hasHostBits {
            return .failure(
                Problem(
                    id: .hostBitsSet,
                    message: "'\(text)' has host bits set; the network is \(network.description)",
                    replacement: network.description))
        }
        return .success(network)
    }

    /// `first-last` of one family with first <= last.
    static func range(_ low: String, _ high: String) -> Result<AddressEntry, Problem> {
        guard let first = IPAddress(low.trimmingSpaces), let last = IPAddress(high.trimmingSpaces)
        else {
            return .failure(
                Problem(id: .invalidAddress, message: "'\(low)-\(high)' is not an address range"))
        }
        guard first.isIPv4 == last.isIPv4 else {
            return .failure(
                Problem(id: .invalidRange, message: "range '\(low)-\(high)' mixes IPv4 and IPv6"))
        }
        guard first <= last else {
            return .failure(
                Problem(
                    id: .invalidRange,
                    message: "range '\(low)-\(high)' ends before it starts",
                    replacement: "\(last)-\(first)"))
        }
        return .success(first == last ? .host(first) : .range(first, last))
    }
}

/// Traffic selectors: an address entry, optionally `[protocol]` or `[protocol/ports]`.
enum SelectorSyntax {
    /// `tcp`, `udp`, a number 0-255, or nil for an unknown name.
    static func protocolNumber(_ text: String) -> UInt8? {
        if let number = IntegerSyntax.parse(text) { return number <= 255 ? UInt8(number) : nil }
        return IPProtocolNames.byName[text.lowercased()]
    }

    /// Protocols whose selectors carry ports (ICMP's carry type and code in the same
    /// fields, RFC 4301 section 4.4.1.1).
    static let portProtocols: Set<UInt8> = [1, 6, 17, 58, 132]

    /// `443` or `1000-2000`.
    static func ports(_ text: String) -> Result<ClosedRange<UInt16>, AddressSyntax.Problem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func port(_ part: Substring) -> UInt16? {
            guard let value = IntegerSyntax.parse(part.trimmingSpaces), value <= 65535 else {
                return nil
            }
            return UInt16(value)
        }
        guard parts.count <= 2, let low = port(parts[0]), let high = port(parts[parts.count - 1])
        else {
            return .failure(
                AddressSyntax.Problem(
                    id: .invalidPort, message: "'\(text)' is not a port (0-65535) or range 'N-M'"))
        }
        guard low <= high else {
            return .failure(
                AddressSyntax.Problem(
                    id: .invalidPort, message: "port range '\(text)' ends before it starts",
                    replacement: "\(high)-\(low)"))
        }
        return .success(low...high)
    }
}
