import IKECore
import IKEEngine

// DESIGN.md, "What verified means", point 5: a test packet sealed with each outbound SA
// opens on the other end. An ICMP echo request (RFC 792, RFC 4443 section 4) from an
// address inside the initiator's selectors to one inside the responder's is sealed with
// the initiator's outbound ESP or AH SA (RFC 4303, RFC 4302), carried as octets, opened
// with the responder's inbound SA from the responder's own keys, and answered with an
// echo reply through the opposite pair. Each end uses only the keys it derived itself,
// so a key that differs fails the check.

/// The packet check of one Child SA.
struct PacketCheck {
    /// The initiator's IKE address (the tunnel's end on its side).
    let initiatorAddress: IPAddress
    /// The responder's IKE address.
    let responderAddress: IPAddress
    /// Where IVs and padding come from.
    let random: RandomSource

    /// What the check found, and the sealed packets as they would cross the wire.
    struct Result {
        let passed: Bool
        let detail: String
        let packets: [[UInt8]]
    }

    func run(_ child: AgreedChildSA, initiator: String, responder: String) -> Result {
        guard let (source, sourceAdmits) = Self.host(in: child.initiatorSelectors),
            let (destination, destinationAdmits) = Self.host(in: child.responderSelectors),
            source.isIPv4 == destination.isIPv4
        else {
            return Result(
                passed: false,
                detail: "the two sides' selectors are of different address families",
                packets: [])
        }
        // The SA seals whatever it is given: selectors that admit only some protocol (TCP
        // port 443) are checked with the echo all the same, and the report says so.
        let note =
            sourceAdmits && destinationAdmits
            ? "" : " (the selectors do not admit ICMP; the SA is checked with it all the same)"
        do {
            // The request, initiator to responder.
            let request = try ICMPEcho.makeEchoRequest(
                from: source, to: destination, identifier: 0x1EC, sequence: 1,
                payload: Array("ikec packet check".utf8))
            var outbound = try Sealer(
                child.initiatorView, outbound: true, from: initiatorAddress, to: responderAddress)
            var inbound = try Sealer(
                child.responderView, outbound: false, from: initiatorAddress, to: responderAddress)
            let sealedRequest = try outbound.seal(request, random: random)
            let openedRequest = try inbound.open(sealedRequest)
            guard try openedRequest.encoded() == request.encoded() else {
                return Result(
                    passed: false, detail: "the request opened to a different packet",
                    packets: [sealedRequest])
            }

            // The reply, responder to initiator.
            let reply = try ICMPEcho.echoReply(for: openedRequest)
            var back = try Sealer(
                child.responderView, outbound: true, from: responderAddress, to: initiatorAddress)
            var home = try Sealer(
                child.initiatorView, outbound: false, from: responderAddress, to: initiatorAddress)
            let sealedReply = try back.seal(reply, random: random)
            let openedReply = try home.open(sealedReply)
            guard try openedReply.encoded() == reply.encoded() else {
                return Result(
                    passed: false, detail: "the reply opened to a different packet",
                    packets: [sealedRequest, sealedReply])
            }
            let kind = child.protocolID == .ah ? "AH" : "ESP"
            return Result(
                passed: true,
                detail: "ICMP echo \(source) -> \(destination) sealed by \(initiator) with \(kind) "
                    + "SPI \(NegotiationTextRenderer.hex32(child.initiatorToResponderSPI)) "
                    + "(\(sealedRequest.count) octets) opened by \(responder); the reply sealed by "
                    + "\(responder) with SPI "
                    + "\(NegotiationTextRenderer.hex32(child.responderToInitiatorSPI)) opened by "
                    + "\(initiator)\(note)",
                packets: [sealedRequest, sealedReply])
        } catch {
            return Result(passed: false, detail: "\(error)", packets: [])
        }
    }

    /// A host inside the first selector that admits ICMP (any protocol, every port), or
    /// else inside the first selector, and whether it admits ICMP: the address after the
    /// first (not the network's own address) when there is one.
    static func host(in selectors: [TrafficSelector]) -> (IPAddress, admitsICMP: Bool)? {
        let admitting = selectors.first { selector in
            let icmp: UInt8 = selector.isIPv4 ? 1 : 58
            return selector.isAnyProtocolAndPort
                || (selector.ipProtocol == icmp && selector.startPort == 0
                    && selector.endPort == 65535)
        }
        guard let selector = admitting ?? selectors.first else { return nil }
        guard selector.startAddress < selector.endAddress,
            let next = successor(selector.startAddress), next <= selector.endAddress
        else { return (selector.startAddress, admitting != nil) }
        return (next, admitting != nil)
    }

    private static func successor(_ address: IPAddress) -> IPAddress? {
        var octets = address.octets
        for index in octets.indices.reversed() {
            if octets[index] < 0xFF {
                octets[index] += 1
                return IPAddress(octets: octets)
            }
            octets[index] = 0
        }
        return nil
    }
}

/// One direction of a Child SA as the IPsec layer's ESP or AH SA, built from one end's
/// own view: its outbound keys to seal, or its inbound keys to open.
private struct Sealer {
    private var esp: ESPSecurityAssociation?
    private var ah: AHSecurityAssociation?

    init(_ view: ChildSA, outbound: Bool, from source: IPAddress, to destination: IPAddress)
        throws(IPsecError)
    {
        let spi = outbound ? view.outboundSPI : view.inboundSPI
        let keys = view.keys
        let encryptionKey = outbound ? keys.outboundEncryptionKey : keys.inboundEncryptionKey
        let integrityKey = outbound ? keys.outboundIntegrityKey : keys.inboundIntegrityKey
        let mode: IPsecEncapsulation =
            view.mode == .transport
            ? .transport : .tunnel(source: source, destination: destination)
        switch view.protocolID {
        case .ah:
            guard let integrity = view.integrity else {
                throw IPsecError(.invalidConfiguration, "the AH SA has no integrity algorithm")
            }
            ah = try AHSecurityAssociation(
                spi: spi, integrity: integrity, integrityKey: integrityKey,
                extendedSequenceNumbers: view.usesExtendedSequenceNumbers, mode: mode)
        case .esp, .ike:
            guard let cipher = view.cipher else {
                throw IPsecError(.invalidConfiguration, "the ESP SA has no cipher")
            }
            esp = try ESPSecurityAssociation(
                spi: spi, cipher: cipher, encryptionKey: encryptionKey,
                integrity: view.integrity, integrityKey: view.integrity == nil ? nil : integrityKey,
                extendedSequenceNumbers: view.usesExtendedSequenceNumbers, mode: mode,
                udpEncapsulation: view.usesUDPEncapsulation ? UDPEncapsulation() : nil)
        }
    }

    /// The packet as it leaves, encoded.
    mutating func seal(_ packet: IPPacket, random: RandomSource) throws(IPsecError) -> [UInt8] {
        if var sa = esp {
            defer { esp = sa }
            return try sa.sealPacket(packet, random: random).encoded()
        }
        guard var sa = ah else {
            throw IPsecError(.invalidConfiguration, "no security association")
        }
        defer { ah = sa }
        return try sa.sealPacket(packet).encoded()
    }

    /// The protected packet, from the octets received.
    mutating func open(_ octets: [UInt8]) throws(IPsecError) -> IPPacket {
        let packet = try IPPacket(parsing: octets)
        if var sa = esp {
            defer { esp = sa }
            return try sa.openPacket(packet)
        }
        guard var sa = ah else {
            throw IPsecError(.invalidConfiguration, "no security association")
        }
        defer { ah = sa }
        return try sa.openPacket(packet)
    }
}
