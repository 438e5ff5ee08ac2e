import IKEEngine

/// The real UDP ports behind the engine's two logical ports: 500 for IKE and 4500 for NAT
/// traversal (RFC 7296 section 2, RFC 3948 section 2.1).
///
/// The engine always speaks of 500 and 4500, and its NAT detection hashes use them. A
/// transport may still run on other ports (two peers on one loopback address in a test,
/// or a gateway behind a port forward): it sends to the mapped real port and hands the
/// engine datagrams with the logical ports, so both peers hash the same endpoints.
public struct TransportPorts: Sendable, Hashable {
    /// The real port that stands for 500.
    public var ike: UInt16
    /// The real port that stands for 4500.
    public var natTraversal: UInt16

    /// Ports; the defaults are the standard ones.
    public init(
        ike: UInt16 = Endpoint.ikePort, natTraversal: UInt16 = Endpoint.natTraversalPort
    ) {
        self.ike = ike
        self.natTraversal = natTraversal
    }

    /// 500 and 4500.
    public static let standard = TransportPorts()

    /// The real port for a logical one; other ports pass unchanged.
    public func real(_ logical: UInt16) -> UInt16 {
        switch logical {
        case Endpoint.ikePort: return ike
        case Endpoint.natTraversalPort: return natTraversal
        default: return logical
        }
    }

    /// The logical port for a real one; other ports pass unchanged.
    public func logical(_ real: UInt16) -> UInt16 {
        if real == natTraversal { return Endpoint.natTraversalPort }
        if real == ike { return Endpoint.ikePort }
        return real
    }
}
