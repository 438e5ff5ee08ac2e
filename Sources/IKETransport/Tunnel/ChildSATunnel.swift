import IKECore
import IKEEngine

/// The two ESP SAs of one Child SA, ready to carry IP packets in UDP (RFC 3948): the
/// outbound SA seals with the SPI the peer chose, the inbound SA opens with ours.
///
/// Tunnel mode carries the whole packet (next header 4 or 41, RFC 4303 section 3.1.2);
/// transport mode carries the packet's payload under the protocol number and restores it
/// between the outer addresses on the way in.
struct ChildSATunnel {
    /// The Child SA as the engine reported it.
    let child: ChildSA
    /// Our outer address.
    let localAddress: IPAddress
    /// The peer's outer address.
    let remoteAddress: IPAddress

    private var outbound: ESPSecurityAssociation
    private var inbound: ESPSecurityAssociation

    /// The SAs of `child` between two outer addresses. `unsupportedChildSA` for AH (which
    /// cannot cross a NAT, RFC 3948 section 1), for ESP without UDP encapsulation (which
    /// needs a raw socket), or when the IPsec layer refuses the algorithms or keys.
    init(child: ChildSA, localAddress: IPAddress, remoteAddress: IPAddress)
        throws(TransportError)
    {
        guard child.protocolID == .esp else {
            throw TransportError(
                .unsupportedChildSA, "Child SA '\(child.name)' is AH, which UDP cannot carry")
        }
        guard child.usesUDPEncapsulation else {
            throw TransportError(
                .unsupportedChildSA,
                "Child SA '\(child.name)' does not use UDP encapsulation")
        }
        guard let cipher = child.cipher else {
            throw TransportError(
                .unsupportedChildSA, "Child SA '\(child.name)' has no encryption transform")
        }
        let keys = child.keys
        let integrity = child.integrity
        let extended = child.usesExtendedSequenceNumbers
        let encapsulation = UDPEncapsulation()
        do {
            outbound = try ESPSecurityAssociation(
                spi: child.outboundSPI, cipher: cipher, encryptionKey: keys.outboundEncryptionKey,
                integrity: integrity,
                integrityKey: integrity == nil ? nil : keys.outboundIntegrityKey,
                extendedSequenceNumbers: extended,
                mode: Self.mode(child.mode, from: localAddress, to: remoteAddress),
                udpEncapsulation: encapsulation)
            inbound = try ESPSecurityAssociation(
                spi: child.inboundSPI, cipher: cipher, encryptionKey: keys.inboundEncryptionKey,
                integrity: integrity,
                integrityKey: integrity == nil ? nil : keys.inboundIntegrityKey,
                extendedSequenceNumbers: extended,
                mode: Self.mode(child.mode, from: remoteAddress, to: localAddress),
                udpEncapsulation: encapsulation)
        } catch {
            throw TransportError(
                .unsupportedChildSA, "Child SA '\(child.name)': \(error.description)")
        }
        self.child = child
        self.localAddress = localAddress
        self.remoteAddress = remoteAddress
    }

    /// The ESP packet (SPI through ICV) that carries `packet` to the peer.
    mutating func seal(_ packet: IPPacket, random: some RandomSource) throws(TransportError)
        -> [UInt8]
    {
        do {
            switch child.mode {
            case .tunnel:
                return try outbound.seal(
                    payload: try packet.encoded(), nextHeader: packet.tunnelNextHeader,
                    random: random)
            case .transport:
                return try outbound.seal(
                    payload: packet.payload, nextHeader: packet.protocolNumber, random: random)
            }
        } catch {
            throw TransportError(.ipsecFailed, "sealing for '\(child.name)': \(error)")
        }
    }

    /// The IP packet an ESP packet from the peer carries, after its ICV, replay window and
    /// trailer checks.
    mutating func open(_ esp: [UInt8]) throws(TransportError) -> IPPacket {
        do {
            let opened = try inbound.open(esp)
            switch child.mode {
            case .tunnel:
                let inner = try IPPacket(parsing: opened.payload, allowingTrailingOctets: true)
                guard inner.tunnelNextHeader == opened.nextHeader else {
                    throw IPsecError(
                        .addressFamilyMismatch,
                        "next header \(opened.nextHeader) announces the other IP version")
                }
                return inner
            case .transport:
                return try IPPacket(
                    source: remoteAddress, destination: localAddress,
                    protocolNumber: opened.nextHeader, payload: opened.payload)
            }
        } catch {
            throw TransportError(.ipsecFailed, "opening for '\(child.name)': \(error)")
        }
    }

    private static func mode(_ mode: IPsecMode, from source: IPAddress, to destination: IPAddress)
        -> IPsecEncapsulation
    {
        switch mode {
        case .tunnel: return .tunnel(source: source, destination: destination)
        case .transport: return .transport
        }
    }
}
