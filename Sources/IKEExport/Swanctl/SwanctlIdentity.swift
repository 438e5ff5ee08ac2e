import IKECore

/// IKE identities in strongSwan's identity syntax (swanctl.conf(5), `local.id`).
///
/// Addresses and distinguished names are written bare, because strongSwan converts them
/// to their binary encoding only when it detects the type itself (`ipv4:10.0.0.1` would
/// send the text). FQDNs and email addresses carry their prefix so that no text is
/// mistaken for another type; key ids use the `#` hex form.
enum SwanctlIdentity {
    /// The identity as `id`, `id-1`... take it.
    static func render(_ identity: Identity) -> String {
        switch identity {
        case .address(let address): return address.description
        case .fqdn(let name): return "fqdn:" + name
        case .email(let name): return "email:" + name
        case .distinguishedName(let name): return name
        case .keyID(let octets): return "keyid:#" + octets.hexString
        }
    }
}
