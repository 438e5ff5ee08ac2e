import IKECore
import IKEEngine
import IKEPolicy

/// The first rekey of an SA in one direction: who starts it, when, what it proposes
/// (with PFS for a Child SA when configured) and whether it will work.
public struct RekeyPrediction: Sendable, Hashable {
    /// What is rekeyed.
    public enum Subject: Sendable, Hashable {
        /// A Child SA, by the initiator's entry name.
        case child(String)
        /// The IKE SA.
        case ikeSA
    }

    /// What is rekeyed.
    public let subject: Subject
    /// The end that starts the rekey (its label).
    public let by: String
    /// Its role in this direction's IKE SA.
    public let byRole: IKERole
    /// The rekeying end's name for the Child SA (its own entry name), for a Child SA.
    public let entryName: String?
    /// When, in seconds after the SA is made.
    public let at: Int
    /// `CREATE_CHILD_SA` or `Quick Mode`.
    public let exchange: String
    /// What the rekeying end offers.
    public let offered: [Proposal]
    /// What the other end accepts.
    public let configured: [Proposal]
    /// The other end's preference.
    public let order: ProposalOrder
    /// The selected proposal; nil when the rekey fails.
    public let selected: Proposal?
    /// The group of the KE payload sent, if any.
    public let keyExchangeGroup: DHGroup?
    /// Whether an INVALID_KE_PAYLOAD round trip comes first.
    public let invalidKERoundTrip: Bool
    /// Why it fails, if it does.
    public let failure: PredictedFailure?

    /// A prediction from its parts.
    public init(
        subject: Subject, by: String, byRole: IKERole, entryName: String?, at: Int,
        exchange: String, offered: [Proposal], configured: [Proposal], order: ProposalOrder,
        selected: Proposal?, keyExchangeGroup: DHGroup?, invalidKERoundTrip: Bool,
        failure: PredictedFailure?
    ) {
        self.subject = subject
        self.by = by
        self.byRole = byRole
        self.entryName = entryName
        self.at = at
        self.exchange = exchange
        self.offered = offered
        self.configured = configured
        self.order = order
        self.selected = selected
        self.keyExchangeGroup = keyExchangeGroup
        self.invalidKERoundTrip = invalidKERoundTrip
        self.failure = failure
    }
}
