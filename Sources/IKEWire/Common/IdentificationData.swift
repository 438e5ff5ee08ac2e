import IKECore

/// The identity part shared by the IKEv2 IDi/IDr payloads (RFC 7296 section 3.5) and the
/// ISAKMP Identification payload (RFC 2407 section 4.6.2): an ID type and its data.
///
/// The type is kept as a number so that unknown types survive; `identity` converts to
/// `IKECore.Identity` for the types it can express. A distinguished name is carried as
/// DER octets: IKECrypto converts between DER and the text form.
public struct IdentificationData: Hashable, Sendable {
    /// The ID Type number.
    public var rawType: UInt8
    /// The Identification Data, as sent.
    public var data: [UInt8]

    /// Identification data from wire values.
    public init(rawType: UInt8, data: [UInt8]) {
        self.rawType = rawType
        self.data = data
    }

    /// An ID_DER_ASN1_DN with its DER-encoded Name.
    public init(distinguishedNameDER der: [UInt8]) {
        self.init(rawType: IdentificationType.derASN1DN.rawValue, data: der)
    }

    /// The wire form of an identity; nil for `.distinguishedName`, whose DER encoding is
    /// made by the crypto layer (use `init(distinguishedNameDER:)`).
    public init?(_ identity: Identity) {
        switch identity {
        case .address(let address):
            self.init(rawType: identity.idType.rawValue, data: address.octets)
        case .fqdn(let name), .email(let name):
            self.init(rawType: identity.idType.rawValue, data: Array(name.utf8))
        case .keyID(let octets):
            self.init(rawType: identity.idType.rawValue, data: octets)
        case .distinguishedName:
            return nil
        }
    }

    /// The registered ID type, or nil for an unknown number.
    public var type: IdentificationType? { IdentificationType(rawValue: rawType) }

    /// The identity, for address, FQDN, RFC 822 and key ID types whose data is well
    /// formed (4 or 16 address octets, valid UTF-8 names); nil otherwise, including for a
    /// distinguished name (see `distinguishedNameDER`).
    public var identity: Identity? {
        switch type {
        case .ipv4Address:
            guard data.count == 4 else { return nil }
            return IPAddress(octets: data).map(Identity.address)
        case .ipv6Address:
            guard data.count == 16 else { return nil }
            return IPAddress(octets: data).map(Identity.address)
        case .fqdn:
            return Self.validUTF8(data).map(Identity.fqdn)
        case .rfc822Address:
            return Self.validUTF8(data).map(Identity.email)
        case .keyID:
            return .keyID(data)
        default:
            return nil
        }
    }

    /// The DER octets of an ID_DER_ASN1_DN; nil for other types.
    public var distinguishedNameDER: [UInt8]? {
        type == .derASN1DN ? data : nil
    }
}

extension IdentificationData {
    /// `octets` as a string when they are valid UTF-8, else nil. Decoding with repair and
    /// comparing is exact (a repair always changes the octets) and, unlike the generic
    /// `String(validating:as:)`, needs no runtime type lookups; every IKE_AUTH decodes
    /// identities this way.
    static func validUTF8(_ octets: [UInt8]) -> String? {
        var text = String(decoding: octets, as: UTF8.self)
        return text.withUTF8 { $0.elementsEqual(octets) } ? text : nil
    }
}
