import IKECore
import IKEEngine

// IKE and ESP framed the way they cross the wire, for captures of dry runs.
extension PcapFile {
    /// Adds the IKE message `message` as a UDP datagram between the given addresses and
    /// ports (500 by default). On the NAT-T port (4500 on either side) the non-ESP marker
    /// precedes the message (RFC 3948 section 2.2), as a peer would send it.
    public mutating func appendIKE(
        _ message: [UInt8], from source: IPAddress, port sourcePort: UInt16 = 500,
        to destination: IPAddress, port destinationPort: UInt16 = 500,
        at timestamp: PcapTimestamp
    ) throws(CaptureError) {
        let natT = UDPEncapsulation.natTraversalPort
        let onNATT = sourcePort == natT || destinationPort == natT
        let payload = onNATT ? UDPEncapsulation.frameIKE(message) : message
        let datagram = UDPDatagram(
            sourcePort: sourcePort, destinationPort: destinationPort, payload: payload)
        try append(
            framing { () throws(IPsecError) in
                try IPPacket(udp: datagram, source: source, destination: destination)
            }, at: timestamp)
    }

    /// Adds the ESP packet `esp` (SPI through ICV) between two addresses: as IP protocol 50,
    /// or inside UDP with the given encapsulation's ports (RFC 3948).
    public mutating func appendESP(
        _ esp: [UInt8], from source: IPAddress, to destination: IPAddress,
        udpEncapsulation: UDPEncapsulation? = nil, at timestamp: PcapTimestamp
    ) throws(CaptureError) {
        let packet = try framing { () throws(IPsecError) -> IPPacket in
            guard let udpEncapsulation else {
                return try IPPacket(
                    source: source, destination: destination,
                    protocolNumber: IPProtocolNumber.esp, payload: esp)
            }
            let datagram = UDPDatagram(
                sourcePort: udpEncapsulation.sourcePort,
                destinationPort: udpEncapsulation.destinationPort,
                payload: try UDPEncapsulation.frameESP(esp))
            return try IPPacket(
                udp: datagram, source: source, destination: destination, zeroChecksum: true)
        }
        try append(packet, at: timestamp)
    }

    private func framing(_ body: () throws(IPsecError) -> IPPacket) throws(CaptureError)
        -> IPPacket
    {
        do {
            return try body()
        } catch {
            throw CaptureError(.framing, error.description)
        }
    }
}
