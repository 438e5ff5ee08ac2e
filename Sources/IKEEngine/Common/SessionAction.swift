/// What a session asks its caller to do, or reports, after an input.
public enum SessionAction: Sendable {
    /// Send this datagram (its destination port says 500 or 4500).
    case send(Datagram)
    /// The IKE SA is up (or was rekeyed: the summary's generation says which).
    case ikeSAEstablished(IKESASummary)
    /// A Child SA is up: install its keys.
    case childSAEstablished(ChildSA)
    /// A Child SA replaced an older one of the same name after a rekey: install the new,
    /// then remove the old.
    case childSARekeyed(old: ChildSA, new: ChildSA)
    /// A Child SA was deleted (by us or by the peer): remove its keys.
    case childSADeleted(ChildSA)
    /// The IKE SA was deleted (by us or by the peer); the session is closed.
    case ikeSADeleted(initiatedBy: IKERole)
    /// Something failed; `failure.phase.endsIKESA` says whether the session is over.
    case failed(NegotiationFailure)
    /// A received message was dropped without an answer: undecodable, an ICV that does
    /// not verify, an unexpected exchange or a stale response (RFC 7296 section 2.21). The
    /// session's state is unchanged.
    case discarded(DiscardedMessage)
}

/// A message a session dropped, and why.
public struct DiscardedMessage: Sendable, Hashable, CustomStringConvertible {
    /// Why messages are dropped.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The octets are not a well-formed message.
        case malformed
        /// The encrypted payload did not decrypt or its ICV did not verify.
        case integrityCheckFailed = "integrity-check-failed"
        /// The message belongs to another IKE SA (its SPIs are not ours).
        case unknownSA = "unknown-sa"
        /// A response to no request of ours, or with the wrong Message ID.
        case unexpectedResponse = "unexpected-response"
        /// A request this state does not take, or outside the window.
        case unexpectedRequest = "unexpected-request"
        /// A request seen before, whose stored response was sent again.
        case retransmission
        /// The session is closed.
        case closed
    }

    /// The reason kind.
    public var reason: Reason
    /// A short explanation (never peer data other than numbers and names).
    public var detail: String

    /// A discarded message.
    public init(reason: Reason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    /// `reason: detail`.
    public var description: String { "\(reason.rawValue): \(detail)" }
}
