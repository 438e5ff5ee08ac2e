import IKECore

// RFC 3947 section 5.2: the NAT-OA payload, the original address of a transport-mode peer.
//
//    0                   1                   2                   3
//   +---------------+-----------------------------------------------+
//   |   ID Type     |                 RESERVED                      |
//   +---------------+-----------------------------------------------+
//   ~         IPv4 (4 octets, type 1) or IPv6 (16 octets, type 5)    ~
//   +---------------------------------------------------------------+

/// The NAT-OA payload.
public struct ISAKMPNATOriginalAddressPayload: Hashable, Sendable {
    /// The ID Type number (1 ID_IPV4_ADDR, 5 ID_IPV6_ADDR).
    public var idType: UInt8
    /// The address octets as sent.
    public var addressOctets: [UInt8]
    /// Whether the payload is numbered 131, as the pre-RFC drafts did, instead of 21.
    public var usesDraftNumber: Bool

    /// A NAT-OA payload from wire values.
    public init(idType: UInt8, addressOctets: [UInt8], usesDraftNumber: Bool = false) {
        self.idType = idType
        self.addressOctets = addressOctets
        self.usesDraftNumber = usesDraftNumber
    }

    /// A NAT-OA payload for an address.
    public init(address: IPAddress, usesDraftNumber: Bool = false) {
        let type: IdentificationType = address.isIPv4 ? .ipv4Address : .ipv6Address
        self.init(
            idType: type.rawValue, addressOctets: address.octets,
            usesDraftNumber: usesDraftNumber)
    }

    /// The address, when the ID type and the octet count agree; nil otherwise.
    public var address: IPAddress? {
        switch (IdentificationType(rawValue: idType), addressOctets.count) {
        case (.ipv4Address, 4), (.ipv6Address, 16): return IPAddress(octets: addressOctets)
        default: return nil
        }
    }

    init(body reader: inout ByteReader, type: UInt8, usesDraftNumber: Bool) throws(WireError) {
        idType = try reader.field8("ID Type", in: type)
        _ = try reader.fieldBytes(3, "RESERVED", in: type)
        addressOctets = reader.readRest()
        self.usesDraftNumber = usesDraftNumber
    }

    func write(to writer: inout ByteWriter) {
        writer.write(idType)
        writer.writeZeros(3)
        writer.write(addressOctets)
    }
}
