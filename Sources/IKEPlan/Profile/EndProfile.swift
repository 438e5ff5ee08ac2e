import IKECore
import IKEPolicy

/// One end of a connection as the planner sees it: what one gateway's peer entry says
/// about the connection, with every default applied and every value located in its file.
///
/// A profile is made from a checked policy's peer entry (`ProfileBuilder`), or, to plan a
/// single policy, as the mirror image of another profile: the peer configured exactly as
/// the entry expects it to be.
public struct EndProfile: Sendable {
    /// The gateway's name (`hq`), used for this end in every report; a pair whose two
    /// gateways share a name tells them apart with the file name.
    public var label: String
    /// The policy file's path as given.
    public let file: String
    /// The peer entry's name in this end's policy (`branch`); for a mirror, the name of
    /// the entry it mirrors.
    public let peerName: String
    /// Whether this end is the assumed mirror image of a peer entry rather than a policy.
    public let isMirror: Bool
    /// IKEv1 or IKEv2, and where that was set.
    public let version: IKEVersion
    /// The `ike:` setting.
    public let versionLocation: PolicyLocation
    /// Our addresses.
    public let addresses: [IPAddress]
    /// The identity we present.
    public let localIdentity: Identity
    /// Where our identity is set (`local-id` or `gateway.id`).
    public let localIdentityLocation: PolicyLocation
    /// The identity the peer must present; nil accepts any.
    public let remoteIdentity: Identity?
    /// Where the peer's identity is set (`peers.NAME.id`).
    public let remoteIdentityLocation: PolicyLocation
    /// Authentication.
    public let auth: AuthProfile
    /// Phase 1.
    public let phase1: Phase1Profile
    /// Phase 2 entries in file order.
    public let children: [ChildProfile]

    /// A profile from its parts.
    public init(
        label: String, file: String, peerName: String, isMirror: Bool, version: IKEVersion,
        versionLocation: PolicyLocation, addresses: [IPAddress], localIdentity: Identity,
        localIdentityLocation: PolicyLocation, remoteIdentity: Identity?,
        remoteIdentityLocation: PolicyLocation, auth: AuthProfile, phase1: Phase1Profile,
        children: [ChildProfile]
    ) {
        self.label = label
        self.file = file
        self.peerName = peerName
        self.isMirror = isMirror
        self.version = version
        self.versionLocation = versionLocation
        self.addresses = addresses
        self.localIdentity = localIdentity
        self.localIdentityLocation = localIdentityLocation
        self.remoteIdentity = remoteIdentity
        self.remoteIdentityLocation = remoteIdentityLocation
        self.auth = auth
        self.phase1 = phase1
        self.children = children
    }

    /// The key path of the peer entry (`peers.branch`).
    public var peerKeyPath: String { "peers.\(peerName)" }

    /// The Child SA profile named `name`.
    public func child(named name: String) -> ChildProfile? {
        children.first { $0.name == name }
    }
}

/// The authentication settings of one end.
public struct AuthProfile: Sendable {
    /// How we authenticate.
    public let local: AuthMethod
    /// How the peer must authenticate.
    public let remote: AuthMethod
    /// Whether both came from the `method:` shorthand.
    public let usesShorthand: Bool
    /// The pre-shared key's source, if any (never its value).
    public let psk: PresharedKey?
    /// RFC 7427 hashes in effect.
    public let signatureHashes: [HashAlgorithm]
    /// The `auth:` section.
    public let location: PolicyLocation
    /// The `psk:` value.
    public let pskLocation: PolicyLocation

    /// Settings from their parts.
    public init(
        local: AuthMethod, remote: AuthMethod, usesShorthand: Bool, psk: PresharedKey?,
        signatureHashes: [HashAlgorithm], location: PolicyLocation, pskLocation: PolicyLocation
    ) {
        self.local = local
        self.remote = remote
        self.usesShorthand = usesShorthand
        self.psk = psk
        self.signatureHashes = signatureHashes
        self.location = location
        self.pskLocation = pskLocation
    }
}

/// Phase 1 settings of one end.
public struct Phase1Profile: Sendable {
    /// The proposals in preference order.
    public let proposals: ProposalListProfile
    /// Whose order wins when this end responds.
    public let order: ProposalOrder
    /// IKEv1 exchange mode (main for IKEv2, unused there).
    public let mode: ExchangeMode
    /// IKEv1 responder lifetime policy.
    public let lifetimeCheck: LifetimeCheck
    /// The lifetime in seconds.
    public let lifetimeSeconds: Int
    /// IKEv1 volume lifetime in kilobytes, if set.
    public let lifetimeKilobytes: UInt64?
    /// The `phase1:` section.
    public let location: PolicyLocation

