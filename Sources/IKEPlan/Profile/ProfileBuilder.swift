import IKECore
import IKEPolicy

/// Makes the planner's view of one end from a checked policy's peer entry, or the mirror
/// image of an end when a policy is planned alone.
public enum ProfileBuilder {
    /// The profile of `peer` in `policy`. With `endpoints` (a paired run knows which of
    /// the addresses the two ends use), selectors that defaulted to addresses become those
    /// two hosts, and a peer at `any` has the counterpart's address as its own.
    public static func profile(
        of peer: Peer, in policy: CheckedPolicy, endpoints: EndpointPair? = nil
    ) -> EndProfile {
        let file = policy.source.path
        let peerPath = "peers.\(peer.name.value)"
        let entry = PolicyLocation(file: file, keyPath: peerPath, span: peer.span)
        let localID = policy.localIdentity(for: peer)
        let localIDPath = peer.localIdentity == nil ? "gateway.id" : "\(peerPath).local-id"
        let auth = peer.auth

        let phase1 = Phase1Profile(
            proposals: proposalList(
                peer.phase1.proposals, in: policy, keyPath: "\(peerPath).phase1.proposals"),
            order: peer.phase1.effectiveProposalOrder, mode: peer.phase1.exchangeMode,
            lifetimeCheck: peer.phase1.effectiveLifetimeCheck,
            lifetimeSeconds: peer.phase1.lifetimeSeconds,
            lifetimeKilobytes: peer.phase1.lifetime.kilobytes,
            location: entry.child("phase1", span: peer.phase1.span))
        let children = peer.phase2.map { entryValue in
            child(entryValue, of: peer, in: policy, endpoints: endpoints)
        }
        return EndProfile(
            label: policy.gateway.name.value, file: file, peerName: peer.name.value,
            isMirror: false, version: peer.ikeVersion,
            versionLocation: entry.child("ike", span: peer.version?.span),
            addresses: policy.gateway.addresses.map(\.value), localIdentity: localID.value,
            localIdentityLocation: PolicyLocation(
                file: file, keyPath: localIDPath, span: localID.span),
            remoteIdentity: peer.expectedRemoteIdentity,
            remoteIdentityLocation: entry.child("id", span: peer.remoteIdentity?.span),
            auth: AuthProfile(
                local: auth.local.value, remote: auth.remote.value,
                usesShorthand: auth.fromShorthand, psk: auth.psk?.value,
                signatureHashes: auth.effectiveSignatureHashes,
                location: entry.child("auth", span: auth.span),
                pskLocation: entry.child("auth", span: auth.span).child(
                    "psk", span: auth.psk?.span)),
            phase1: phase1, children: children)
    }

    /// The peer `profile` expects, configured as its mirror image: the same proposals,
    /// lifetimes and key, the identities and selectors swapped. Its label is the peer
    /// entry's name.
    public static func mirror(of profile: EndProfile) -> EndProfile {
        let remoteID = profile.remoteIdentity ?? profile.localIdentity
        let children = profile.children.map { child in
            ChildProfile(
                name: child.name, ipsecProtocol: child.ipsecProtocol, mode: child.mode,
                localSelectors: child.remoteSelectors, remoteSelectors: child.localSelectors,
                remoteIsDynamic: false, localSelectorsLocation: child.remoteSelectorsLocation,
                remoteSelectorsLocation: child.localSelectorsLocation, proposals: child.proposals,
                lifetimeSeconds: child.lifetimeSeconds, lifetimeBytes: child.lifetimeBytes,
                lifetimePackets: child.lifetimePackets, location: child.location)
        }
        return EndProfile(
            label: profile.peerName, file: profile.file, peerName: profile.label, isMirror: true,
            version: profile.version, versionLocation: profile.versionLocation,
            addresses: [], localIdentity: remoteID,
            localIdentityLocation: profile.remoteIdentityLocation,
            remoteIdentity: profile.localIdentity,
            remoteIdentityLocation: profile.localIdentityLocation,
            auth: AuthProfile(
                local: profile.auth.remote, remote: profile.auth.local,
                usesShorthand: profile.auth.usesShorthand, psk: profile.auth.psk,
                signatureHashes: profile.auth.signatureHashes, location: profile.auth.location,
                pskLocation: profile.auth.pskLocation),
            phase1: profile.phase1, children: children)
    }

