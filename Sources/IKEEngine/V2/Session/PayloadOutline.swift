import IKECore
import IKEWire

/// The transcript outline of IKEv2 payloads: names and safe details only.
enum PayloadOutline {
    /// The outline of a message's payloads; the SK payload lists `inner` when known.
    static func outline(_ payloads: [IKEv2Payload], inner: [IKEv2Payload]?, isResponse: Bool)
        -> [PayloadSummary]
    {
        payloads.map { payload in
            if case .encrypted = payload {
                return PayloadSummary(
                    "SK",
                    .encrypted(inner.map { outline($0, inner: nil, isResponse: isResponse) }))
            }
            return summary(payload, isResponse: isResponse)
        }
    }

    private static func summary(_ payload: IKEv2Payload, isResponse: Bool) -> PayloadSummary {
        switch payload {
        case .securityAssociation(let sa):
            return PayloadSummary(
                "SA", .count(sa.proposals.count, singular: "proposal", plural: "proposals"))
        case .keyExchange(let ke):
            return PayloadSummary("KE", .group(ke.groupNumber))
        case .identificationInitiator(let id):
            return PayloadSummary("IDi", .identification(id.identification))
        case .identificationResponder(let id):
            return PayloadSummary("IDr", .identification(id.identification))
        case .certificate(let cert):
            return PayloadSummary("CERT", .text(cert.encoding.description))
        case .certificateRequest(let request):
            return PayloadSummary("CERTREQ", .text(request.encoding.description))
        case .authentication(let auth):
            return PayloadSummary("AUTH", .text(AuthenticationTask.methodName(auth.method)))
        case .nonce(let nonce):
            return PayloadSummary(isResponse ? "Nr" : "Ni", .length(nonce.data.count))
        case .notify(let notify):
            return PayloadSummary("N", .text(notify.type.description))
        case .delete(let delete):
            let name = SecurityProtocol(rawValue: delete.protocolID).map(protocolName) ?? "?"
            return PayloadSummary(
                "D", .count(delete.spis.count, singular: "\(name) SPI", plural: "\(name) SPIs"))
        case .vendorID(let vendor):
            return PayloadSummary("V", .length(vendor.data.count))
        case .trafficSelectorInitiator(let ts):
            return PayloadSummary(
                "TSi", .count(ts.selectors.count, singular: "selector", plural: "selectors"))
        case .trafficSelectorResponder(let ts):
            return PayloadSummary(
                "TSr", .count(ts.selectors.count, singular: "selector", plural: "selectors"))
        case .encrypted:
            return PayloadSummary("SK", .encrypted(nil))
        case .configuration:
            return PayloadSummary("CP")
        case .eap:
            return PayloadSummary("EAP")
        case .encryptedFragment:
            return PayloadSummary("SKF")
        case .unknown(let unknown):
            return PayloadSummary(unknown.type.description)
        }
    }

    private static func protocolName(_ value: SecurityProtocol) -> String {
        switch value {
        case .ike: return "IKE"
        case .ah: return "AH"
        case .esp: return "ESP"
        }
    }
}
