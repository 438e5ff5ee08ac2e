import IKECore
import IKEEngine
import IKEPolicy

/// How the two ends are predicted to authenticate each other in one direction.
public struct AuthPrediction: Sendable, Hashable {
    /// One end proving itself to the other.
    public struct Leg: Sendable, Hashable {
        /// Who authenticates (label).
        public let by: String
        /// To whom (label).
        public let to: String
        /// The method it uses.
        public let method: AuthMethod
        /// The method the other end expects.
        public let expectedMethod: AuthMethod
        /// The identity it presents.
        public let identity: Identity
        /// The identity the other end expects; nil accepts any.
        public let expectedIdentity: Identity?
        /// For pre-shared keys: whether both ends hold the same key; nil when it could not
        /// be compared (a variable unset, a file missing).
        public let keysAgree: Bool?
        /// Whether the leg rests on a signature the plan does not check (certificates and
        /// keys are checked by the engine during `ikec negotiate`).
        public let signatureUnchecked: Bool
    }

    /// The initiator's leg, then the responder's.
    public let legs: [Leg]
    /// The first failure, in the order the engine checks (the responder checks the
    /// initiator first).
    public let failure: PredictedFailure?

    /// A prediction from its parts.
    public init(legs: [Leg], failure: PredictedFailure?) {
        self.legs = legs
        self.failure = failure
    }
}