    /// Settings from their parts.
    public init(
        proposals: ProposalListProfile, order: ProposalOrder, mode: ExchangeMode,
        lifetimeCheck: LifetimeCheck, lifetimeSeconds: Int, lifetimeKilobytes: UInt64?,
        location: PolicyLocation
    ) {
        self.proposals = proposals
        self.order = order
        self.mode = mode
        self.lifetimeCheck = lifetimeCheck
        self.lifetimeSeconds = lifetimeSeconds
        self.lifetimeKilobytes = lifetimeKilobytes
        self.location = location
    }
}

/// One phase 2 entry of one end.
public struct ChildProfile: Sendable {
    /// The entry's name.
    public let name: String
    /// ESP or AH.
    public let ipsecProtocol: IPsecProtocol
    /// Tunnel or transport.
    public let mode: EncapsulationMode
    /// Our side's selectors.
    public let localSelectors: [TrafficSelector]
    /// The peer's side's selectors; empty with `remoteIsDynamic`.
    public let remoteSelectors: [TrafficSelector]
    /// Whether the peer's side is "the peer's address", not yet known (a road warrior
    /// planned without its counterpart).
    public let remoteIsDynamic: Bool
    /// Where our side's selectors are written (`local-ts`, or the address they default to).
    public let localSelectorsLocation: PolicyLocation
    /// Where the peer's side's selectors are written.
    public let remoteSelectorsLocation: PolicyLocation
    /// The proposals in preference order (D-H groups are the PFS groups).
    public let proposals: ProposalListProfile
    /// Lifetime in seconds.
    public let lifetimeSeconds: Int
    /// Byte limit, if set.
    public let lifetimeBytes: UInt64?
    /// Packet limit, if set.
    public let lifetimePackets: UInt64?
    /// The entry.
    public let location: PolicyLocation

    /// An entry from its parts.
    public init(
        name: String, ipsecProtocol: IPsecProtocol, mode: EncapsulationMode,
        localSelectors: [TrafficSelector], remoteSelectors: [TrafficSelector],
        remoteIsDynamic: Bool, localSelectorsLocation: PolicyLocation,
        remoteSelectorsLocation: PolicyLocation, proposals: ProposalListProfile,
        lifetimeSeconds: Int,
        lifetimeBytes: UInt64?, lifetimePackets: UInt64?, location: PolicyLocation
    ) {
        self.name = name
        self.ipsecProtocol = ipsecProtocol
        self.mode = mode
        self.localSelectors = localSelectors
        self.remoteSelectors = remoteSelectors
        self.remoteIsDynamic = remoteIsDynamic
        self.localSelectorsLocation = localSelectorsLocation
        self.remoteSelectorsLocation = remoteSelectorsLocation
        self.proposals = proposals
        self.lifetimeSeconds = lifetimeSeconds
        self.lifetimeBytes = lifetimeBytes
        self.lifetimePackets = lifetimePackets
        self.location = location
    }

    /// The PFS group of a CREATE_CHILD_SA request: the first proposal's first group.
    public var firstPFSGroup: DHGroup? { proposals.proposals.first?.proposal.dhGroups.first }
}

/// A list of proposals with their places.
public struct ProposalListProfile: Sendable {
    /// The proposals in preference order.
    public let proposals: [OfferedProposal]
    /// The named set the list came from, if any.
    public let setName: String?
    /// Where the list is written: the entry's `proposals:` value, or the named set.
    public let location: PolicyLocation

    /// A list from its parts.
    public init(proposals: [OfferedProposal], setName: String?, location: PolicyLocation) {
        self.proposals = proposals
        self.setName = setName
        self.location = location
    }

    /// The proposals as IKECore values.
    public var coreProposals: [Proposal] { proposals.map(\.proposal) }
}

/// One proposal with its place and, for IKEv1, its expansion into transforms.
public struct OfferedProposal: Sendable, Hashable {
    /// The proposal.
    public let proposal: Proposal
    /// IKEv1 phase 1 transforms, in order (empty otherwise).
    public let ikev1Phase1: [IKEv1Phase1Transform]
    /// IKEv1 phase 2 transforms, in order (empty otherwise).
    public let ikev1Phase2: [IKEv1Phase2Transform]
    /// The keyword string as written, for a keyword proposal.
    public let written: String?
    /// The string or map, if written in a file.
    public let location: PolicyLocation

    /// A proposal from its parts.
    public init(
        proposal: Proposal, ikev1Phase1: [IKEv1Phase1Transform],
        ikev1Phase2: [IKEv1Phase2Transform], written: String?, location: PolicyLocation
    ) {
        self.proposal = proposal
        self.ikev1Phase1 = ikev1Phase1
        self.ikev1Phase2 = ikev1Phase2
        self.written = written
        self.location = location
    }

    /// The proposal as written, or in keyword form.
    public var text: String { written ?? proposal.keywordString }
}
