import IKECore
import IKEEngine
import IKEPolicy

/// What the plan predicts for phase 1 (the IKE SA; IKEv1's ISAKMP SA) in one direction.
public struct Phase1Prediction: Sendable, Hashable {
    /// The initiator's proposals, in its order.
    public let offered: [Proposal]
    /// The responder's proposals, in its order.
    public let configured: [Proposal]
    /// The responder's preference.
    public let order: ProposalOrder
    /// The selected proposal, one transform per type; nil when nothing is acceptable.
    public let selected: Proposal?
    /// The group of the initiator's first KE payload (IKEv2, IKEv1 aggressive mode).
    public let keyExchangeGroup: DHGroup?
    /// Whether the responder selects another group than the first KE payload's, costing
    /// an INVALID_KE_PAYLOAD round trip (IKEv2).
    public let invalidKERoundTrip: Bool
    /// IKEv1 only: main or aggressive mode.
    public let mode: ExchangeMode?
    /// The lifetimes and who rekeys first.
    public let lifetime: LifetimePrediction

    /// A prediction from its parts.
    public init(
        offered: [Proposal], configured: [Proposal], order: ProposalOrder, selected: Proposal?,
        keyExchangeGroup: DHGroup?, invalidKERoundTrip: Bool, mode: ExchangeMode?,
        lifetime: LifetimePrediction
    ) {
        self.offered = offered
        self.configured = configured
        self.order = order
        self.selected = selected
        self.keyExchangeGroup = keyExchangeGroup
        self.invalidKERoundTrip = invalidKERoundTrip
        self.mode = mode
        self.lifetime = lifetime
    }
}

/// Lifetimes of an SA in one direction and what follows from them.
///
/// IKEv2 does not negotiate lifetimes (RFC 7296 section 2.8): each end rekeys when its own
/// lifetime runs out. ikec reads a policy's lifetime as strongSwan's rekey time: the end
/// with the shorter lifetime rekeys first, at that time; an SA that is not rekeyed is
/// deleted 10% later (strongSwan's default over time). strongSwan's random jitter, which
/// makes rekeying a little earlier, is not modelled.
///
/// IKEv1 carries the initiator's lifetime in the proposal (RFC 2407 section 4.5.4); the
/// responder accepts it, announces its own shorter one with RESPONDER-LIFETIME, or
/// refuses it, as its `lifetime-check` says. Both ends then use the negotiated lifetime,
/// and the original initiator renews the SA first.
public struct LifetimePrediction: Sendable, Hashable {
    /// The initiator's configured lifetime in seconds.
    public let initiatorSeconds: Int
    /// The responder's configured lifetime in seconds.
    public let responderSeconds: Int
    /// IKEv1: the negotiated lifetime; nil for IKEv2 and when refused.
    public let negotiatedSeconds: Int?
    /// IKEv1: whether the responder sends RESPONDER-LIFETIME.
    public let responderLifetimeNotify: Bool
    /// The end that rekeys first (its label).
    public let rekeyBy: String
    /// Its role in this direction's IKE SA.
    public let rekeyByRole: IKERole
    /// When it rekeys, in seconds after the SA is made.
    public let rekeyAt: Int
    /// When the SA would be deleted if nobody rekeyed it (IKEv2: the first end's
    /// lifetime plus 10%; IKEv1: the negotiated lifetime).
    public let expiresAt: Int

    /// A prediction from its parts.
    public init(
        initiatorSeconds: Int, responderSeconds: Int, negotiatedSeconds: Int?,
        responderLifetimeNotify: Bool, rekeyBy: String, rekeyByRole: IKERole, rekeyAt: Int,
        expiresAt: Int
    ) {
        self.initiatorSeconds = initiatorSeconds
        self.responderSeconds = responderSeconds
        self.negotiatedSeconds = negotiatedSeconds
        self.responderLifetimeNotify = responderLifetimeNotify
        self.rekeyBy = rekeyBy
        self.rekeyByRole = rekeyByRole
        self.rekeyAt = rekeyAt
        self.expiresAt = expiresAt
    }

    /// The IKEv2 rule: a policy lifetime is the SA's hard limit, as IKEv1 carries it on the
    /// wire and as `ikec compile` writes it for strongSwan (rekey_time at 90%, over_time
    /// 10%). The end with the shorter lifetime rekeys first, at 90% of it (the initiator on
    /// a tie); an SA not rekeyed by then expires at the lifetime itself.
    static func ikev2(
        initiator: EndProfile, initiatorSeconds: Int, responder: EndProfile,
        responderSeconds: Int
    ) -> LifetimePrediction {
        let initiatorFirst = initiatorSeconds <= responderSeconds
        let first = min(initiatorSeconds, responderSeconds)
        return LifetimePrediction(
            initiatorSeconds: initiatorSeconds, responderSeconds: responderSeconds,
            negotiatedSeconds: nil, responderLifetimeNotify: false,
            rekeyBy: initiatorFirst ? initiator.label : responder.label,
            rekeyByRole: initiatorFirst ? .initiator : .responder, rekeyAt: first - first / 10,
            expiresAt: first)
    }
}
