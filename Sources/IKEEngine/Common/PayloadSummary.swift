import IKECore
import IKEWire

/// One payload of a message in outline, for transcripts: its short name and what is safe
/// and useful to show about it. Never key material, nonce values or secrets.
///
/// The text is made only when asked for (`description`), so recording a transcript costs
/// little during a negotiation.
public struct PayloadSummary: Sendable, Hashable, CustomStringConvertible {
    /// What is shown in parentheses (or braces) after the name.
    public enum Detail: Sendable, Hashable {
        /// Nothing: `SA`.
        case none
        /// A count with its unit: `SA(2 proposals)`.
        case count(Int, singular: String, plural: String)
        /// A length in octets: `Ni(32)`.
        case length(Int)
        /// A name: `N(NAT_DETECTION_SOURCE_IP)`, `AUTH(shared key)`.
        case text(String)
        /// A Diffie-Hellman group: `KE(ecp384)`.
        case group(UInt16)
        /// An identity: `IDi(fqdn:hq.example.net)`.
        case identification(IdentificationData)
        /// The inner payloads of an encrypted payload: `SK{IDi, AUTH}`; nil when they could
        /// not be decrypted.
        case encrypted([PayloadSummary]?)
    }

    /// The short name (`SA`, `KE`, `Ni`, `N`, `IDi`, `AUTH`, `SK`...).
    public var name: String
    /// The detail.
    public var detail: Detail

    /// A summary from its parts.
    public init(_ name: String, _ detail: Detail = .none) {
        self.name = name
        self.detail = detail
    }

    /// The outline text, for example `SA(2 proposals)` or `SK{IDi(fqdn:a), AUTH(null)}`.
    public var description: String {
        switch detail {
        case .none:
            return name
        case .count(let count, let singular, let plural):
            return "\(name)(\(count) \(count == 1 ? singular : plural))"
        case .length(let length):
            return "\(name)(\(length))"
        case .text(let text):
            return "\(name)(\(text))"
        case .group(let number):
            let text =
                DHGroup(rawValue: number).map { Transform.dhGroup($0).keyword } ?? "\(number)"
            return "\(name)(\(text))"
        case .identification(let data):
            return "\(name)(\(Self.describe(data)))"
        case .encrypted(let inner?):
            return "\(name){\(inner.map(\.description).joined(separator: ", "))}"
        case .encrypted(nil):
            return "\(name){?}"
        }
    }

    private static func describe(_ data: IdentificationData) -> String {
        if data.type == .null { return "null" }
        if data.type == .derASN1DN { return "dn" }
        return data.identity.map(\.description) ?? "type \(data.rawType)"
    }
}
