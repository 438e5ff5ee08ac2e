import IKECore
import IKEWire

/// The transcript outline of ISAKMP payloads: names and safe details only, never key
/// material, nonce values or secrets. Bodies encrypted to a public key (RFC 2409 sections
/// 5.2, 5.3) are shown as such.
enum IKEv1PayloadOutline {
    /// The outline of a payload chain.
    static func outline(_ payloads: [ISAKMPPayload]) -> [PayloadSummary] {
        payloads.map(summary)
    }

    private static func summary(_ payload: ISAKMPPayload) -> PayloadSummary {
        switch payload {
        case .securityAssociation(let sa):
            let count = sa.proposals.reduce(0) { $0 + $1.transforms.count }
            return PayloadSummary("SA", .count(count, singular: "transform", plural: "transforms"))
        case .keyExchange(let ke):
            return PayloadSummary("KE", .length(ke.data.count))
        case .identification(let id):
            // Quick mode client IDs of subnet and range types, and addresses narrowed to a
            // protocol or port, read best as selectors.
            let readsAsSelector: Bool
            switch id.identification.type {
            case .ipv4Subnet, .ipv6Subnet, .ipv4Range, .ipv6Range: readsAsSelector = true
            case .ipv4Address, .ipv6Address: readsAsSelector = id.protocolID != 0 || id.port != 0
            default: readsAsSelector = false
            }
            guard readsAsSelector else {
                return PayloadSummary("ID", .identification(id.identification))
            }
            return PayloadSummary("ID", .text(id.trafficSelector?.description ?? "invalid"))
        case .certificate(let cert):
            return PayloadSummary("CERT", .text(cert.encoding.description))
        case .certificateRequest(let request):
            return PayloadSummary("CR", .text(request.encoding.description))
        case .hash(let hash):
            return PayloadSummary("HASH", .length(hash.data.count))
        case .signature(let signature):
            return PayloadSummary("SIG", .length(signature.data.count))
        case .nonce(let nonce):
            return PayloadSummary("NONCE", .length(nonce.data.count))
        case .notification(let notification):
            return PayloadSummary("N", .text(notification.type.description))
        case .delete(let delete):
            let name = SecurityProtocol(rawValue: delete.protocolID).map(protocolName) ?? "?"
            return PayloadSummary(
                "D", .count(delete.spis.count, singular: "\(name) SPI", plural: "\(name) SPIs"))
        case .vendorID(let vendor):
            return PayloadSummary("VID", .text(vendorName(vendor.data)))
        case .attribute:
            return PayloadSummary("ATTR")
        case .natDiscovery:
            return PayloadSummary("NAT-D")
        case .natOriginalAddress:
            return PayloadSummary("NAT-OA")
        case .unknown(let unknown):
            return PayloadSummary(unknown.type.description, .text("encrypted"))
        }
    }

    private static func vendorName(_ data: [UInt8]) -> String {
        if data == IKEv1NATTraversal.natTraversalVendorID { return "RFC 3947" }
        if data == IKEv1NATTraversal.dpdVendorID { return "DPD" }
        return "\(data.count) octets"
    }

    private static func protocolName(_ value: SecurityProtocol) -> String {
        switch value {
        case .ike: return "ISAKMP"
        case .ah: return "AH"
        case .esp: return "ESP"
        }
    }
}
