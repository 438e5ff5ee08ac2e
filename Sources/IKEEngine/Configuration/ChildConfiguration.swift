import IKECore

/// Whether a Child SA protects whole IP packets between gateways or the payload between
/// two hosts (RFC 4301 section 4.1).
public enum IPsecMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Tunnel mode: the default of IKEv2 (RFC 7296 section 1.3.1).
    case tunnel
    /// Transport mode: requested with USE_TRANSPORT_MODE in IKEv2.
    case transport
}

/// One Child SA (IKEv1: one quick mode SA) a peer is configured for: what it protects,
/// how, and for how long.
public struct ChildConfiguration: Sendable, Hashable {
    /// The name the policy gave it (`lan`); names a Child SA in commands and reports.
    public var name: String
    /// ESP or AH; `.ike` is not a Child SA protocol and is refused when the session starts.
    public var protocolID: SecurityProtocol
    /// Tunnel or transport.
    public var mode: IPsecMode
    /// Our side's selectors (TSi when we initiate). Empty means our address alone.
    public var localSelectors: [TrafficSelector]
    /// The peer's side's selectors (TSr when we initiate). Empty means the peer's address.
    public var remoteSelectors: [TrafficSelector]
    /// The acceptable proposals in preference order. Their `dhGroups` are the PFS groups
    /// of rekeys and of Child SAs made with CREATE_CHILD_SA; empty for no PFS.
    public var proposals: [Proposal]
    /// The lifetime.
    public var lifetime: ChildLifetime

    /// A Child SA configuration.
    public init(
        name: String, protocolID: SecurityProtocol = .esp, mode: IPsecMode = .tunnel,
        localSelectors: [TrafficSelector] = [], remoteSelectors: [TrafficSelector] = [],
        proposals: [Proposal], lifetime: ChildLifetime = ChildLifetime()
    ) {
        self.name = name
        self.protocolID = protocolID
        self.mode = mode
        self.localSelectors = localSelectors
        self.remoteSelectors = remoteSelectors
        self.proposals = proposals
        self.lifetime = lifetime
    }
}
