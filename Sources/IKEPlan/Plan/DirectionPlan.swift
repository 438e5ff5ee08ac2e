import IKECore
import IKEEngine

/// The plan of one direction: one end initiates, the other responds.
public struct DirectionPlan: Sendable, Hashable {
    /// The initiating end (label).
    public let initiator: String
    /// The responding end (label).
    public let responder: String
    /// The IKE version both ends use (the initiator's, when they differ).
    public let version: IKEVersion
    /// Phase 1; nil when the ends do not speak the same IKE version.
    public let phase1: Phase1Prediction?
    /// Authentication; nil when phase 1 fails first.
    public let authentication: AuthPrediction?
    /// One per phase 2 entry of the initiator, in order; empty when phase 1 or
    /// authentication fails.
    public let children: [ChildPrediction]
    /// The IKE SA's first rekey (IKEv2).
    public let ikeRekey: RekeyPrediction?
    /// The exchanges that set everything up, in order (rekeys are listed with each rekey).
    public let exchanges: [PredictedExchange]
    /// Why the IKE SA is not made, if it is not.
    public let failure: PredictedFailure?

    /// A plan from its parts.
    public init(
        initiator: String, responder: String, version: IKEVersion, phase1: Phase1Prediction?,
        authentication: AuthPrediction?, children: [ChildPrediction],
        ikeRekey: RekeyPrediction?, exchanges: [PredictedExchange], failure: PredictedFailure?
    ) {
        self.initiator = initiator
        self.responder = responder
        self.version = version
        self.phase1 = phase1
        self.authentication = authentication
        self.children = children
        self.ikeRekey = ikeRekey
        self.exchanges = exchanges
        self.failure = failure
    }

    /// Messages exchanged to set up the IKE SA and every Child SA.
    public var messages: Int { exchanges.reduce(0) { $0 + $1.messages } }

    /// Round trips (IKEv1 aggressive and quick mode count 1.5).
    public var roundTrips: Double { Double(messages) / 2 }

    /// Every failure of the direction, setup first, then rekeys.
    public var allFailures: [PredictedFailure] {
        var failures: [PredictedFailure] = []
        if let failure { failures.append(failure) }
        for child in children {
            if let failure = child.failure { failures.append(failure) }
            if let failure = child.rekey?.failure { failures.append(failure) }
        }
        if let failure = ikeRekey?.failure { failures.append(failure) }
        return failures
    }
}

/// One exchange the plan expects.
public struct PredictedExchange: Sendable, Hashable {
    /// The exchange in the RFC's spelling.
    public let name: String
    /// What it is for: "IKE SA proposals, KE(ecp384), nonces".
    public let purpose: String
    /// How many messages it takes (2, or 3 for IKEv1 aggressive and quick mode, 6 for
    /// main mode).
    public let messages: Int
    /// The end that starts it (label).
    public let initiator: String

    /// An exchange.
    public init(name: String, purpose: String, messages: Int, initiator: String) {
        self.name = name
        self.purpose = purpose
        self.messages = messages
        self.initiator = initiator
    }
}
