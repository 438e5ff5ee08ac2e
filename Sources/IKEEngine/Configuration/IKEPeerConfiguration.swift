import IKECore

/// Everything one end needs to negotiate with one peer, in the engine's own terms: the
/// plan layer translates a checked policy into this, and the engine never sees YAML.
public struct IKEPeerConfiguration: Sendable {
    /// IKEv1 or IKEv2.
    public var version: IKEVersion
    /// Our address and IKE port: the source of our messages, NAT detection's input, and
    /// the default local selector.
    public var local: Endpoint
    /// The peer's address and IKE port.
    public var remote: Endpoint
    /// The identity we send (IDi/IDr, the IKEv1 ID payload); nil sends ID_NULL and is
    /// only valid with NULL authentication (RFC 7619).
    public var localIdentity: Identity?
    /// The identity the peer must present; nil accepts any identity the peer
    /// authenticates (for NULL authentication, nil is required).
    public var remoteIdentity: Identity?
    /// IKE SA proposals in preference order.
    public var ikeProposals: [Proposal]
    /// Whose order wins when we select as responder.
    public var proposalPreference: ProposalPreference
    /// How we authenticate.
    public var localAuthentication: LocalAuthentication
    /// How the peer must authenticate.
    public var remoteAuthentication: RemoteAuthentication
    /// The IKE SA lifetime.
    public var ikeLifetime: IKELifetime
    /// The Child SAs, in the order an initiator sets them up (the first in IKE_AUTH or the
    /// first quick mode, the rest after).
    public var children: [ChildConfiguration]
    /// IKEv1 options (ignored by IKEv2).
    public var ikev1: IKEv1Options
    /// IKEv2 options (ignored by IKEv1).
    public var ikev2: IKEv2Options
    /// Pretend a NAT is present so that IKE moves to port 4500 and ESP travels in UDP, as
    /// strongSwan does with kernel-libipsec: the source NAT detection hash is made from a
    /// random address (RFC 7296 section 2.23 allows this).
    public var forceUDPEncapsulation: Bool
    /// The time certificates are validated at, in seconds since 1970, so that a dry run
    /// gives the same answer every day.
    public var validationTime: Double

    /// A configuration; every field is named, the options have defaults.
    public init(
        version: IKEVersion, local: Endpoint, remote: Endpoint, localIdentity: Identity?,
        remoteIdentity: Identity?, ikeProposals: [Proposal],
        proposalPreference: ProposalPreference = .local,
        localAuthentication: LocalAuthentication, remoteAuthentication: RemoteAuthentication,
        ikeLifetime: IKELifetime = IKELifetime(), children: [ChildConfiguration],
        ikev1: IKEv1Options = IKEv1Options(), ikev2: IKEv2Options = IKEv2Options(),
        forceUDPEncapsulation: Bool = false, validationTime: Double
    ) {
        self.version = version
        self.local = local
        self.remote = remote
        self.localIdentity = localIdentity
        self.remoteIdentity = remoteIdentity
        self.ikeProposals = ikeProposals
        self.proposalPreference = proposalPreference
        self.localAuthentication = localAuthentication
        self.remoteAuthentication = remoteAuthentication
        self.ikeLifetime = ikeLifetime
        self.children = children
        self.ikev1 = ikev1
        self.ikev2 = ikev2
        self.forceUDPEncapsulation = forceUDPEncapsulation
        self.validationTime = validationTime
    }
}
