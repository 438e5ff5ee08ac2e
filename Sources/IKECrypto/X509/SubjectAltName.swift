internal import CCrypto
import IKECore

/// The subjectAltName entries IKE identities are checked against (RFC 5280 section
/// 4.2.1.6); other kinds of GeneralName are not listed.
public enum SubjectAltName: Sendable, Hashable, CustomStringConvertible {
    /// dNSName.
    case dnsName(String)
    /// rfc822Name (an email address).
    case rfc822Name(String)
    /// iPAddress, 4 or 16 octets.
    case ipAddress(IPAddress)

    /// `DNS:name`, `email:addr` or `IP:addr`.
    public var description: String {
        switch self {
        case .dnsName(let name): return "DNS:\(name)"
        case .rfc822Name(let name): return "email:\(name)"
        case .ipAddress(let address): return "IP:\(address)"
        }
    }

    /// The entries of a certificate's subjectAltName extension, in order.
    static func entries(of certificate: OpaquePointer) -> [SubjectAltName] {
        guard let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) else {
            ErrorQueue.clear()
            return []
        }
        let names = OpaquePointer(raw)
        defer { GENERAL_NAMES_free(names) }
        var entries: [SubjectAltName] = []
        for index in 0..<max(0, Int(OPENSSL_sk_num(names))) {
            guard let element = OPENSSL_sk_value(names, Int32(index)) else { continue }
            let name = element.assumingMemoryBound(to: GENERAL_NAME.self).pointee
            switch name.type {
            case GEN_DNS:
                if let text = string(name.d.dNSName) { entries.append(.dnsName(text)) }
            case GEN_EMAIL:
                if let text = string(name.d.rfc822Name) {
                    entries.append(.rfc822Name(text))
                }
            case GEN_IPADD:
                if let octets = octets(name.d.iPAddress),
                    let address = IPAddress(octets: octets)
                {
                    entries.append(.ipAddress(address))
                }
            default:
                continue
            }
        }
        return entries
    }

    private static func octets(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> [UInt8]? {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
    }

    private static func string(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String? {
        guard let bytes = octets(string) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
