import IKECore
import IKEEngine
import IKEPolicy

/// What `ikec negotiate` found: for each direction run, the exchanges, what was agreed,
/// the verification checks and, for a failure, its explanation.
public struct NegotiationReport: Sendable {
    /// The first end given.
    public let a: EndProfile
    /// The second end given.
    public let b: EndProfile
    /// How each entry names the other gateway.
    public let matches: (a: PeerMatch, b: PeerMatch)
    /// The seed, if the run was seeded.
    public let seed: String?
    /// The certificate validation time, seconds since 1970.
    public let validationTime: Double
    /// One per direction run.
    public let directions: [DirectionRun]

    /// Whether every direction was verified.
    public var verified: Bool { directions.allSatisfy { $0.status == .verified } }
    /// Whether plan and engine disagreed anywhere (an ikec bug).
    public var hasDisagreement: Bool { directions.contains { $0.status == .disagreement } }
}

/// One direction of a dry run.
public struct DirectionRun: Sendable {
    /// How the direction ended.
    public enum Status: String, Sendable, Hashable {
        /// Every check passed.
        case verified
        /// The negotiation failed (as planned) or a check failed.
        case failed
        /// The engine and the plan disagree: a bug in ikec.
        case disagreement
    }

    /// The initiating end (label).
    public let initiator: String
    /// The responding end (label).
    public let responder: String
    /// The plan of this direction.
    public let plan: DirectionPlan
    /// How it ended.
    public let status: Status
    /// Every message, in order.
    public let transcript: [TranscriptEntry]
    /// The IKE SA as agreed, if it came up.
    public let ikeSA: AgreedIKESA?
    /// The Child SAs that came up, in order.
    public let children: [AgreedChildSA]
    /// The rekeys simulated, in time order.
    public let rekeys: [RekeyRun]
    /// The verification checks, in DESIGN.md's order.
    public let checks: [VerificationCheck]
    /// The failures the engine reported (each once, as the refusing end reported it).
    public let failures: [ObservedFailure]
    /// Where the plan and the engine disagree.
    public let disagreements: [String]
    /// Every IKE datagram and sealed test packet, in the order they were sent.
    public let capture: [CapturedPacket]
    /// The initiator's IKE address, when the engine ran.
    public let initiatorAddress: IPAddress?
    /// The responder's IKE address, when the engine ran.
    public let responderAddress: IPAddress?
}

/// One packet of a dry run, for a packet capture.
public enum CapturedPacket: Sendable, Hashable {
    /// An IKE message with its UDP endpoints.
    case ike(Datagram)
    /// A sealed ESP or AH test packet: a whole IP packet.
    case ipsec([UInt8])
}

/// What a packet check found.
public struct PacketCheckOutcome: Sendable, Hashable {
    /// Whether the request and the reply both opened to what was sealed.
    public let passed: Bool
    /// What was sent and by whom, or what went wrong.
    public let detail: String
}

/// One message of the transcript.
public struct TranscriptEntry: Sendable, Hashable {
    /// What the message belongs to: `setup`, `rekey of Child SA 'lan'`, `IKE SA rekey`.
    public let step: String
    /// The exchange.
    public let exchange: String
    /// Whether it answers a request.
    public let isResponse: Bool
    /// The Message ID.
    public let messageID: UInt32
    /// The sender (label).
    public let from: String
    /// The receiver (label).
    public let to: String
    /// The payload outline (never key material).
    public let payloads: [String]
    /// The datagram, for packet captures.
    public let datagram: Datagram
    /// The simulated time it was sent at.
    public let time: Double
}

