import IKECore

extension Certificate {
    /// Whether this certificate vouches for `identity` (RFC 4945 section 3.1 and the
    /// practice of strongSwan and Libreswan):
    /// - `fqdn`: a dNSName subjectAltName equal to it, ignoring case and a final dot;
    /// - `email`: an rfc822Name subjectAltName equal to it, ignoring case;
    /// - `address`: an iPAddress subjectAltName with the same octets;
    /// - `dn`: the subject, compared as normalised DER (text that does not parse never
    ///   matches);
    /// - `keyid`: never, since a key ID says nothing a certificate can confirm.
    /// The subject's common name is not consulted for FQDNs (RFC 6125 section 6.4.4).
    public func vouches(for identity: Identity) -> Bool {
        switch identity {
        case .fqdn(let name):
            let wanted = Self.normalisedDNSName(name)
            return subjectAltNames.contains {
                if case .dnsName(let entry) = $0 { return Self.normalisedDNSName(entry) == wanted }
                return false
            }
        case .email(let address):
            let wanted = address.lowercased()
            return subjectAltNames.contains {
                if case .rfc822Name(let entry) = $0 { return entry.lowercased() == wanted }
                return false
            }
        case .address(let address):
            return subjectAltNames.contains { $0 == .ipAddress(address) }
        case .distinguishedName(let text):
            guard let wanted = try? DistinguishedName(text: text), let subject = try? subject
            else { return false }
            return subject.matches(wanted)
        case .keyID:
            return false
        }
    }

    private static func normalisedDNSName(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}
