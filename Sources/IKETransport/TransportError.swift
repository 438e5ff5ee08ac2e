/// The one error type of the transport: sockets, polling, datagram framing and the ESP
/// tunnels beside the engine. `code` is stable for callers and tests to compare; `context`
/// says what was being done, in words this layer writes (addresses, ports, SPIs and
/// lengths, never packet contents or keys); `systemError` keeps the C library's `errno`
/// when a system call failed.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// An endpoint cannot be used: an unspecified address to bind, a family mismatch
        /// between the local and the remote address, a port of 0 where a real one is needed.
        case invalidEndpoint = "invalid-endpoint"
        /// A socket could not be made or configured.
        case socketFailed = "socket-failed"
        /// The local address is not configured on this host (EADDRNOTAVAIL).
        case addressUnavailable = "address-unavailable"
        /// Another socket holds the port (EADDRINUSE).
        case addressInUse = "address-in-use"
        /// Binding the port needs privileges this process lacks (EACCES), as ports below
        /// 1024 do.
        case permissionDenied = "permission-denied"
        /// A datagram could not be sent.
        case sendFailed = "send-failed"
        /// Receiving failed for a reason other than "nothing to read".
        case receiveFailed = "receive-failed"
        /// Waiting for the sockets failed.
        case pollFailed = "poll-failed"
        /// A datagram could not be framed or unframed (RFC 3948 section 2.2).
        case malformedDatagram = "malformed-datagram"
        /// No session of this loop has that identifier, or no Child SA of the session has
        /// that name.
        case unknownSession = "unknown-session"
        /// A Child SA cannot be carried by this transport (AH, or ESP without UDP
        /// encapsulation), or its keys do not fit its algorithms.
        case unsupportedChildSA = "unsupported-child-sa"
        /// Sealing or opening a packet failed in the IPsec layer.
        case ipsecFailed = "ipsec-failed"
    }

    /// The stable kind.
    public let code: Code
    /// What was being done, without secrets.
    public let context: String
    /// The `errno` of the failed system call, if one failed.
    public let systemError: Int32?

    /// An error with its code and context.
    public init(_ code: Code, _ context: String, systemError: Int32? = nil) {
        self.code = code
        self.context = context
        self.systemError = systemError
    }

    /// `code: context`, with the system's message when there is one.
    public var description: String {
        guard let systemError else { return "\(code.rawValue): \(context)" }
        return "\(code.rawValue): \(context): \(SystemErrorText.message(systemError))"
    }
}
