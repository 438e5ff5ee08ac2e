import IKECore
import IKEEngine

/// A step the plan predicts will fail: what a real peer does, who refuses, why, and what
/// would make it work.
public struct PredictedFailure: Sendable, Hashable {
    /// The failure's kind, in the engine's codes, so the two can be compared.
    public let code: NegotiationFailure.Code
    /// The phase it belongs to.
    public let phase: NegotiationFailure.Phase
    /// The exchange in the RFC's spelling (`IKE_SA_INIT`, `Quick Mode`...).
    public let exchange: String
    /// The notification a real peer sends (`NO_PROPOSAL_CHOSEN`), if any.
    public let notify: String?
    /// The end that refuses (its label).
    public let refusedBy: String
    /// Its role in the IKE SA of this direction.
    public let refusedByRole: IKERole
    /// Why, in plain words: lowercase, no final period.
    public let reason: String
    /// For proposal failures, the closest pair of proposals.
    public let nearestMiss: NearestMiss?
    /// The smallest changes that would make it work, the recommended one first.
    public let changes: [SuggestedChange]

    /// A failure from its parts.
    public init(
        code: NegotiationFailure.Code, phase: NegotiationFailure.Phase, exchange: String,
        notify: String?, refusedBy: String, refusedByRole: IKERole, reason: String,
        nearestMiss: NearestMiss? = nil, changes: [SuggestedChange] = []
    ) {
        self.code = code
        self.phase = phase
        self.exchange = exchange
        self.notify = notify
        self.refusedBy = refusedBy
        self.refusedByRole = refusedByRole
        self.reason = reason
        self.nearestMiss = nearestMiss
        self.changes = changes
    }

    /// `IKE SA fails in IKE_SA_INIT: branch refuses with NO_PROPOSAL_CHOSEN`.
    public var headline: String {
        let notifyText = notify.map { " with \($0)" } ?? ""
        return "\(phase) fails in \(exchange): \(refusedBy) refuses\(notifyText)"
    }
}
