/// Which end of an IKE SA a session is: the peer that sent the first IKE_SA_INIT (or main
/// mode) message, or the one that answered it.
///
/// Roles are those of the IKE SA as first established; the initiator of a later exchange
/// (a rekey, a delete) may be either peer, and records say so separately.
public enum IKERole: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// The original initiator (the I flag is set in its IKEv2 messages).
    case initiator
    /// The original responder.
    case responder

    /// The other end.
    public var peer: IKERole {
        switch self {
        case .initiator: return .responder
        case .responder: return .initiator
        }
    }

    /// `initiator` or `responder`.
    public var description: String { rawValue }
}
