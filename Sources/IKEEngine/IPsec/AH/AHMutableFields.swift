/// The IP header as AH's ICV sees it (RFC 4302 section 3.3.3.1): fields a router may
/// change in transit count as zero.
enum AHMutableFields {
    /// `packet`'s octets with the mutable header fields zeroed: for IPv4 (section
    /// 3.3.3.1.1.1) type of service, flags, fragment offset, time to live and header
    /// checksum; for IPv6 (section 3.3.3.1.2.1) traffic class, flow label and hop limit.
    ///
    /// `unsupportedHeader` when the packet has IPv4 options: their mutability depends on
    /// each option (appendix A.1), which this layer does not classify.
    static func zeroed(_ packet: IPPacket) throws(IPsecError) -> [UInt8] {
        var bytes = try packet.encoded()
        switch packet.header {
        case .v4(let header):
            guard header.options.isEmpty else {
                throw IPsecError(.unsupportedHeader, "AH over IPv4 options is not supported")
            }
            bytes[1] = 0
            for index in [6, 7, 8, 10, 11] { bytes[index] = 0 }
        case .v6:
            bytes[0] = 0x60
            for index in [1, 2, 3, 7] { bytes[index] = 0 }
        }
        return bytes
    }
}
