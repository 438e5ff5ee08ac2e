import IKECore
import IKEPolicy

/// How well a peer entry names another policy's gateway (DESIGN.md, "Pairing two
/// configs"). Better matches win; equally good ones are ambiguous.
public enum PeerMatch: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The entry's addresses cover the gateway's, but its identity is not written or is not
    /// the gateway's (the negotiation will show whether the identities agree).
    case address = 1
    /// The entry is at `any` and its identity is the gateway's.
    case identity = 2
    /// The entry's identity is the gateway's and its addresses cover the gateway's.
    case identityAndAddress = 3

    /// Orders weakest first.
    public static func < (lhs: PeerMatch, rhs: PeerMatch) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `identity and address`, `identity`, `address only`.
    public var description: String {
        switch self {
        case .address: return "address only"
        case .identity: return "identity"
        case .identityAndAddress: return "identity and address"
        }
    }

    /// How `peer` names `gateway`, or nil when it does not. A peer at `any` names a
    /// gateway only by identity; an entry whose identity fits but whose addresses do not
    /// names nothing (the gateway is elsewhere).
    public static func of(_ peer: Peer, naming other: CheckedPolicy) -> PeerMatch? {
        let identityFits = peer.remoteIdentity.map {
            presentedIdentities(of: other).contains($0.value)
        }
        switch peer.address.value {
        case .any:
            return identityFits == true ? .identity : nil
        case .entries:
            let addressFits = other.gateway.addresses.contains {
                peer.address.value.matches($0.value)
            }
            guard addressFits else { return nil }
            return identityFits == true ? .identityAndAddress : .address
        }
    }

    /// The identities a gateway may present: its own and any `local-id` of its peers.
    static func presentedIdentities(of policy: CheckedPolicy) -> [Identity] {
        var identities = [policy.gateway.identity.value]
        for peer in policy.peers {
            if let local = peer.localIdentity?.value, !identities.contains(local) {
                identities.append(local)
            }
        }
        return identities
    }
}
