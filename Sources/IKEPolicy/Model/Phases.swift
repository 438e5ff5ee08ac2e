import IKECore
import IKEDiagnostics

/// The IKEv1 phase 1 exchange (RFC 2409 section 5).
public enum ExchangeMode: String, Sendable, Hashable, CaseIterable {
    /// Main mode: identities protected.
    case main
    /// Aggressive mode: three messages, identities in the clear.
    case aggressive
}

/// What an IKEv1 responder does with a proposed lifetime longer than its own (RFC 2407
/// section 4.5.4 and the RESPONDER-LIFETIME notify).
public enum LifetimeCheck: String, Sendable, Hashable, CaseIterable {
    /// Accept it.
    case accept
    /// Accept it and announce our shorter lifetime with RESPONDER-LIFETIME.
    case notify
    /// Reject the proposal.
    case reject
}

/// Whose preference order a responder follows when selecting a proposal.
public enum ProposalOrder: String, Sendable, Hashable, CaseIterable {
    /// Our order (strongSwan's default).
    case ours
    /// The initiator's order.
    case theirs
}

/// A peer's `phase1:` section: the IKE SA (IKEv2) or ISAKMP SA (IKEv1).
public struct Phase1: Sendable {
    // The fields live in one shared, immutable box, so that copying this (which lint rules
    // and the planner do for every use) is one reference instead of one per field.
    private final class Storage: Sendable {
        let mode: Located<ExchangeMode>?
        let proposals: ProposalList
        let lifetime: Lifetime
        let lifetimeCheck: Located<LifetimeCheck>?
        let proposalOrder: Located<ProposalOrder>?
        let span: SourceSpan

        init(
            mode: Located<ExchangeMode>?, proposals: ProposalList, lifetime: Lifetime,
            lifetimeCheck: Located<LifetimeCheck>?, proposalOrder: Located<ProposalOrder>?,
            span: SourceSpan
        ) {
            self.mode = mode
            self.proposals = proposals
            self.lifetime = lifetime
            self.lifetimeCheck = lifetimeCheck
            self.proposalOrder = proposalOrder
            self.span = span
        }
    }

    private let storage: Storage

    init(
        mode: Located<ExchangeMode>?, proposals: ProposalList, lifetime: Lifetime,
        lifetimeCheck: Located<LifetimeCheck>?, proposalOrder: Located<ProposalOrder>?,
        span: SourceSpan
    ) {
        storage = Storage(
            mode: mode, proposals: proposals, lifetime: lifetime, lifetimeCheck: lifetimeCheck,
            proposalOrder: proposalOrder, span: span)
    }

    /// `mode:` (IKEv1 only); nil means main mode.
    public var mode: Located<ExchangeMode>? { storage.mode }
    /// `proposals:`.
    public var proposals: ProposalList { storage.proposals }
    /// `lifetime:`.
    public var lifetime: Lifetime { storage.lifetime }
    /// `lifetime-check:` (IKEv1 only); nil means `accept`.
    public var lifetimeCheck: Located<LifetimeCheck>? { storage.lifetimeCheck }
    /// `proposal-order:`; nil means `ours`.
    public var proposalOrder: Located<ProposalOrder>? { storage.proposalOrder }
    /// The `phase1` key.
    public var span: SourceSpan { storage.span }

    /// The IKE SA lifetime used when none is written: 4 hours, strongSwan's IKE SA rekey
    /// time.
    public static let defaultLifetimeSeconds = 4 * 3600

    /// The exchange mode in effect.
    public var exchangeMode: ExchangeMode { mode?.value ?? .main }
    /// The lifetime check in effect.
    public var effectiveLifetimeCheck: LifetimeCheck { lifetimeCheck?.value ?? .accept }
    /// The proposal order in effect.
    public var effectiveProposalOrder: ProposalOrder { proposalOrder?.value ?? .ours }
    /// The lifetime in seconds in effect.
    public var lifetimeSeconds: Int { lifetime.seconds?.value ?? Self.defaultLifetimeSeconds }
}

/// The IPsec protocol of a phase 2 entry.
public enum IPsecProtocol: String, Sendable, Hashable, CaseIterable {
    /// Encapsulating Security Payload (RFC 4303).
    case esp
    /// Authentication Header (RFC 4302).
    case ah

    /// The IKECore protocol identifier.
    public var securityProtocol: SecurityProtocol { self == .esp ? .esp : .ah }
}

/// The IPsec mode of a phase 2 entry (RFC 4301 section 4.1).
public enum EncapsulationMode: String, Sendable, Hashable, CaseIterable {
    /// Tunnel mode: the whole packet is encapsulated.
    case tunnel
    /// Transport mode: only the payload is protected.
    case transport
}

