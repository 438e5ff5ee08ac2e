import IKECore

/// Which way a message went, in the IKE SA's original roles.
public enum MessageDirection: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// From the original initiator to the original responder.
    case initiatorToResponder = "initiator -> responder"
    /// From the original responder to the original initiator.
    case responderToInitiator = "responder -> initiator"

    /// The arrow form.
    public var description: String { rawValue }
}

/// One message of a negotiation, for reports and packet captures: which exchange, which
/// way, what it carried in outline, and the datagram itself.
///
/// The payload outline never contains key material, nonces' values or pre-shared keys:
/// payloads are named with counts, lengths, groups, identities and methods
/// (`SA(2 proposals)`, `KE(ecp384)`, `Ni(32)`, `N(NAT_DETECTION_SOURCE_IP)`,
/// `IDi(fqdn:hq.example.net)`, `AUTH(shared key)`, `SK{IDi, AUTH, SA, TSi, TSr}`).
public struct ExchangeRecord: Sendable, Hashable {
    /// The IKE version.
    public var version: IKEVersion
    /// The exchange in the RFC's spelling (`IKE_SA_INIT`, `Main Mode`...).
    public var exchange: String
    /// The Message ID (IKEv1: the message ID of the header, 0 in phase 1).
    public var messageID: UInt32
    /// Whether the message is a response (IKEv1: whether it answers a request of the same
    /// exchange).
    public var isResponse: Bool
    /// Which way it went.
    public var direction: MessageDirection
    /// Whether the session that made the record sent it (false: received it).
    public var sentByRecorder: Bool
    /// The payload outline, in order; encrypted payloads as `SK{...}` with their inner
    /// payloads when the recorder could decrypt them.
    public var outline: [PayloadSummary]
    /// The caller's time at which the message was sent or received.
    public var time: Double
    /// The datagram as it travelled.
    public var datagram: Datagram

    /// A record from its parts.
    public init(
        version: IKEVersion, exchange: String, messageID: UInt32, isResponse: Bool,
        direction: MessageDirection, sentByRecorder: Bool, outline: [PayloadSummary],
        time: Double,
        datagram: Datagram
    ) {
        self.version = version
        self.exchange = exchange
        self.messageID = messageID
        self.isResponse = isResponse
        self.direction = direction
        self.sentByRecorder = sentByRecorder
        self.outline = outline
        self.time = time
        self.datagram = datagram
    }

    /// The outline as text, one entry per payload (`SA(2 proposals)`, `KE(ecp384)`).
    public var payloads: [String] { outline.map(\.description) }

    /// `IKE_AUTH request #1 initiator -> responder: SK{IDi, AUTH, SA, TSi, TSr}`.
    public var summary: String {
        let kind = isResponse ? "response" : "request"
        return "\(exchange) \(kind) #\(messageID) \(direction): \(payloads.joined(separator: ", "))"
    }
}
