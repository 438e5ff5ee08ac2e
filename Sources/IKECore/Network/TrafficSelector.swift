/// One traffic selector: an address range, an IP protocol and a port range (RFC 7296
/// section 3.13.1). IKEv1 expresses the same thing with quick mode client IDs.
public struct TrafficSelector: Sendable, Hashable, Codable, CustomStringConvertible {
    /// IP protocol number; 0 means any protocol.
    public var ipProtocol: UInt8
    /// First port (or, for ICMP, the type and code in the RFC 4301 encoding).
    public var startPort: UInt16
    /// Last port.
    public var endPort: UInt16
    /// First address.
    public var startAddress: IPAddress
    /// Last address; the same family as `startAddress`.
    public var endAddress: IPAddress

    /// A selector; the caller guarantees both addresses are of one family, start <= end.
    public init(
        startAddress: IPAddress, endAddress: IPAddress, ipProtocol: UInt8 = 0,
        startPort: UInt16 = 0, endPort: UInt16 = 65535
    ) {
        precondition(startAddress.isIPv4 == endAddress.isIPv4, "selector mixes families")
        self.startAddress = startAddress
        self.endAddress = endAddress
        self.ipProtocol = ipProtocol
        self.startPort = startPort
        self.endPort = endPort
    }

    /// The selector covering a whole prefix, any protocol and port.
    public init(network: IPNetwork, ipProtocol: UInt8 = 0, ports: ClosedRange<UInt16> = 0...65535) {
        self.init(
            startAddress: network.first, endAddress: network.last, ipProtocol: ipProtocol,
            startPort: ports.lowerBound, endPort: ports.upperBound)
    }

    /// Whether the selector is IPv4 (TS_IPV4_ADDR_RANGE, type 7) or IPv6 (type 8).
    public var isIPv4: Bool { startAddress.isIPv4 }

    /// Whether the selector covers any protocol and every port.
    public var isAnyProtocolAndPort: Bool {
        ipProtocol == 0 && startPort == 0 && endPort == 65535
    }

    /// The prefix this selector's address range is exactly, if it is one.
    public var network: IPNetwork? {
        exactPrefixLength.flatMap { IPNetwork(address: startAddress, prefixLength: $0) }
    }

    /// The length of the prefix this selector's address range is exactly, if it is one:
    /// read from the octets in place, where building the candidate prefix's first and last
    /// addresses would allocate (the linter writes thousands of selectors into messages).
    private var exactPrefixLength: Int? {
        // Only one prefix length can fit: the number of leading bits the two addresses
        // share (after it, a prefix's first address has a 0 and its last a 1).
        let start = startAddress.octets
        let end = endAddress.octets
        guard start.count == end.count else { return nil }
        var index = 0
        while index < start.count, start[index] == end[index] { index += 1 }
        guard index < start.count else { return start.count * 8 }
        let sharedBits = (start[index] ^ end[index]).leadingZeroBitCount
        // The rest of the range: zeros in the first address, ones in the last.
        let hostBits: UInt8 = 0xFF >> sharedBits
        guard start[index] & hostBits == 0, end[index] & hostBits == hostBits else { return nil }
        for rest in (index + 1)..<start.count where start[rest] != 0 || end[rest] != 0xFF {
            return nil
        }
        return index * 8 + sharedBits
    }

    /// Whether the address range is a single host.
    public var isSingleHost: Bool { startAddress == endAddress }

    /// Whether `other` lies entirely inside this selector.
    public func contains(_ other: TrafficSelector) -> Bool {
        guard isIPv4 == other.isIPv4 else { return false }
        let protocolFits = ipProtocol == 0 || ipProtocol == other.ipProtocol
        return protocolFits && startAddress <= other.startAddress
            && other.endAddress <= endAddress && startPort <= other.startPort
            && other.endPort <= endPort
    }

    /// The common part of two selectors, or nil if they do not overlap (RFC 7296 section
    /// 2.9: narrowing takes the intersection).
    public func intersection(_ other: TrafficSelector) -> TrafficSelector? {
        guard isIPv4 == other.isIPv4 else { return nil }
        let proto: UInt8
        if ipProtocol == 0 {
            proto = other.ipProtocol
        } else if other.ipProtocol == 0 || other.ipProtocol == ipProtocol {
            proto = ipProtocol
        } else {
            return nil
        }
        let low = max(startAddress, other.startAddress)
        let high = min(endAddress, other.endAddress)
        let lowPort = max(startPort, other.startPort)
        let highPort = min(endPort, other.endPort)
        guard low <= high, lowPort <= highPort else { return nil }
        return TrafficSelector(
            startAddress: low, endAddress: high, ipProtocol: proto, startPort: lowPort,
            endPort: highPort)
    }

    /// CIDR or range notation, followed by `[protocol/ports]` when restricted, as strongSwan
    /// writes selectors: `10.1.0.0/16`, `10.0.0.1-10.0.0.9`, `10.1.0.0/16[tcp/443]`.
    public var description: String {
        var text: String
        if let prefixLength = exactPrefixLength {
            // The prefix's first address is the start address (`IPNetwork.description`).
            text = "\(startAddress)/\(prefixLength)"
        } else {
            text = "\(startAddress)-\(endAddress)"
        }
        if !isAnyProtocolAndPort {
            let name = IPProtocolNames.name(of: ipProtocol)
            var ports = ""
            if startPort == endPort {
                ports = "/\(startPort)"
            } else if !(startPort == 0 && endPort == 65535) {
                ports = "/\(startPort)-\(endPort)"
            }
            text += "[\(name)\(ports)]"
        }
        return text
    }
}

/// Names for IP protocol numbers used in selectors.
public enum IPProtocolNames {
    /// Well-known names, as strongSwan and /etc/protocols spell them.
    public static let byName: [String: UInt8] = [
        "icmp": 1, "igmp": 2, "tcp": 6, "udp": 17, "gre": 47, "esp": 50, "ah": 51,
        "ipv6-icmp": 58, "icmpv6": 58, "sctp": 132,
    ]

    /// The protocol's name, or its number as text.
    public static func name(of number: UInt8) -> String {
        if number == 0 { return "any" }
        return byNumber[number] ?? String(number)
    }

    /// The first name in sorted order of each number that has one.
    private static let byNumber: [UInt8: String] = byName.reduce(into: [:]) { table, entry in
        if table[entry.value].map({ entry.key < $0 }) ?? true { table[entry.value] = entry.key }
    }
}
