/// An IKE identity: what the IDi/IDr payload (IKEv2) or the phase 1 ID payload (IKEv1)
/// carries, in the policy language's terms (`fqdn:`, `ipv4:`, `ipv6:`, `email:`, `dn:`,
/// `keyid:`).
public enum Identity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// ID_IPV4_ADDR or ID_IPV6_ADDR.
    case address(IPAddress)
    /// ID_FQDN.
    case fqdn(String)
    /// ID_RFC822_ADDR.
    case email(String)
    /// ID_DER_ASN1_DN, in its RFC 4514-like text form (`C=CH, O=Example, CN=hq`); the DER
    /// encoding is made by IKECrypto.
    case distinguishedName(String)
    /// ID_KEY_ID: opaque octets.
    case keyID([UInt8])

    /// The ID type this identity is sent as.
    public var idType: IdentificationType {
        switch self {
        case .address(let address): return address.isIPv4 ? .ipv4Address : .ipv6Address
        case .fqdn: return .fqdn
        case .email: return .rfc822Address
        case .distinguishedName: return .derASN1DN
        case .keyID: return .keyID
        }
    }

    /// The policy language's spelling, `fqdn:hq.example.net` and the like.
    public var description: String {
        switch self {
        case .address(let address): return "\(address.isIPv4 ? "ipv4" : "ipv6"):\(address)"
        case .fqdn(let name): return "fqdn:\(name)"
        case .email(let name): return "email:\(name)"
        case .distinguishedName(let name): return "dn:\(name)"
        case .keyID(let octets): return "keyid:0x\(octets.hexString)"
        }
    }
}
