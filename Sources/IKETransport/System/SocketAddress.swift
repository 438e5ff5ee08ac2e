import IKECore
import IKEEngine

#if canImport(Glibc)
    import Glibc
#endif

/// Conversions between `Endpoint` and the C library's socket addresses: `sockaddr_in` for
/// IPv4, `sockaddr_in6` for IPv6, both in network byte order.
enum SocketAddress {
    /// Calls `body` with `endpoint` as a socket address and its length.
    static func withSocketAddress<Result>(
        _ endpoint: Endpoint, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
    ) -> Result {
        let octets = endpoint.address.octets
        if endpoint.address.isIPv4 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = endpoint.port.bigEndian
            withUnsafeMutableBytes(of: &address.sin_addr) { raw in
                raw.copyBytes(from: octets)
            }
            return withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    body(socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = endpoint.port.bigEndian
        withUnsafeMutableBytes(of: &address.sin6_addr) { raw in
            raw.copyBytes(from: octets)
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                body(socketAddress, socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        }
    }

    /// The endpoint a `sockaddr_storage` filled by the kernel holds; nil for a family
    /// other than IPv4 and IPv6.
    static func endpoint(from storage: sockaddr_storage) -> Endpoint? {
        var copy = storage
        switch Int32(copy.ss_family) {
        case AF_INET:
            return withUnsafeBytes(of: &copy) { raw -> Endpoint? in
                let address = raw.load(as: sockaddr_in.self)
                let octets = withUnsafeBytes(of: address.sin_addr) { Array($0) }
                guard let ip = IPAddress(octets: octets) else { return nil }
                return Endpoint(address: ip, port: UInt16(bigEndian: address.sin_port))
            }
        case AF_INET6:
            return withUnsafeBytes(of: &copy) { raw -> Endpoint? in
                let address = raw.load(as: sockaddr_in6.self)
                let octets = withUnsafeBytes(of: address.sin6_addr) { Array($0) }
                guard let ip = IPAddress(octets: octets) else { return nil }
                return Endpoint(address: ip, port: UInt16(bigEndian: address.sin6_port))
            }
        default:
            return nil
        }
    }
}
