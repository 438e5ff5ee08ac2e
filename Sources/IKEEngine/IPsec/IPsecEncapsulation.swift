import IKECore

/// How an SA protects traffic (RFC 4301 section 4.1).
public enum IPsecEncapsulation: Sendable, Hashable {
    /// The SA protects the upper-layer payload of a packet and keeps its IP header; next
    /// header is the payload's protocol.
    case transport
    /// The SA protects a whole inner packet inside a new outer header between the two
    /// gateways `source` and `destination` (next header 4 or 41). For an inbound SA these
    /// are the outer addresses of the packets it receives; they are not checked on open.
    case tunnel(source: IPAddress, destination: IPAddress)
}
