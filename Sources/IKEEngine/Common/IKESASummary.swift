import IKECore

/// An established IKE SA as one session holds it: what was agreed, who authenticated how,
/// and the keys. Two peers' summaries of one SA agree on everything except the
/// direction-relative fields (`role`, `local...`, `remote...`).
public struct IKESASummary: Sendable, Hashable {
    /// The IKE version.
    public var version: IKEVersion
    /// This session's role in the IKE SA.
    public var role: IKERole
    /// The initiator's SPI (IKEv1: the initiator cookie).
    public var initiatorSPI: UInt64
    /// The responder's SPI (IKEv1: the responder cookie).
    public var responderSPI: UInt64
    /// The selected proposal: one transform of each negotiated type.
    public var selectedProposal: Proposal
    /// The identity we sent; nil for ID_NULL.
    public var localIdentity: Identity?
    /// The identity the peer sent and we accepted; nil for ID_NULL.
    public var remoteIdentity: Identity?
    /// How we authenticated.
    public var localAuthentication: AuthenticationSummary
    /// How the peer authenticated.
    public var remoteAuthentication: AuthenticationSummary
    /// The key material.
    public var keys: IKESAKeys
    /// Whether NAT detection found (or, with forced encapsulation, pretended) a NAT, so
    /// IKE moved to port 4500 and ESP travels in UDP.
    public var usesUDPEncapsulation: Bool
    /// The lifetime in seconds the session was configured with.
    public var lifetimeSeconds: UInt64
    /// How many times this IKE SA has been rekeyed (0 for the first).
    public var generation: Int

    /// A summary from its parts.
    public init(
        version: IKEVersion, role: IKERole, initiatorSPI: UInt64, responderSPI: UInt64,
        selectedProposal: Proposal, localIdentity: Identity?, remoteIdentity: Identity?,
        localAuthentication: AuthenticationSummary, remoteAuthentication: AuthenticationSummary,
        keys: IKESAKeys, usesUDPEncapsulation: Bool, lifetimeSeconds: UInt64, generation: Int
    ) {
        self.version = version
        self.role = role
        self.initiatorSPI = initiatorSPI
        self.responderSPI = responderSPI
        self.selectedProposal = selectedProposal
        self.localIdentity = localIdentity
        self.remoteIdentity = remoteIdentity
        self.localAuthentication = localAuthentication
        self.remoteAuthentication = remoteAuthentication
        self.keys = keys
        self.usesUDPEncapsulation = usesUDPEncapsulation
        self.lifetimeSeconds = lifetimeSeconds
        self.generation = generation
    }
}
