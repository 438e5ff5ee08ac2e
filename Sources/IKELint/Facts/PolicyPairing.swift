import IKECore
import IKEPolicy

/// A peer of one policy whose other end is described by another policy, and the other
/// policy's peer entry for us (DESIGN.md, "Pairing two configs").
public struct PolicyPair: Sendable {
    /// Our peer entry that names the other gateway.
    public let localPeer: Peer
    /// The other gateway's policy.
    public let remote: CheckedPolicy
    /// Its peer entry that names our gateway.
    public let remotePeer: Peer
}

/// Finds which policies describe the two ends of one connection.
public enum PolicyPairing {
    /// The pairs between `policy` and each of `others`: a peer of `policy` naming the other
    /// gateway (by address or identity) while the other policy has a peer naming ours. The
    /// first such peer on each side is taken; `policy` itself (same path) is skipped.
    public static func pairs(for policy: CheckedPolicy, among others: [CheckedPolicy])
        -> [PolicyPair]
    {
        var out: [PolicyPair] = []
        for other in others where other.source.path != policy.source.path {
            guard let local = policy.peers.first(where: { names($0, other.gateway) }),
                let remote = other.peers.first(where: { names($0, policy.gateway) })
            else { continue }
            out.append(PolicyPair(localPeer: local, remote: other, remotePeer: remote))
        }
        return out
    }

    /// Whether `peer` names `gateway`: its identity is the gateway's, or its address
    /// entries cover one of the gateway's addresses (`any` matches by identity only).
    public static func names(_ peer: Peer, _ gateway: Gateway) -> Bool {
        if let identity = peer.remoteIdentity, identity.value == gateway.identity.value {
            return true
        }
        guard case .entries = peer.address.value else { return false }
        return gateway.addresses.contains { peer.address.value.matches($0.value) }
    }
}
