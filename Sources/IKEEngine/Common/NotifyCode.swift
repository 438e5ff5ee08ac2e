import IKECore
import IKEWire

/// A notification as a real peer would send it, in either IKE version: the version, the
/// Notify Message Type number and its registry name (`NO_PROPOSAL_CHOSEN`,
/// `INVALID_KE_PAYLOAD`, `AUTHENTICATION_FAILED`...).
///
/// The two versions number their notifications differently (IKEv2's registry and
/// ISAKMP's), so the number is only meaningful with its version.
public struct NotifyCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The IKE version whose registry `number` belongs to.
    public let version: IKEVersion
    /// The Notify Message Type number.
    public let number: UInt16
    /// The registry's name, or `NOTIFY(n)` for a number outside it.
    public let name: String

    /// A notification from its parts.
    public init(version: IKEVersion, number: UInt16, name: String) {
        self.version = version
        self.number = number
        self.name = name
    }

    /// An IKEv2 notification (RFC 7296 section 3.10.1).
    public init(_ type: IKEv2NotifyType) {
        self.init(version: .v2, number: type.rawValue, name: type.description)
    }

    /// An ISAKMP (IKEv1) notification (RFC 2408 section 3.14.1).
    public init(_ type: ISAKMPNotifyType) {
        self.init(version: .v1, number: type.rawValue, name: type.description)
    }

    /// The IKEv2 type, when this is an IKEv2 notification.
    public var ikev2Type: IKEv2NotifyType? {
        version == .v2 ? IKEv2NotifyType(rawValue: number) : nil
    }

    /// The ISAKMP type, when this is an IKEv1 notification.
    public var isakmpType: ISAKMPNotifyType? {
        version == .v1 ? ISAKMPNotifyType(rawValue: number) : nil
    }

    /// The name, for example `NO_PROPOSAL_CHOSEN`.
    public var description: String { name }
}
