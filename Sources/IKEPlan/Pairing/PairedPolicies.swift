import IKECore
import IKEPolicy

/// Two policies that describe the two ends of one connection: each one's peer entry for
/// the other, how well each names the other, and the addresses they use.
public struct PairedPolicies: Sendable {
    /// One end: a policy and its peer entry for the other end.
    public struct End: Sendable {
        /// The policy.
        public let policy: CheckedPolicy
        /// Its peer entry for the other gateway.
        public let peer: Peer
        /// How well that entry names the other gateway.
        public let match: PeerMatch
    }

    /// The first policy given (`A`).
    public let a: End
    /// The second policy given (`B`).
    public let b: End
    /// The addresses the connection uses, from A's point of view.
    public let endpoints: EndpointPair

    /// Whether both entries use the same IKE version.
    public var versionsAgree: Bool { a.peer.ikeVersion == b.peer.ikeVersion }

    /// The planner's view of both ends, with addresses resolved; two gateways of the same
    /// name are told apart by their file names.
    public var profiles: (a: EndProfile, b: EndProfile) {
        var first = ProfileBuilder.profile(of: a.peer, in: a.policy, endpoints: endpoints)
        var second = ProfileBuilder.profile(
            of: b.peer, in: b.policy, endpoints: endpoints.reversed)
        if first.label == second.label {
            first.label += " (\(PolicyLocation(file: first.file, keyPath: "", span: nil).fileName))"
            second.label +=
                " (\(PolicyLocation(file: second.file, keyPath: "", span: nil).fileName))"
        }
        return (first, second)
    }
}
