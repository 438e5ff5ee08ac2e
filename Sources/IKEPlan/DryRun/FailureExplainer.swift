import IKECore
import IKEEngine

/// Adds to an engine failure what the plan layer knows: which end refused by name, a
/// title that tells failures apart, the nearest miss between the two proposal lists the
/// engine reports, and the plan's smallest change when the plan predicted the failure.
struct FailureExplainer {
    let plan: DirectionPlan
    let initiator: EndProfile
    let responder: EndProfile

    func explain(_ failure: NegotiationFailure) -> ObservedFailure {
        let planned = plan.allFailures.first { Self.sameFailure($0, failure) }
        var miss = planned?.nearestMiss
        if let lists = failure.proposals {
            miss = NearestMiss.find(offered: lists.received, configured: lists.configured)
        }
        return ObservedFailure(
            failure: failure,
            refusedBy: failure.refusedBy == .initiator ? initiator.label : responder.label,
            title: Self.title(failure.code), nearestMiss: miss, changes: planned?.changes ?? [],
            plannedReason: planned?.reason)
    }

    /// Whether a predicted and an engine failure are the same event: same kind, same
    /// refusing end, same kind of phase, same exchange.
    static func sameFailure(_ planned: PredictedFailure, _ engine: NegotiationFailure) -> Bool {
        planned.code == engine.code && planned.refusedByRole == engine.refusedBy
            && phaseKind(planned.phase) == phaseKind(engine.phase)
            && planned.exchange == engine.exchange
    }

    /// The phase without the Child SA's name (the two ends may name it differently).
    static func phaseKind(_ phase: NegotiationFailure.Phase) -> String {
        switch phase {
        case .ikeSA: return "ike-sa"
        case .childSA: return "child-sa"
        case .childRekey: return "child-rekey"
        case .ikeRekey: return "ike-rekey"
        case .informational: return "informational"
        }
    }

    /// A short title per kind of failure, so that a wrong key, a wrong identity and a
    /// wrong method read differently at a glance.
    static func title(_ code: NegotiationFailure.Code) -> String {
        switch code {
        case .noProposalChosen: return "no common proposal"
        case .invalidKEPayload: return "no usable Diffie-Hellman group"
        case .sharedKeyMismatch: return "wrong pre-shared key"
        case .signatureInvalid: return "signature does not verify"
        case .identityMismatch: return "wrong identity"
        case .authMethodMismatch: return "wrong auth method"
        case .certificateUntrusted: return "certificate not trusted"
        case .certificateIdentityMismatch: return "certificate does not match the identity"
        case .certificateMissing: return "no certificate"
        case .authenticationFailed: return "authentication refused"
        case .trafficSelectorsUnacceptable: return "selectors do not overlap"
        case .modeMismatch: return "tunnel or transport mode mismatch"
        case .noAdditionalSAs: return "no additional Child SAs accepted"
        case .childSANotFound: return "Child SA not found"
        case .peerRefused: return "refused by the peer"
        case .invalidSyntax: return "malformed message"
        case .invalidKeyExchange: return "invalid key exchange value"
        case .integrityCheckFailed: return "integrity check failed"
        case .unsupportedCriticalPayload: return "unsupported critical payload"
        case .unsupportedVersion: return "IKE version mismatch"
        case .invalidConfiguration: return "configuration the engine cannot use"
        case .cryptoFailure: return "cryptographic failure"
        case .deleted: return "deleted"
        case .noResponse: return "no response"
        }
    }
}
