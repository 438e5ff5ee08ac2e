import IKECore

/// Why a negotiation, or one part of it, did not succeed: the engine's one error type.
///
/// A failure is a value the sessions report (`SessionAction.failed`) and the plan layer
/// compares with its prediction; it is also an `Error`, so callers may throw it. It names
/// the phase and the exchange, the notification a real peer sends in that situation, which
/// side refused, a plain-language reason, and for proposal failures both proposal lists.
/// `code` is stable: tests and callers compare it, never the reason's wording.
///
/// Nothing secret ever enters a failure: reasons name algorithms, identities and lengths,
/// never key material or pre-shared keys.
public struct NegotiationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable kind of a failure.
    public enum Code: String, Sendable, Hashable, CaseIterable, Codable {
        /// No proposal (IKE SA or Child SA) was acceptable: NO_PROPOSAL_CHOSEN.
        case noProposalChosen = "no-proposal-chosen"
        /// The KE payload's group was not the one the responder selected:
        /// INVALID_KE_PAYLOAD. A session recovers from it by retrying with the named group;
        /// it is reported as a failure only when no retry is possible.
        case invalidKEPayload = "invalid-ke-payload"
        /// The AUTH payload did not verify with the configured pre-shared key.
        case sharedKeyMismatch = "shared-key-mismatch"
        /// The AUTH payload's signature did not verify with the peer's public key.
        case signatureInvalid = "signature-invalid"
        /// The peer's identity is not the one configured.
        case identityMismatch = "identity-mismatch"
        /// The peer used an authentication method other than the configured one.
        case authMethodMismatch = "auth-method-mismatch"
        /// The peer's certificate does not chain to a trust anchor, has expired, or was
        /// otherwise rejected.
        case certificateUntrusted = "certificate-untrusted"
        /// The peer's certificate does not vouch for the identity it claimed, or is not the
        /// pinned one.
        case certificateIdentityMismatch = "certificate-identity-mismatch"
        /// The peer sent no usable certificate or public key for a signature method.
        case certificateMissing = "certificate-missing"
        /// The peer refused our authentication (it answered AUTHENTICATION_FAILED), without
        /// saying why.
        case authenticationFailed = "authentication-failed"
        /// No traffic selectors were acceptable: TS_UNACCEPTABLE.
        case trafficSelectorsUnacceptable = "ts-unacceptable"
        /// The Child SA's mode (tunnel or transport) could not be agreed.
        case modeMismatch = "mode-mismatch"
        /// The peer accepts no further Child SAs on this IKE SA: NO_ADDITIONAL_SAS.
        case noAdditionalSAs = "no-additional-sas"
        /// The Child SA to rekey or delete does not exist: CHILD_SA_NOT_FOUND.
        case childSANotFound = "child-sa-not-found"
        /// The peer answered with a notification this engine does not act on.
        case peerRefused = "peer-refused"
        /// A message was malformed, or a required payload was missing: INVALID_SYNTAX.
        case invalidSyntax = "invalid-syntax"
        /// A peer's Diffie-Hellman public value or nonce was invalid.
        case invalidKeyExchange = "invalid-key-exchange"
        /// A message did not decrypt or its integrity check failed.
        case integrityCheckFailed = "integrity-check-failed"
        /// An unsupported critical payload: UNSUPPORTED_CRITICAL_PAYLOAD.
        case unsupportedCriticalPayload = "unsupported-critical-payload"
        /// The peer speaks another IKE major version: INVALID_MAJOR_VERSION.
        case unsupportedVersion = "unsupported-version"
        /// Our own configuration cannot be used (an unimplemented algorithm, a key that
        /// does not fit the method, an empty proposal list).
        case invalidConfiguration = "invalid-configuration"
        /// A cryptographic operation failed in the library.
        case cryptoFailure = "crypto-failure"
        /// The peer deleted the SA, or the exchange ended before completing.
        case deleted = "deleted"
        /// The peer stopped answering, or an exchange could not complete in memory (the
        /// loopback driver reports this when both sessions fall idle unfinished).
        case noResponse = "no-response"
    }

    /// What a failure is about.
    public enum Phase: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Setting up the IKE SA (IKEv1 phase 1): fatal for the session.
        case ikeSA
        /// Setting up the named Child SA (IKEv1 quick mode); the IKE SA stays up.
        case childSA(String)
        /// Rekeying the named Child SA; the old Child SA stays up.
        case childRekey(String)
        /// Rekeying the IKE SA; the old IKE SA stays up.
        case ikeRekey
        /// An INFORMATIONAL exchange (delete, liveness, error notification).
        case informational

        /// `IKE SA`, `Child SA 'lan'`, `rekey of Child SA 'lan'`, `IKE SA rekey`,
        /// `informational`.
        public var description: String {
            switch self {
            case .ikeSA: return "IKE SA"
            case .childSA(let name): return "Child SA '\(name)'"
            case .childRekey(let name): return "rekey of Child SA '\(name)'"
            case .ikeRekey: return "IKE SA rekey"
            case .informational: return "informational"
            }
        }

        /// Whether the failure ends the IKE SA (and so the session).
        public var endsIKESA: Bool {
            if case .ikeSA = self { return true }
            return false
        }
    }

    /// The proposals of a failed selection, both sides', so the plan layer can compute the
    /// nearest miss.
    public struct ProposalLists: Sendable, Hashable, Codable {
        /// What the initiator of the exchange offered.
        public var received: [Proposal]
        /// What the responder of the exchange was configured to accept.
        public var configured: [Proposal]

        /// Both lists.
        public init(received: [Proposal], configured: [Proposal]) {
            self.received = received
            self.configured = configured
        }
    }

    /// The stable kind.
    public var code: Code
    /// The phase the failure belongs to.
    public var phase: Phase
    /// The exchange in which it happened, in the RFC's spelling (`IKE_SA_INIT`,
    /// `IKE_AUTH`, `CREATE_CHILD_SA`, `INFORMATIONAL`, `Main Mode`, `Quick Mode`...).
    public var exchange: String
    /// The notification a real peer sends (or sent) for this failure, if any.
    public var notify: NotifyCode?
    /// The side that refused (in the IKE SA's original roles).
    public var refusedBy: IKERole
    /// The session that reports the failure (in the IKE SA's original roles).
    public var reportedBy: IKERole
    /// A plain-language explanation, lowercase, without a final period.
    public var reason: String
    /// For proposal failures, what was offered and what was configured.
    public var proposals: ProposalLists?

    /// A failure from its parts.
    public init(
        code: Code, phase: Phase, exchange: String, notify: NotifyCode?, refusedBy: IKERole,
        reportedBy: IKERole, reason: String, proposals: ProposalLists? = nil
    ) {
        self.code = code
        self.phase = phase
        self.exchange = exchange
        self.notify = notify
        self.refusedBy = refusedBy
        self.reportedBy = reportedBy
        self.reason = reason
        self.proposals = proposals
    }

    /// `IKE SA failed in IKE_AUTH: responder refused (AUTHENTICATION_FAILED): reason`.
    public var description: String {
        let notifyText = notify.map { " (\($0.name))" } ?? ""
        return "\(phase) failed in \(exchange): \(refusedBy) refused\(notifyText): \(reason)"
    }
}