/// One entry of a peer's `phase2:` map: a Child SA (IKEv2) or quick mode SA (IKEv1).
public struct Phase2Entry: Sendable {
    // The fields live in one shared, immutable box, so that copying this (which lint rules
    // and the planner do for every use) is one reference instead of one per field.
    private final class Storage: Sendable {
        let name: Located<String>
        let ipsecProtocol: Located<IPsecProtocol>?
        let mode: Located<EncapsulationMode>?
        let localSelectors: SelectorList
        let remoteSelectors: SelectorList
        let proposals: ProposalList
        let lifetime: Lifetime
        let span: SourceSpan

        init(
            name: Located<String>, ipsecProtocol: Located<IPsecProtocol>?,
            mode: Located<EncapsulationMode>?, localSelectors: SelectorList,
            remoteSelectors: SelectorList, proposals: ProposalList, lifetime: Lifetime,
            span: SourceSpan
        ) {
            self.name = name
            self.ipsecProtocol = ipsecProtocol
            self.mode = mode
            self.localSelectors = localSelectors
            self.remoteSelectors = remoteSelectors
            self.proposals = proposals
            self.lifetime = lifetime
            self.span = span
        }
    }

    private let storage: Storage

    init(
        name: Located<String>, ipsecProtocol: Located<IPsecProtocol>?,
        mode: Located<EncapsulationMode>?, localSelectors: SelectorList,
        remoteSelectors: SelectorList, proposals: ProposalList, lifetime: Lifetime, span: SourceSpan
    ) {
        storage = Storage(
            name: name, ipsecProtocol: ipsecProtocol, mode: mode, localSelectors: localSelectors,
            remoteSelectors: remoteSelectors, proposals: proposals, lifetime: lifetime, span: span)
    }

    /// The entry's key.
    public var name: Located<String> { storage.name }
    /// `protocol:`; nil means ESP.
    public var ipsecProtocol: Located<IPsecProtocol>? { storage.ipsecProtocol }
    /// `mode:`; nil means tunnel.
    public var mode: Located<EncapsulationMode>? { storage.mode }
    /// `local-ts:`, or the default (our addresses).
    public var localSelectors: SelectorList { storage.localSelectors }
    /// `remote-ts:`, or the default (the peer's address).
    public var remoteSelectors: SelectorList { storage.remoteSelectors }
    /// `proposals:`.
    public var proposals: ProposalList { storage.proposals }
    /// `lifetime:`.
    public var lifetime: Lifetime { storage.lifetime }
    /// The entry's key.
    public var span: SourceSpan { storage.span }

    /// The Child SA lifetime used when none is written: 1 hour, strongSwan's CHILD_SA
    /// rekey time.
    public static let defaultLifetimeSeconds = 3600

    /// The protocol in effect.
    public var effectiveProtocol: IPsecProtocol { ipsecProtocol?.value ?? .esp }
    /// The mode in effect.
    public var effectiveMode: EncapsulationMode { mode?.value ?? .tunnel }
    /// The lifetime in seconds in effect.
    public var lifetimeSeconds: Int { lifetime.seconds?.value ?? Self.defaultLifetimeSeconds }
}

/// The traffic selectors of one side of a phase 2 entry.
public struct SelectorList: Sendable {
    /// Where the selectors came from.
    public enum Origin: Sendable, Hashable {
        /// Written in the policy.
        case written
        /// Not written: derived from the gateway's or the peer's addresses (each selector's
        /// span is the address it came from).
        case addressDefault
        /// Not written, and the peer's address is `any`: the peer's actual address at
        /// negotiation time (strongSwan's `%dynamic`); `selectors` is empty.
        case dynamic
    }

    /// The selectors, in order.
    public let selectors: [Located<TrafficSelector>]
    /// Where they came from.
    public let origin: Origin
}

/// A `lifetime:` value: a duration, or a map with `time`, `bytes` and `packets`.
public struct Lifetime: Sendable, Hashable {
    /// The time limit in seconds, if written.
    public let seconds: Located<Int>?
    /// The byte limit, if written.
    public let bytes: Located<UInt64>?
    /// The packet limit (phase 2 only), if written.
    public let packets: Located<UInt64>?
    /// The `lifetime:` value, if written.
    public let span: SourceSpan?

    /// The byte limit in kilobytes (1024 octets, rounded up), as IKEv1's Life Duration in
    /// kilobytes carries it (RFC 2407 section 4.5).
    public var kilobytes: UInt64? {
        bytes.map { ($0.value / 1024) + ($0.value % 1024 == 0 ? 0 : 1) }
    }

    /// No lifetime written.
    static let unwritten = Lifetime(seconds: nil, bytes: nil, packets: nil, span: nil)
}
