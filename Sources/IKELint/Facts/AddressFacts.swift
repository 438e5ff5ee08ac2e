import IKECore

/// Address classes that matter for NAT: the private and shared ranges that sit behind
/// address translation in practice.
enum AddressFacts {
    /// RFC 1918 (10/8, 172.16/12, 192.168/16), RFC 6598 shared space (100.64/10), link
    /// local (169.254/16, fe80::/10) and IPv6 unique local addresses (fc00::/7).
    static func isPrivate(_ address: IPAddress) -> Bool {
        let octets = address.octets
        guard octets.count == 4 else {
            guard let first = octets.first, octets.count > 1 else { return false }
            return first & 0xFE == 0xFC || (first == 0xFE && octets[1] & 0xC0 == 0x80)
        }
        switch (octets[0], octets[1]) {
        case (10, _): return true
        case (172, 16...31): return true
        case (192, 168): return true
        case (100, 64...127): return true
        case (169, 254): return true
        default: return false
        }
    }
}
