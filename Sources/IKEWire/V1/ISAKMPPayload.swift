/// One ISAKMP payload, decoded by type. The generic header (next payload, length) belongs
/// to the chain and is made on encoding. Proposal and Transform payloads live inside the
/// SA payload; payload types this module does not decode are kept as `.unknown`.
public enum ISAKMPPayload: Hashable, Sendable {
    /// SA (1), with its proposals and transforms.
    case securityAssociation(ISAKMPSAPayload)
    /// KE (4).
    case keyExchange(ISAKMPKeyExchangePayload)
    /// ID (5).
    case identification(ISAKMPIdentificationPayload)
    /// CERT (6).
    case certificate(ISAKMPCertificatePayload)
    /// CR (7).
    case certificateRequest(ISAKMPCertificateRequestPayload)
    /// HASH (8).
    case hash(ISAKMPHashPayload)
    /// SIG (9).
    case signature(ISAKMPSignaturePayload)
    /// NONCE (10).
    case nonce(ISAKMPNoncePayload)
    /// N (11).
    case notification(ISAKMPNotificationPayload)
    /// D (12).
    case delete(ISAKMPDeletePayload)
    /// VID (13).
    case vendorID(ISAKMPVendorIDPayload)
    /// ATTR (14), Mode Config.
    case attribute(ISAKMPAttributePayload)
    /// NAT-D (20, or 130 from the drafts).
    case natDiscovery(ISAKMPNATDiscoveryPayload)
    /// NAT-OA (21, or 131 from the drafts).
    case natOriginalAddress(ISAKMPNATOriginalAddressPayload)
    /// Any other type, kept with its body.
    case unknown(ISAKMPUnknownPayload)

    /// The payload's type number.
    public var type: ISAKMPPayloadType {
        switch self {
        case .securityAssociation: return .securityAssociation
        case .keyExchange: return .keyExchange
        case .identification: return .identification
        case .certificate: return .certificate
        case .certificateRequest: return .certificateRequest
        case .hash: return .hash
        case .signature: return .signature
        case .nonce: return .nonce
        case .notification: return .notification
        case .delete: return .delete
        case .vendorID: return .vendorID
        case .attribute: return .attribute
        case .natDiscovery(let payload):
            return payload.usesDraftNumber ? .natDiscoveryDraft : .natDiscovery
        case .natOriginalAddress(let payload):
            return payload.usesDraftNumber ? .natOriginalAddressDraft : .natOriginalAddress
        case .unknown(let payload): return payload.type
        }
    }

    /// Decodes a body of type `type`; the window ends where the Payload Length says.
    static func read(type: ISAKMPPayloadType, body: inout ByteReader) throws(WireError)
        -> ISAKMPPayload
    {
        let raw = type.rawValue
        switch type {
        case .securityAssociation: return .securityAssociation(try .init(body: &body, type: raw))
        case .keyExchange: return .keyExchange(.init(data: body.readRest()))
        case .identification: return .identification(try .init(body: &body, type: raw))
        case .certificate: return .certificate(try .init(body: &body, type: raw))
        case .certificateRequest: return .certificateRequest(try .init(body: &body, type: raw))
        case .hash: return .hash(.init(data: body.readRest()))
        case .signature: return .signature(.init(data: body.readRest()))
        case .nonce: return .nonce(.init(data: body.readRest()))
        case .notification: return .notification(try .init(body: &body, type: raw))
        case .delete: return .delete(try .init(body: &body, type: raw))
        case .vendorID: return .vendorID(.init(data: body.readRest()))
        case .attribute: return .attribute(try .init(body: &body, type: raw))
        case .natDiscovery, .natDiscoveryDraft:
            return .natDiscovery(
                .init(hash: body.readRest(), usesDraftNumber: type == .natDiscoveryDraft))
        case .natOriginalAddress, .natOriginalAddressDraft:
            return .natOriginalAddress(
                try .init(body: &body, type: raw, usesDraftNumber: type == .natOriginalAddressDraft)
            )
        case .proposal, .transform:
            throw WireError(
                .misplacedPayload, payloadType: raw, offset: body.position,
                detail: "a \(type) payload outside an SA payload")
        default:
            return .unknown(ISAKMPUnknownPayload(type: type, body: body.readRest()))
        }
    }

    /// Encodes the body, mirroring `read`.
    func write(body writer: inout ByteWriter) throws(WireError) {
        let raw = type.rawValue
        switch self {
        case .securityAssociation(let payload): try payload.write(to: &writer, type: raw)
        case .keyExchange(let payload): writer.write(payload.data)
        case .identification(let payload): payload.write(to: &writer)
        case .certificate(let payload): payload.write(to: &writer)
        case .certificateRequest(let payload): payload.write(to: &writer)
        case .hash(let payload): writer.write(payload.data)
        case .signature(let payload): writer.write(payload.data)
        case .nonce(let payload): writer.write(payload.data)
        case .notification(let payload): try payload.write(to: &writer, type: raw)
        case .delete(let payload): try payload.write(to: &writer, type: raw)
        case .vendorID(let payload): writer.write(payload.data)
        case .attribute(let payload): try payload.write(to: &writer, type: raw)
        case .natDiscovery(let payload): writer.write(payload.hash)
        case .natOriginalAddress(let payload): payload.write(to: &writer)
        case .unknown(let payload): writer.write(payload.body)
        }
    }
}

/// A payload of a type this module does not decode: its type and body.
public struct ISAKMPUnknownPayload: Hashable, Sendable {
    /// The payload type number.
    public var type: ISAKMPPayloadType
    /// The octets after the generic payload header.
    public var body: [UInt8]

    /// An unknown payload from its parts.
    public init(type: ISAKMPPayloadType, body: [UInt8]) {
        self.type = type
        self.body = body
    }
}
