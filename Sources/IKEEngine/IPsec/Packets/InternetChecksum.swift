import IKECore

/// The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of
/// 16-bit words, used by the IPv4 header, ICMP, ICMPv6 and UDP.
enum InternetChecksum {
    /// The checksum over the concatenation of `parts`, each padded as if it continued the
    /// previous one (an odd-length part carries its last octet into the next word).
    static func compute(_ parts: [UInt8]...) -> UInt16 {
        compute(parts)
    }

    /// The checksum over the concatenation of `parts`.
    static func compute(_ parts: [[UInt8]]) -> UInt16 {
        var sum: UInt32 = 0
        var pendingHigh: UInt8?
        for part in parts {
            for octet in part {
                if let high = pendingHigh {
                    sum &+= UInt32(high) << 8 | UInt32(octet)
                    pendingHigh = nil
                } else {
                    pendingHigh = octet
                }
            }
            // Fold early so the 32-bit sum can never overflow on long inputs.
            sum = (sum & 0xFFFF) &+ (sum >> 16)
        }
        if let high = pendingHigh { sum &+= UInt32(high) << 8 }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) &+ (sum >> 16) }
        return ~UInt16(truncatingIfNeeded: sum)
    }

    /// The RFC 2460/8200 section 8.1 and RFC 768 pseudo-header: source, destination, the
    /// upper-layer length and the protocol number, laid out for the address family.
    static func pseudoHeader(
        source: IPAddress, destination: IPAddress, protocolNumber: UInt8, length: Int
    ) -> [UInt8] {
        var writer = IPsecWriter(capacity: 40)
        writer.append(source.octets)
        writer.append(destination.octets)
        if source.isIPv4 {
            writer.uint8(0)
            writer.uint8(protocolNumber)
            writer.uint16(UInt16(truncatingIfNeeded: length))
        } else {
            writer.uint32(UInt32(truncatingIfNeeded: length))
            writer.append([0, 0, 0, protocolNumber])
        }
        return writer.bytes
    }
}