/// The IKE SA both ends agreed on.
public struct AgreedIKESA: Sendable, Hashable {
    /// The selected proposal (the same on both ends when `proposalsAgree`).
    public let proposal: Proposal
    /// Whether both ends hold the same selected proposal.
    public let proposalsAgree: Bool
    /// The SPIs.
    public let initiatorSPI: UInt64
    /// The SPIs.
    public let responderSPI: UInt64
    /// How the initiator authenticated (as the responder saw it).
    public let initiatorAuthentication: AuthenticationSummary
    /// How the responder authenticated (as the initiator saw it).
    public let responderAuthentication: AuthenticationSummary
    /// The identities as each end accepted them.
    public let initiatorIdentity: Identity?
    /// The identities as each end accepted them.
    public let responderIdentity: Identity?
    /// Whether both ends hold identical keys.
    public let keysAgree: Bool
    /// The first 8 hex digits of SHA-256 over the initiator's key set.
    public let fingerprint: String
    /// The keys' names in order (`SK_d`, `SK_ai`...), without values.
    public let keyNames: [String]
    /// The initiator's summary, for key export.
    public let initiatorSummary: IKESASummary
}

/// A Child SA both ends agreed on (or tried to).
public struct AgreedChildSA: Sendable, Hashable {
    /// The initiator's entry name.
    public let name: String
    /// The responder's entry name.
    public let responderName: String
    /// ESP or AH.
    public let protocolID: SecurityProtocol
    /// Tunnel or transport.
    public let mode: IPsecMode
    /// The selected proposal.
    public let proposal: Proposal
    /// TSi and TSr as the initiator holds them.
    public let initiatorSelectors: [TrafficSelector]
    /// TSr.
    public let responderSelectors: [TrafficSelector]
    /// The SPI of packets from initiator to responder.
    public let initiatorToResponderSPI: UInt32
    /// The SPI of packets from responder to initiator.
    public let responderToInitiatorSPI: UInt32
    /// Whether protocol, mode, selectors and proposal agree on both ends.
    public let parametersAgree: Bool
    /// Whether each direction's keys match the other end's (outbound = inbound).
    public let keysMirrored: Bool
    /// Fingerprint of the initiator-to-responder keys.
    public let initiatorToResponderFingerprint: String
    /// Fingerprint of the responder-to-initiator keys.
    public let responderToInitiatorFingerprint: String
    /// Rekey generation (0 for the first).
    public let generation: Int
    /// Both ends' views, for the packet check and key export.
    public let initiatorView: ChildSA
    /// The responder's view.
    public let responderView: ChildSA
}

/// One simulated rekey.
public struct RekeyRun: Sendable {
    /// What the plan predicted.
    public let prediction: RekeyPrediction
    /// The new Child SA, for a Child SA rekey that worked.
    public let child: AgreedChildSA?
    /// The new IKE SA, for an IKE SA rekey that worked.
    public let ikeSA: AgreedIKESA?
    /// What failed, if it did.
    public let failures: [ObservedFailure]
    /// CREATE_CHILD_SA (or Quick Mode) messages the rekey took.
    public let messages: Int
    /// The packet check of the new Child SA.
    public let packetCheck: PacketCheckOutcome?
}

/// One verification check (DESIGN.md, "What verified means").
public struct VerificationCheck: Sendable, Hashable {
    /// How it ended.
    public enum Result: String, Sendable, Hashable {
        /// It holds.
        case passed
        /// It does not hold.
        case failed
        /// It could not be made in this build.
        case unavailable
        /// It was not reached (an earlier step failed).
        case skipped
    }

    /// What is checked: `phase 1`, `authentication`, `IKE SA keys`, `phase 2 'lan'`...
    public let name: String
    /// The result.
    public let result: Result
    /// What was found.
    public let detail: String
}

/// A failure the engine reported, with what the plan layer adds: the nearest miss between
/// the two proposal lists and the smallest change.
public struct ObservedFailure: Sendable, Hashable {
    /// The engine's failure, as the refusing end reported it.
    public let failure: NegotiationFailure
    /// The end that refused (label).
    public let refusedBy: String
    /// A short title telling failures apart: "wrong pre-shared key", "wrong identity"...
    public let title: String
    /// The nearest miss, for proposal failures.
    public let nearestMiss: NearestMiss?
    /// The smallest changes, from the plan.
    public let changes: [SuggestedChange]
    /// The plan's explanation, when the plan predicted this failure.
    public let plannedReason: String?
}
