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

/// A peer of ours that several of the other policies could be the far end of.
public struct AmbiguousPairing: Sendable {
    /// Our peer entry.
    public let localPeer: Peer
    /// The candidate policies, in the order given.
    public let candidates: [CheckedPolicy]
}

/// Finds which policies describe the two ends of one connection.
public enum PolicyPairing {
    /// The outcome for one policy.
    public struct Result: Sendable {
        /// Peers with exactly one far end among the others.
        public var pairs: [PolicyPair] = []
        /// Peers with several.
        public var ambiguous: [AmbiguousPairing] = []
    }

    /// Pairs each peer of `policy` with the one policy among `others` that it names (by
    /// address and identity) and that names `policy`'s gateway back. A peer that several
    /// policies fit is reported as ambiguous and left unpaired; `policy` itself (same
    /// path) is never a candidate.
    public static func pairing(for policy: CheckedPolicy, among others: [CheckedPolicy])
        -> Result
    {
        var result = Result()
        for peer in policy.peers {
            var candidates: [(CheckedPolicy, Peer)] = []
            for other in others where other.source.path != policy.source.path {
                guard names(peer, other.gateway),
                    let back = other.peers.first(where: { names($0, policy.gateway) })
                else { continue }
                candidates.append((other, back))
            }
            if candidates.count == 1, let (remote, back) = candidates.first {
                result.pairs.append(PolicyPair(localPeer: peer, remote: remote, remotePeer: back))
            } else if candidates.count > 1 {
                result.ambiguous.append(
                    AmbiguousPairing(localPeer: peer, candidates: candidates.map(\.0)))
            }
        }
        return result
    }

    /// Whether `peer` names `gateway`: everything the peer entry states must fit. Its `id`,
    /// if written, equals the gateway's identity; its addresses, unless `any`, cover one
    /// of the gateway's. A peer at `any` without `id` names no gateway.
    public static func names(_ peer: Peer, _ gateway: Gateway) -> Bool {
        if let identity = peer.remoteIdentity, identity.value != gateway.identity.value {
            return false
        }
        switch peer.address.value {
        case .any:
            return peer.remoteIdentity != nil
        case .entries:
            return gateway.addresses.contains { peer.address.value.matches($0.value) }
        }
    }
}
