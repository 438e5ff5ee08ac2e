import IKECore
import IKEDiagnostics

/// One entry of `peers:`: a remote gateway or a class of road warriors.
public struct Peer: Sendable {
    /// The entry's key.
    public let name: Located<String>
    /// `address:`: where the peer is, or `any`.
    public let address: Located<PeerAddress>
    /// `id:`: the identity the peer must present; nil when not written (then the planner
    /// expects the `ipv4:`/`ipv6:` identity of the peer's single address, see
    /// `expectedRemoteIdentity`).
    public let remoteIdentity: Located<Identity>?
    /// `local-id:`: our identity towards this peer, overriding the gateway's.
    public let localIdentity: Located<Identity>?
    /// `ike:` as written; nil means the default, IKEv2.
    public let version: Located<IKEVersion>?
    /// `auth:`.
    public let auth: AuthConfig
    /// `phase1:`.
    public let phase1: Phase1
    /// `phase2:` entries in file order (may be empty: an IKE SA without Child SAs).
    public let phase2: [Phase2Entry]
    /// The peer's key.
    public let span: SourceSpan

    /// The IKE version: `ike:` or IKEv2 by default.
    public var ikeVersion: IKEVersion { version?.value ?? .v2 }

    /// The identity the peer must present: `id:`, or the address identity of the peer's
    /// first single address. Nil when neither exists (a CIDR or range without `id`).
    public var expectedRemoteIdentity: Identity? {
        if let remoteIdentity { return remoteIdentity.value }
        return address.value.hosts.first.map(Identity.address)
    }
}

/// Where a peer may be: a list of addresses, prefixes and ranges, or anywhere.
public enum PeerAddress: Sendable, Hashable {
    /// `any`: a road warrior, matched by its identity.
    case any
    /// One or more entries, as written.
    case entries([Located<AddressEntry>])

    /// The single addresses among the entries (the ones an initiator can send to).
    public var hosts: [IPAddress] {
        guard case .entries(let entries) = self else { return [] }
        return entries.compactMap { entry in
            if case .host(let address) = entry.value { return address }
            return nil
        }
    }

    /// Whether `address` falls in one of the entries (always true for `any`).
    public func matches(_ address: IPAddress) -> Bool {
        guard case .entries(let entries) = self else { return true }
        return entries.contains { $0.value.contains(address) }
    }
}

/// One address entry: a host, a prefix or a range.
public enum AddressEntry: Sendable, Hashable, CustomStringConvertible {
    /// A single address.
    case host(IPAddress)
    /// A prefix, host bits clear.
    case network(IPNetwork)
    /// An inclusive range of one family, first <= last.
    case range(IPAddress, IPAddress)

    /// The first address covered.
    public var first: IPAddress {
        switch self {
        case .host(let address): return address
        case .network(let network): return network.first
        case .range(let low, _): return low
        }
    }

    /// The last address covered.
    public var last: IPAddress {
        switch self {
        case .host(let address): return address
        case .network(let network): return network.last
        case .range(_, let high): return high
        }
    }

    /// Whether `address` is covered.
    public func contains(_ address: IPAddress) -> Bool {
        address.isIPv4 == first.isIPv4 && first <= address && address <= last
    }

    /// The entry as a traffic selector covering it (any protocol and port).
    public var trafficSelector: TrafficSelector {
        TrafficSelector(startAddress: first, endAddress: last)
    }

    /// `198.51.100.1`, `198.51.100.0/24` or `198.51.100.1-198.51.100.9`.
    public var description: String {
        switch self {
        case .host(let address): return address.description
        case .network(let network): return network.description
        case .range(let low, let high): return "\(low)-\(high)"
        }
    }
}