    private static func child(
        _ entry: Phase2Entry, of peer: Peer, in policy: CheckedPolicy, endpoints: EndpointPair?
    ) -> ChildProfile {
        let path = "peers.\(peer.name.value).phase2.\(entry.name.value)"
        let local: [TrafficSelector]
        switch (entry.localSelectors.origin, endpoints) {
        case (.addressDefault, let endpoints?), (.dynamic, let endpoints?):
            local = [host(endpoints.local)]
        default:
            local = entry.localSelectors.selectors.map(\.value)
        }
        var remote: [TrafficSelector]
        var dynamic = false
        switch (entry.remoteSelectors.origin, endpoints) {
        case (.addressDefault, let endpoints?), (.dynamic, let endpoints?):
            remote = [host(endpoints.remote)]
        case (.dynamic, nil):
            remote = []
            dynamic = true
        default:
            remote = entry.remoteSelectors.selectors.map(\.value)
        }
        let file = policy.source.path
        return ChildProfile(
            name: entry.name.value, ipsecProtocol: entry.effectiveProtocol,
            mode: entry.effectiveMode, localSelectors: local, remoteSelectors: remote,
            remoteIsDynamic: dynamic,
            localSelectorsLocation: PolicyLocation(
                file: file, keyPath: "\(path).local-ts",
                span: entry.localSelectors.selectors.first?.span ?? entry.span),
            remoteSelectorsLocation: PolicyLocation(
                file: file, keyPath: "\(path).remote-ts",
                span: entry.remoteSelectors.selectors.first?.span ?? entry.span),
            proposals: proposalList(entry.proposals, in: policy, keyPath: "\(path).proposals"),
            lifetimeSeconds: entry.lifetimeSeconds, lifetimeBytes: entry.lifetime.bytes?.value,
            lifetimePackets: entry.lifetime.packets?.value,
            location: PolicyLocation(file: policy.source.path, keyPath: path, span: entry.span))
    }

    /// A proposal list located where it is written: in the named set when the entry names
    /// one, else in the entry.
    static func proposalList(_ list: ProposalList, in policy: CheckedPolicy, keyPath: String)
        -> ProposalListProfile
    {
        let file = policy.source.path
        var location = PolicyLocation(file: file, keyPath: keyPath, span: list.span)
        if let name = list.setName?.value,
            let set = policy.proposalSets.first(where: { $0.name.value == name })
        {
            location = PolicyLocation(file: file, keyPath: "proposals.\(name)", span: set.span)
        }
        let proposals = list.proposals.enumerated().map { index, written in
            OfferedProposal(
                proposal: written.proposal, ikev1Phase1: written.ikev1Phase1,
                ikev1Phase2: written.ikev1Phase2, written: written.written,
                location: PolicyLocation(
                    file: file, keyPath: "\(location.keyPath)[\(index)]", span: written.span))
        }
        return ProposalListProfile(
            proposals: proposals, setName: list.setName?.value, location: location)
    }

    private static func host(_ address: IPAddress) -> TrafficSelector {
        TrafficSelector(startAddress: address, endAddress: address)
    }
}

/// The two addresses a connection uses, from one end's point of view.
public struct EndpointPair: Sendable, Hashable {
    /// Our address.
    public let local: IPAddress
    /// The peer's address.
    public let remote: IPAddress

    /// A pair of addresses of one family.
    public init(local: IPAddress, remote: IPAddress) {
        self.local = local
        self.remote = remote
    }

    /// The same two addresses from the other end.
    public var reversed: EndpointPair { EndpointPair(local: remote, remote: local) }
}
