/// One IKEv2 payload, decoded by type. The generic header (next payload, critical bit,
/// length) belongs to the chain and is made on encoding.
///
/// Payloads whose type this module does not decode are kept as `.unknown` with their
/// critical bit, so the engine can answer UNSUPPORTED_CRITICAL_PAYLOAD (RFC 7296 section
/// 2.5). For the known types the critical bit is ignored on receipt and sent as zero.
public enum IKEv2Payload: Hashable, Sendable {
    /// SA (33).
    case securityAssociation(IKEv2SAPayload)
    /// KE (34).
    case keyExchange(IKEv2KeyExchangePayload)
    /// IDi (35).
    case identificationInitiator(IKEv2IdentificationPayload)
    /// IDr (36).
    case identificationResponder(IKEv2IdentificationPayload)
    /// CERT (37).
    case certificate(IKEv2CertificatePayload)
    /// CERTREQ (38).
    case certificateRequest(IKEv2CertificateRequestPayload)
    /// AUTH (39).
    case authentication(IKEv2AuthenticationPayload)
    /// Ni or Nr (40).
    case nonce(IKEv2NoncePayload)
    /// N (41).
    case notify(IKEv2NotifyPayload)
    /// D (42).
    case delete(IKEv2DeletePayload)
    /// V (43).
    case vendorID(IKEv2VendorIDPayload)
    /// TSi (44).
    case trafficSelectorInitiator(IKEv2TrafficSelectorPayload)
    /// TSr (45).
    case trafficSelectorResponder(IKEv2TrafficSelectorPayload)
    /// SK (46): always the last payload of a message.
    case encrypted(IKEv2EncryptedPayload)
    /// CP (47).
    case configuration(IKEv2ConfigurationPayload)
    /// EAP (48).
    case eap(IKEv2EAPPayload)
    /// SKF (53, RFC 7383): always the last payload of a message.
    case encryptedFragment(IKEv2EncryptedFragmentPayload)
    /// Any other type, kept with its critical bit and body.
    case unknown(IKEv2UnknownPayload)

    /// The payload's type number.
    public var type: IKEv2PayloadType {
        switch self {
        case .securityAssociation: return .securityAssociation
        case .keyExchange: return .keyExchange
        case .identificationInitiator: return .identificationInitiator
        case .identificationResponder: return .identificationResponder
        case .certificate: return .certificate
        case .certificateRequest: return .certificateRequest
        case .authentication: return .authentication
        case .nonce: return .nonce
        case .notify: return .notify
        case .delete: return .delete
        case .vendorID: return .vendorID
        case .trafficSelectorInitiator: return .trafficSelectorInitiator
        case .trafficSelectorResponder: return .trafficSelectorResponder
        case .encrypted: return .encrypted
        case .configuration: return .configuration
        case .eap: return .eap
        case .encryptedFragment: return .encryptedFragment
        case .unknown(let payload): return payload.type
        }
    }

    /// The critical bit this payload is sent with: its own for `.unknown`, else clear.
    public var isCritical: Bool {
        if case .unknown(let payload) = self { return payload.isCritical }
        return false
    }

    /// Decodes a body of type `type`; the window ends where the Payload Length says.
    static func read(
        type: IKEv2PayloadType, critical: Bool, body: inout ByteReader,
        nextPayload: IKEv2PayloadType
    ) throws(WireError) -> IKEv2Payload {
        let raw = type.rawValue
        switch type {
        case .securityAssociation: return .securityAssociation(try .init(body: &body, type: raw))
        case .keyExchange: return .keyExchange(try .init(body: &body, type: raw))
        case .identificationInitiator:
            return .identificationInitiator(try .init(body: &body, type: raw))
        case .identificationResponder:
            return .identificationResponder(try .init(body: &body, type: raw))
        case .certificate: return .certificate(try .init(body: &body, type: raw))
        case .certificateRequest: return .certificateRequest(try .init(body: &body, type: raw))
        case .authentication: return .authentication(try .init(body: &body, type: raw))
        case .nonce: return .nonce(try .init(body: &body, type: raw))
        case .notify: return .notify(try .init(body: &body, type: raw))
        case .delete: return .delete(try .init(body: &body, type: raw))
        case .vendorID: return .vendorID(try .init(body: &body, type: raw))
        case .trafficSelectorInitiator:
            return .trafficSelectorInitiator(try .init(body: &body, type: raw))
        case .trafficSelectorResponder:
            return .trafficSelectorResponder(try .init(body: &body, type: raw))
        case .encrypted:
            return .encrypted(IKEv2EncryptedPayload(firstInnerPayload: nextPayload, body: &body))
        case .configuration: return .configuration(try .init(body: &body, type: raw))
        case .eap: return .eap(try .init(body: &body, type: raw))
        case .encryptedFragment:
            return .encryptedFragment(
                try .init(body: &body, type: raw, firstInnerPayload: nextPayload))
        default:
            return .unknown(
                IKEv2UnknownPayload(type: type, isCritical: critical, body: body.readRest()))
        }
    }

    /// Encodes the body, mirroring `read`.
    func write(body writer: inout ByteWriter) throws(WireError) {
        let raw = type.rawValue
        switch self {
        case .securityAssociation(let payload): try payload.write(to: &writer, type: raw)
        case .keyExchange(let payload): payload.write(to: &writer)
        case .identificationInitiator(let payload), .identificationResponder(let payload):
            payload.write(to: &writer)
        case .certificate(let payload): payload.write(to: &writer)
        case .certificateRequest(let payload): payload.write(to: &writer)
        case .authentication(let payload): payload.write(to: &writer)
        case .nonce(let payload): writer.write(payload.data)
        case .notify(let payload): try payload.write(to: &writer, type: raw)
        case .delete(let payload): try payload.write(to: &writer, type: raw)
        case .vendorID(let payload): writer.write(payload.data)
        case .trafficSelectorInitiator(let payload), .trafficSelectorResponder(let payload):
            try payload.write(to: &writer, type: raw)
        case .encrypted(let payload): writer.write(payload.body)
        case .configuration(let payload): try payload.write(to: &writer, type: raw)
        case .eap(let payload): writer.write(payload.message)
        case .encryptedFragment(let payload): payload.write(to: &writer)
        case .unknown(let payload): writer.write(payload.body)
        }
    }

    /// For SK and SKF, the Next Payload value their generic header carries: the type of
    /// the first payload inside the encrypted data.
    var firstInnerPayload: IKEv2PayloadType? {
        switch self {
        case .encrypted(let payload): return payload.firstInnerPayload
        case .encryptedFragment(let payload): return payload.firstInnerPayload
        default: return nil
        }
    }
}

/// A payload of a type this module does not decode: its type, critical bit and body.
public struct IKEv2UnknownPayload: Hashable, Sendable {
    /// The Payload Type number.
    public var type: IKEv2PayloadType
    /// The critical bit: when set, a recipient that does not understand the type must
    /// reject the message with UNSUPPORTED_CRITICAL_PAYLOAD (RFC 7296 section 2.5).
    public var isCritical: Bool
    /// The octets after the generic payload header.
    public var body: [UInt8]

    /// An unknown payload from its parts.
    public init(type: IKEv2PayloadType, isCritical: Bool, body: [UInt8]) {
        self.type = type
        self.isCritical = isCritical
        self.body = body
    }
}
