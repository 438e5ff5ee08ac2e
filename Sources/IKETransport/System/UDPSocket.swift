import IKECore
import IKEEngine

#if canImport(Glibc)
    import Glibc
#endif

/// One non-blocking UDP socket bound to one local address and port. The socket is closed
/// when the object goes away.
final class UDPSocket {
    /// The largest UDP payload read at once: more than any IP packet's payload can be.
    static let receiveBufferSize = 65_536

    /// The file descriptor, for polling.
    let descriptor: Int32
    /// The bound address and port (the port the kernel chose when 0 was asked for).
    let localEndpoint: Endpoint

    private var buffer = [UInt8](repeating: 0, count: UDPSocket.receiveBufferSize)

    /// A socket bound to `endpoint`; `invalidEndpoint` for an unspecified address (the
    /// transport must know the address it receives on), `addressUnavailable`,
    /// `addressInUse`, `permissionDenied` or `socketFailed` from the system.
    init(binding endpoint: Endpoint) throws(TransportError) {
        guard endpoint.address != endpoint.address.familyZero else {
            throw TransportError(
                .invalidEndpoint, "cannot bind \(endpoint): name one local address, not any")
        }
        let family = endpoint.address.isIPv4 ? AF_INET : AF_INET6
        let descriptor = socket(
            family,
            Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
                | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw TransportError(.socketFailed, "socket() for \(endpoint)", systemError: errno)
        }

        // An IPv6 socket takes IPv6 alone, never IPv4-mapped addresses.
        if family == AF_INET6 {
            var one: Int32 = 1
            guard
                setsockopt(
                    descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one,
                    socklen_t(MemoryLayout<Int32>.size)) == 0
            else {
                let code = errno
                close(descriptor)
                throw TransportError(
                    .socketFailed, "IPV6_V6ONLY on \(endpoint)", systemError: code)
            }
        }

        let status = SocketAddress.withSocketAddress(endpoint) { address, length in
            bind(descriptor, address, length)
        }
        guard status == 0 else {
            let code = errno
            close(descriptor)
            throw TransportError(Self.bindCode(code), "bind \(endpoint)", systemError: code)
        }

        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(descriptor, $0, &length)
            }
        }
        guard named == 0, let bound = SocketAddress.endpoint(from: storage) else {
            let code = errno
            close(descriptor)
            throw TransportError(.socketFailed, "getsockname for \(endpoint)", systemError: code)
        }
        self.descriptor = descriptor
        self.localEndpoint = bound
    }

    deinit {
        close(descriptor)
    }

    /// Sends `payload` to `destination` in one datagram; `sendFailed` when the kernel
    /// refuses it (a full buffer counts: UDP may drop, and retransmission repairs it).
    func send(_ payload: [UInt8], to destination: Endpoint) throws(TransportError) {
        let sent = SocketAddress.withSocketAddress(destination) { address, length in
            payload.withUnsafeBytes { bytes in
                sendto(descriptor, bytes.baseAddress, bytes.count, 0, address, length)
            }
        }
        guard sent == payload.count else {
            throw TransportError(
                .sendFailed, "sendto \(destination) from \(localEndpoint)",
                systemError: sent < 0 ? errno : nil)
        }
    }

    /// The next waiting datagram and its sender, or nil when none is waiting.
    func receive() throws(TransportError) -> (payload: [UInt8], source: Endpoint)? {
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = buffer.withUnsafeMutableBytes { bytes in
                withUnsafeMutablePointer(to: &storage) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(descriptor, bytes.baseAddress, bytes.count, 0, $0, &length)
                    }
                }
            }
            if count < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK: return nil
                // An ICMP error for an earlier datagram; UDP carries on.
                case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH: continue
                default:
                    throw TransportError(
                        .receiveFailed, "recvfrom on \(localEndpoint)", systemError: errno)
                }
            }
            guard let source = SocketAddress.endpoint(from: storage) else { continue }
            return (Array(buffer[0..<count]), source)
        }
    }

    private static func bindCode(_ code: Int32) -> TransportError.Code {
        switch code {
        case EADDRNOTAVAIL: return .addressUnavailable
        case EADDRINUSE: return .addressInUse
        case EACCES, EPERM: return .permissionDenied
        default: return .socketFailed
        }
    }
}
