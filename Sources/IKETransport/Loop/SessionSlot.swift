import IKECore
import IKEEngine

/// What the loop keeps for one session: its timer, where its peer is, and the tunnels of
/// its Child SAs.
struct SessionSlot {
    /// The session.
    let session: any IKESession
    /// The request in flight, if any.
    var retransmission: RetransmissionTimer?
    /// The peer's endpoint (logical port) as last used.
    var peer: Endpoint?
    /// The tunnels, by our inbound SPI.
    var tunnels: [UInt32: ChildSATunnel] = [:]
    /// When we last sent anything on the NAT-T port for this session.
    var lastNATTraversalSend: Double = 0
    /// Whether the loop stopped driving the session (it gave up on the peer).
    var abandoned = false

    /// The peer's NAT-T endpoint: where ESP and keepalives go (RFC 3948 section 2.1).
    var peerNATTraversalEndpoint: Endpoint? {
        guard let peer else { return nil }
        return peer.port == Endpoint.natTraversalPort
            ? peer : peer.withPort(Endpoint.natTraversalPort)
    }

    /// The newest tunnel of the named Child SA.
    func tunnel(named name: String) -> ChildSATunnel? {
        tunnels.values.filter { $0.child.name == name }
            .max { $0.child.generation < $1.child.generation }
    }
}
