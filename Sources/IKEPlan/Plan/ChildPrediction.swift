import IKECore
import IKEPolicy

/// What the plan predicts for one phase 2 entry of the initiator in one direction: the
/// exchange that makes it, the proposal, the selectors after narrowing, the lifetimes
/// and its first rekey.
public struct ChildPrediction: Sendable, Hashable {
    /// The initiator's entry name.
    public let name: String
    /// The responder's entry that takes the request, if one does.
    public let responderName: String?
    /// `IKE_AUTH` (the first Child SA), `CREATE_CHILD_SA` or `Quick Mode`.
    public let exchange: String
    /// ESP or AH.
    public let ipsecProtocol: IPsecProtocol
    /// The mode the initiator asks for.
    public let requestedMode: EncapsulationMode
    /// The mode granted; nil when the Child SA is refused.
    public let mode: EncapsulationMode?
    /// The proposals as offered (in IKE_AUTH without D-H groups).
    public let offered: [Proposal]
    /// The responder's proposals (in IKE_AUTH without D-H groups).
    public let configured: [Proposal]
    /// The responder's preference.
    public let order: ProposalOrder
    /// The selected proposal.
    public let selected: Proposal?
    /// The group of the KE payload sent for PFS (CREATE_CHILD_SA, Quick Mode), if any.
    public let keyExchangeGroup: DHGroup?
    /// Whether the responder selects another PFS group than the KE payload's, costing an
    /// INVALID_KE_PAYLOAD round trip.
    public let invalidKERoundTrip: Bool
    /// TSi as proposed: the initiator's side.
    public let proposedInitiatorSelectors: [TrafficSelector]
    /// TSr as proposed: the responder's side.
    public let proposedResponderSelectors: [TrafficSelector]
    /// TSi after narrowing (empty when refused).
    public let initiatorSelectors: [TrafficSelector]
    /// TSr after narrowing (empty when refused).
    public let responderSelectors: [TrafficSelector]
    /// Whether the selectors were taken as configured rather than narrowed (a mirror with
    /// the peer's address unknown).
    public let selectorsAssumed: Bool
    /// Lifetimes and who rekeys first.
    public let lifetime: LifetimePrediction?
    /// The first rekey.
    public let rekey: RekeyPrediction?
    /// Why the Child SA is not made, if it is not.
    public let failure: PredictedFailure?

    /// A prediction from its parts.
    public init(
        name: String, responderName: String?, exchange: String, ipsecProtocol: IPsecProtocol,
        requestedMode: EncapsulationMode, mode: EncapsulationMode?, offered: [Proposal],
        configured: [Proposal], order: ProposalOrder, selected: Proposal?,
        keyExchangeGroup: DHGroup?, invalidKERoundTrip: Bool,
        proposedInitiatorSelectors: [TrafficSelector],
        proposedResponderSelectors: [TrafficSelector], initiatorSelectors: [TrafficSelector],
        responderSelectors: [TrafficSelector], selectorsAssumed: Bool,
        lifetime: LifetimePrediction?, rekey: RekeyPrediction?, failure: PredictedFailure?
    ) {
        self.name = name
        self.responderName = responderName
        self.exchange = exchange
        self.ipsecProtocol = ipsecProtocol
        self.requestedMode = requestedMode
        self.mode = mode
        self.offered = offered
        self.configured = configured
        self.order = order
        self.selected = selected
        self.keyExchangeGroup = keyExchangeGroup
        self.invalidKERoundTrip = invalidKERoundTrip
        self.proposedInitiatorSelectors = proposedInitiatorSelectors
        self.proposedResponderSelectors = proposedResponderSelectors
        self.initiatorSelectors = initiatorSelectors
        self.responderSelectors = responderSelectors
        self.selectorsAssumed = selectorsAssumed
        self.lifetime = lifetime
        self.rekey = rekey
        self.failure = failure
    }
}
