import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 3.5: IDi and IDr carry an ID type and its data; RFC 7619 adds
// ID_NULL (type 13, no data) for NULL authentication. A distinguished name travels as
// DER, which IKECrypto makes from the policy's text form and compares after X.520
// normalisation.

/// Building our ID payload and checking the peer's.
enum IdentityTask {
    /// The identification data we send; nil identity sends ID_NULL.
    static func identification(_ identity: Identity?) throws -> IdentificationData {
        guard let identity else {
            return IdentificationData(rawType: IdentificationType.null.rawValue, data: [])
        }
        if case .distinguishedName(let text) = identity {
            return IdentificationData(distinguishedNameDER: try DistinguishedName(text: text).der)
        }
        guard let data = IdentificationData(identity) else {
            throw CryptoError(.invalidDistinguishedName, "identity \(identity) has no wire form")
        }
        return data
    }

    /// The peer's identity in policy terms: nil for ID_NULL; thrown text for a type or
    /// data we cannot read.
    static func identity(of data: IdentificationData) -> Result<Identity?, IdentityError> {
        if data.type == .null { return .success(nil) }
        if let dn = data.distinguishedNameDER {
            guard let name = try? DistinguishedName(der: dn) else {
                return .failure(IdentityError(text: "an undecodable distinguished name"))
            }
            return .success(.distinguishedName(name.text))
        }
        guard let identity = data.identity else {
            return .failure(IdentityError(text: "an identity of ID type \(data.rawType)"))
        }
        return .success(identity)
    }

    /// Whether the peer's identification matches the configured expectation.
    static func matches(_ data: IdentificationData, expected: Identity) -> Bool {
        switch expected {
        case .distinguishedName(let text):
            guard let der = data.distinguishedNameDER, let peer = try? DistinguishedName(der: der),
                let wanted = try? DistinguishedName(text: text)
            else { return false }
            return peer.matches(wanted)
        case .fqdn(let name):
            guard case .success(.fqdn(let peer))? = Optional(identity(of: data)) else {
                return false
            }
            return normalised(peer) == normalised(name)
        case .email(let name):
            guard case .success(.email(let peer))? = Optional(identity(of: data)) else {
                return false
            }
            return peer.lowercased() == name.lowercased()
        case .address, .keyID:
            guard case .success(let peer?) = identity(of: data) else { return false }
            return peer == expected
        }
    }

    /// A note for a refusal when `data` and `expected` are the same distinguished name
    /// with its RDNs in opposite orders ("" otherwise). A DN is compared in the order of
    /// its encoding, which is how strongSwan writes it (`C=CH, O=Example, CN=hq`); the
    /// RFC 4514 form that OpenSSL prints lists the same RDNs the other way round.
    static func reversedOrderNote(_ data: IdentificationData, expected: Identity) -> String {
        guard case .distinguishedName(let text) = expected, let der = data.distinguishedNameDER,
            let peer = try? DistinguishedName(der: der),
            let reversed = try? DistinguishedName(rfc4514: text), peer.matches(reversed)
        else { return "" }
        return " (the same RDNs in reverse order: a DN is matched in the order of its "
            + "encoding, as strongSwan writes it, not in RFC 4514's)"
    }

    /// How an identity is named in reasons and records.
    static func describe(_ data: IdentificationData) -> String {
        switch identity(of: data) {
        case .success(let identity?): return "'\(identity)'"
        case .success(nil): return "ID_NULL"
        case .failure(let error): return error.text
        }
    }

    private static func normalised(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}

/// An identification the engine cannot express as an `Identity`.
struct IdentityError: Error {
    /// What it was, in words.
    let text: String
}
