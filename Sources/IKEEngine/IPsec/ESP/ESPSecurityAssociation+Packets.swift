import IKECore

// Whole IP packets through an ESP SA: the mode decides what is protected (RFC 4303
// section 3.1), and the SA's UDP encapsulation decides how ESP travels (RFC 3948).
extension ESPSecurityAssociation {
    /// The packet to send for `packet`.
    ///
    /// Transport mode keeps `packet`'s header, protects its payload and announces its
    /// protocol as next header; tunnel mode protects all of `packet` inside a new header
    /// between the SA's tunnel addresses (next header 4 or 41). The result carries ESP as
    /// IP protocol 50, or inside UDP when the SA is encapsulated (the UDP checksum is zero
    /// over IPv4, RFC 3948 section 3.1).
    public mutating func sealPacket(_ packet: IPPacket, random: some RandomSource)
        throws(IPsecError) -> IPPacket
    {
        switch mode {
        case .transport:
            let esp = try seal(
                payload: packet.payload, nextHeader: packet.protocolNumber, random: random)
            var outer = packet
            try carry(esp, in: &outer)
            return outer
        case .tunnel(let source, let destination):
            let inner = try packet.encoded()
            let esp = try seal(payload: inner, nextHeader: packet.tunnelNextHeader, random: random)
            var outer = try IPPacket(
                source: source, destination: destination, protocolNumber: IPProtocolNumber.esp,
                payload: [])
            try carry(esp, in: &outer)
            return outer
        }
    }

    /// The packet `packet` protects: in tunnel mode the inner packet (TFC padding after it
    /// dropped, RFC 4303 section 2.7), in transport mode `packet` with its payload and
    /// protocol restored.
    ///
    /// Errors as `open(_:)`, plus `unexpectedProtocol` when `packet` carries neither ESP
    /// nor (for an encapsulated SA) ESP in UDP, `dummyPacket` for next header 59, and
    /// `malformed` or `addressFamilyMismatch` when the inner packet does not fit the next
    /// header.
    public mutating func openPacket(_ packet: IPPacket) throws(IPsecError) -> IPPacket {
        let opened = try open(try espOctets(in: packet))
        guard opened.nextHeader != IPProtocolNumber.noNextHeader else {
            throw IPsecError(.dummyPacket, "next header 59: a dummy packet to discard")
        }
        switch mode {
        case .transport:
            var result = packet
            result.protocolNumber = opened.nextHeader
            result.payload = opened.payload
            return result
        case .tunnel:
            guard
                opened.nextHeader == IPProtocolNumber.ipv4
                    || opened.nextHeader == IPProtocolNumber.ipv6
            else {
                throw IPsecError(
                    .unexpectedProtocol,
                    "tunnel mode next header \(opened.nextHeader) is not 4 or 41")
            }
            let inner = try IPPacket(parsing: opened.payload, allowingTrailingOctets: true)
            guard inner.tunnelNextHeader == opened.nextHeader else {
                throw IPsecError(
                    .addressFamilyMismatch,
                    "next header \(opened.nextHeader) announces the other IP version")
            }
            return inner
        }
    }

    /// Puts `esp` into `outer` as its payload: directly (protocol 50) or in UDP.
    private func carry(_ esp: [UInt8], in outer: inout IPPacket) throws(IPsecError) {
        guard let udpEncapsulation else {
            outer.protocolNumber = IPProtocolNumber.esp
            outer.payload = esp
            return
        }
        let datagram = UDPDatagram(
            sourcePort: udpEncapsulation.sourcePort,
            destinationPort: udpEncapsulation.destinationPort,
            payload: try UDPEncapsulation.frameESP(esp))
        outer.protocolNumber = IPProtocolNumber.udp
        outer.payload = try datagram.encode(
            source: outer.source, destination: outer.destination, zeroChecksum: true)
    }

    /// The ESP octets `packet` carries, as protocol 50 or, for an encapsulated SA, in UDP.
    private func espOctets(in packet: IPPacket) throws(IPsecError) -> [UInt8] {
        if packet.protocolNumber == IPProtocolNumber.esp { return packet.payload }
        guard udpEncapsulation != nil, packet.protocolNumber == IPProtocolNumber.udp else {
            throw IPsecError(
                .unexpectedProtocol, "protocol \(packet.protocolNumber) does not carry ESP")
        }
        switch try UDPEncapsulation.classify(try packet.udpDatagram().payload) {
        case .esp(let esp): return esp
        case .ike, .natKeepalive:
            throw IPsecError(.unexpectedProtocol, "the UDP payload is IKE or a keepalive")
        }
    }
}
