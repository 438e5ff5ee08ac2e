/// IANA "Assigned Internet Protocol Numbers" that the IPsec layer names: the values of
/// the IPv4 Protocol field, the IPv6 Next Header field and ESP's and AH's next header.
public enum IPProtocolNumber {
    /// ICMP (RFC 792).
    public static let icmp: UInt8 = 1
    /// IPv4 in IP: ESP or AH tunnel mode carrying an IPv4 packet.
    public static let ipv4: UInt8 = 4
    /// TCP.
    public static let tcp: UInt8 = 6
    /// UDP (RFC 768).
    public static let udp: UInt8 = 17
    /// IPv6 in IP: ESP or AH tunnel mode carrying an IPv6 packet.
    public static let ipv6: UInt8 = 41
    /// ESP (RFC 4303).
    public static let esp: UInt8 = 50
    /// AH (RFC 4302).
    public static let ah: UInt8 = 51
    /// ICMPv6 (RFC 4443).
    public static let icmpv6: UInt8 = 58
    /// No next header: an ESP dummy packet (RFC 4303 section 2.6).
    public static let noNextHeader: UInt8 = 59
}
