import IKECore

/// A UDP endpoint: an address and a port.
public struct Endpoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The IKE port (RFC 7296 section 2).
    public static let ikePort: UInt16 = 500
    /// The NAT traversal port, where IKE and ESP-in-UDP travel (RFC 3948, RFC 7296 section
    /// 2.23).
    public static let natTraversalPort: UInt16 = 4500

    /// The IP address.
    public var address: IPAddress
    /// The UDP port.
    public var port: UInt16

    /// An endpoint; the port defaults to 500.
    public init(address: IPAddress, port: UInt16 = Endpoint.ikePort) {
        self.address = address
        self.port = port
    }

    /// The same address on another port.
    public func withPort(_ port: UInt16) -> Endpoint {
        Endpoint(address: address, port: port)
    }

    /// `198.51.100.1:500`, or `[2001:db8::1]:500` for IPv6.
    public var description: String {
        address.isIPv4 ? "\(address):\(port)" : "[\(address)]:\(port)"
    }
}
