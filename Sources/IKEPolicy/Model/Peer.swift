import IKECore
import IKEDiagnostics

/// One entry of `peers:`: a remote gateway or a class of road warriors.
///
/// The fields live in one shared, immutable box: a peer is read by many rules and
/// planner steps, and copying it is then one reference instead of dozens.
public struct Peer: Sendable {
    private final class Storage: Sendable {
        let name: Located<String>
        let address: Located<PeerAddress>
        let remoteIdentity: Located<Identity>?
        let localIdentity: Located<Identity>?
        let version: Located<IKEVersion>?
        let auth: AuthConfig
        let phase1: Phase1
        let phase2: [Phase2Entry]
        let span: SourceSpan

        init(
            name: Located<String>, address: Located<PeerAddress>,
            remoteIdentity: Located<Identity>?, localIdentity: Located<Identity>?,
            version: Located<IKEVersion>?, auth: AuthConfig, phase1: Phase1,
            phase2: [Phase2Entry], span: SourceSpan
        ) {
            self.name = name
            self.address = address
            self.remoteIdentity = remoteIdentity
            self.localIdentity = localIdentity
            self.version = version
            self.auth = auth
            self.phase1 = phase1
            self.phase2 = phase2
            self.span = span
        }
    }

    private let storage: Storage

    init(
        name: Located<String>, address: Located<PeerAddress>,
        remoteIdentity: Located<Identity>?, localIdentity: Located<Identity>?,
        version: Located<IKEVersion>?, auth: AuthConfig, phase1: Phase1,
        phase2: [Phase2Entry], span: SourceSpan
    ) {
        storage = Storage(
            name: name, address: address, remoteIdentity: remoteIdentity,
            localIdentity: localIdentity, version: version, auth: auth, phase1: phase1,
            phase2: phase2, span: span)
    }

    /// The entry's key.
    public var name: Located<String> { storage.name }
    /// `address:`: where the peer is, or `any`.
    public var address: Located<PeerAddress> { storage.address }
    /// `id:`: the identity the peer must present; nil when not written (then the planner
    /// expects the `ipv4:`/`ipv6:` identity of the peer's single address, see
    /// `expectedRemoteIdentity`).
    public var remoteIdentity: Located<Identity>? { storage.remoteIdentity }
    /// `local-id:`: our identity towards this peer, overriding the gateway's.
    public var localIdentity: Located<Identity>? { storage.localIdentity }
    /// `ike:` as written; nil means the default, IKEv2.
    public var version: Located<IKEVersion>? { storage.version }
    /// `auth:`.
    public var auth: AuthConfig { storage.auth }
    /// `phase1:`.
    public var phase1: Phase1 { storage.phase1 }
    /// `phase2:` entries in file order (may be empty: an IKE SA without Child SAs).
    public var phase2: [Phase2Entry] { storage.phase2 }
    /// The peer's key.
    public var span: SourceSpan { storage.span }

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
