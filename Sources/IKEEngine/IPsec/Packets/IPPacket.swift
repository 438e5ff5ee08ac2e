import IKECore

/// An IPv4 or IPv6 packet: its header and the octets after it.
///
/// For IPv6 the payload is everything after the fixed header; extension headers, if any,
/// are part of it and `protocolNumber` is the fixed header's Next Header.
public struct IPPacket: Sendable, Hashable {
    /// The header of either version.
    public enum Header: Sendable, Hashable {
        /// An IPv4 header.
        case v4(IPv4Header)
        /// An IPv6 fixed header.
        case v6(IPv6Header)
    }

    /// The header.
    public var header: Header
    /// The octets after the header.
    public var payload: [UInt8]

    /// A packet from its parts.
    public init(header: Header, payload: [UInt8]) {
        self.header = header
        self.payload = payload
    }

    /// A packet with a default header (TTL or hop limit 64) for the address family of
    /// `source`; `addressFamilyMismatch` when the two addresses differ in family.
    public init(
        source: IPAddress, destination: IPAddress, protocolNumber: UInt8, payload: [UInt8]
    ) throws(IPsecError) {
        guard source.isIPv4 == destination.isIPv4 else {
            throw IPsecError(
                .addressFamilyMismatch, "source and destination are of different families")
        }
        if source.isIPv4 {
            header = .v4(
                try IPv4Header(
                    source: source, destination: destination, protocolNumber: protocolNumber))
        } else {
            header = .v6(
                try IPv6Header(
                    source: source, destination: destination, nextHeader: protocolNumber))
        }
        self.payload = payload
    }

    /// Reads a packet. Octets after the length its header gives are an error unless
    /// `allowingTrailingOctets` (ESP tunnel mode allows TFC padding there, RFC 4303
    /// section 2.7); they are dropped either way.
    public init(parsing bytes: [UInt8], allowingTrailingOctets: Bool = false)
        throws(IPsecError)
    {
        let reader = IPsecReader(bytes, "IP packet")
        let version = try reader.uint8(at: 0) >> 4
        let end: Int
        switch version {
        case 4:
            let (header, headerLength, totalLength) = try IPv4Header.decode(bytes)
            self.header = .v4(header)
            payload = Array(bytes[headerLength..<totalLength])
            end = totalLength
        case 6:
            let (header, payloadLength) = try IPv6Header.decode(bytes)
            self.header = .v6(header)
            end = IPv6Header.length + payloadLength
            payload = Array(bytes[IPv6Header.length..<end])
        default:
            throw IPsecError(.malformed, "IP version \(version) is neither 4 nor 6")
        }
        guard allowingTrailingOctets || end == bytes.count else {
            throw IPsecError(
                .malformed, "\(bytes.count - end) octets follow the IP packet's length")
        }
    }

    /// The packet's octets, with lengths and the IPv4 header checksum filled in.
    public func encoded() throws(IPsecError) -> [UInt8] {
        switch header {
        case .v4(let header): return try header.encode(payloadLength: payload.count) + payload
        case .v6(let header): return try header.encode(payloadLength: payload.count) + payload
        }
    }

    /// Whether this is an IPv4 packet.
    public var isIPv4: Bool {
        if case .v4 = header { return true }
        return false
    }

    /// The source address.
    public var source: IPAddress {
        switch header {
        case .v4(let header): return header.source
        case .v6(let header): return header.source
        }
    }

    /// The destination address.
    public var destination: IPAddress {
        switch header {
        case .v4(let header): return header.destination
        case .v6(let header): return header.destination
        }
    }

    /// The IPv4 Protocol or IPv6 Next Header value.
    public var protocolNumber: UInt8 {
        get {
            switch header {
            case .v4(let header): return header.protocolNumber
            case .v6(let header): return header.nextHeader
            }
        }
        set {
            switch header {
            case .v4(var header):
                header.protocolNumber = newValue
                self.header = .v4(header)
            case .v6(var header):
                header.nextHeader = newValue
                self.header = .v6(header)
            }
        }
    }

    /// The ESP or AH next header value that announces this packet in tunnel mode: 4 for
    /// IPv4, 41 for IPv6.
    public var tunnelNextHeader: UInt8 { isIPv4 ? IPProtocolNumber.ipv4 : IPProtocolNumber.ipv6 }
}
