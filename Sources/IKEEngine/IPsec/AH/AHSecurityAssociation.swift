import IKECore
import IKECrypto

/// One AH security association (RFC 4302): integrity and origin authentication of a
/// whole IP packet, its immutable header fields included, without encryption.
///
/// In transport mode the AH header sits between the packet's IP header and its payload;
/// in tunnel mode it follows a new outer header and protects the whole inner packet.
/// The SA is a value: sealing advances its sequence counter, opening its replay window.
///
/// Not yet supported, each rejected with a typed error: IPv4 options and IPv6 extension
/// headers in the protected packet (RFC 4302 section 3.3.3.1 classifies them as mutable
/// or not; `unsupportedHeader`), and AES-GMAC as AH integrity (RFC 4543 section 3.2;
/// `unsupportedAlgorithm`).
public struct AHSecurityAssociation: Sendable {
    /// The SPI the receiver chose.
    public let spi: UInt32
    /// The integrity algorithm.
    public let integrity: IntegrityAlgorithm
    /// Whether 64-bit extended sequence numbers are in use (RFC 4302 section 2.5.1).
    public let extendedSequenceNumbers: Bool
    /// Transport or tunnel mode.
    public let mode: IPsecEncapsulation
    /// The receiver's anti-replay window.
    public internal(set) var replayWindow = AntiReplayWindow()

    var counter = OutboundSequenceCounter()
    private let transform: IntegrityTransform

    /// An SA with its integrity algorithm and key (`integrity.info.keyLength` octets).
    public init(
        spi: UInt32, integrity: IntegrityAlgorithm, integrityKey: SecretBytes,
        extendedSequenceNumbers: Bool = false, mode: IPsecEncapsulation = .transport
    ) throws(IPsecError) {
        guard spi > 255 else {
            throw IPsecError(.invalidConfiguration, "SPI \(spi) is reserved (0-255)")
        }
        switch integrity {
        case .aes128GMAC, .aes192GMAC, .aes256GMAC:
            throw IPsecError(
                .unsupportedAlgorithm, "\(integrity.info.ianaName) in AH is not implemented")
        default:
            break
        }
        self.transform = try IPsecCrypto.run("AH") {
            try IntegrityTransform(integrity, key: integrityKey)
        }
        self.spi = spi
        self.integrity = integrity
        self.extendedSequenceNumbers = extendedSequenceNumbers
        self.mode = mode
    }

    /// The last sequence number sealed (0 before the first packet).
    public var lastSequenceNumber: UInt64 { counter.last }

    /// The packet to send for `packet`: transport mode inserts AH after its header (next
    /// header: its protocol); tunnel mode puts AH and all of `packet` behind a new header
    /// between the SA's tunnel addresses (next header 4 or 41).
    public mutating func sealPacket(_ packet: IPPacket) throws(IPsecError) -> IPPacket {
        let sequenceNumber = try counter.next(extended: extendedSequenceNumbers)
        var outer: IPPacket
        let nextHeader: UInt8
        let protected: [UInt8]
        switch mode {
        case .transport:
            outer = packet
            nextHeader = packet.protocolNumber
            protected = packet.payload
        case .tunnel(let source, let destination):
            outer = try IPPacket(
                source: source, destination: destination, protocolNumber: IPProtocolNumber.ah,
                payload: [])
            nextHeader = packet.tunnelNextHeader
            protected = try packet.encoded()
        }

        let fieldLength = AHHeader.icvFieldLength(
            icvLength: transform.icvLength, ipv4: outer.isIPv4)
        var header = AHHeader(
            nextHeader: nextHeader, spi: spi,
            sequenceNumber: UInt32(truncatingIfNeeded: sequenceNumber),
            icvField: [UInt8](repeating: 0, count: fieldLength))
        outer.protocolNumber = IPProtocolNumber.ah
        outer.payload = header.encode() + protected

        let input = try icvInput(outer, sequenceNumber: sequenceNumber)
        let icv = try IPsecCrypto.run("AH") { try transform.icv(for: input) }
        header.icvField = icv + [UInt8](repeating: 0, count: fieldLength - icv.count)
        outer.payload = header.encode() + protected
        return outer
    }

    /// The packet `packet` protects, after its SPI, sequence number (`replayedPacket`,
    /// `staleSequenceNumber`) and ICV (`authenticationFailed`) are checked: in transport
    /// mode `packet` without AH, in tunnel mode the inner packet.
    public mutating func openPacket(_ packet: IPPacket) throws(IPsecError) -> IPPacket {
        // RFC 8200 section 4: hop-by-hop, routing, fragment and destination options
        // headers may precede AH; this layer does not walk them.
        guard ![0, 43, 44, 60].contains(packet.protocolNumber) || packet.isIPv4 else {
            throw IPsecError(.unsupportedHeader, "IPv6 extension headers before AH")
        }
        guard packet.protocolNumber == IPProtocolNumber.ah else {
            throw IPsecError(
                .unexpectedProtocol, "protocol \(packet.protocolNumber) is not AH (51)")
        }
        let (header, length) = try AHHeader.decode(packet.payload, ipv4: packet.isIPv4)
        guard header.spi == spi else {
            throw IPsecError(.unknownSPI, "SPI \(spi: header.spi) is not this SA's \(spi: spi)")
        }
        guard header.icvField.count >= transform.icvLength else {
            throw IPsecError(
                .malformed, "an ICV field of \(header.icvField.count) octets is too short")
        }
        let sequenceNumber =
            extendedSequenceNumbers
            ? replayWindow.inferExtendedSequenceNumber(low: header.sequenceNumber)
            : UInt64(header.sequenceNumber)
        try replayWindow.check(sequenceNumber)

        // RFC 4302 section 3.3.3.1: the ICV counts as zero while computing; the reserved
        // field (section 2.3) and the ICV field's padding (section 2.6) count as received.
        var covered = packet
        let icvEnd = AHHeader.fixedLength + transform.icvLength
        for index in AHHeader.fixedLength..<icvEnd { covered.payload[index] = 0 }
        let protected = Array(packet.payload[length...])
        let input = try icvInput(covered, sequenceNumber: sequenceNumber)
        let received = Array(header.icvField.prefix(transform.icvLength))
        let valid = try IPsecCrypto.run("AH") {
            try transform.verify(icv: received, for: input)
        }
        guard valid else {
            throw IPsecError(.authenticationFailed, "the AH ICV does not verify")
        }
        replayWindow.accept(sequenceNumber)

        switch mode {
        case .transport:
            var result = packet
            result.protocolNumber = header.nextHeader
            result.payload = protected
            return result
        case .tunnel:
            let inner = try IPPacket(parsing: protected)
            guard inner.tunnelNextHeader == header.nextHeader else {
                throw IPsecError(
                    .addressFamilyMismatch,
                    "next header \(header.nextHeader) does not announce the inner packet")
            }
            return inner
        }
    }

    /// What the ICV covers: `packet` (AH with a zero ICV field) with mutable header
    /// fields zeroed, and with ESN the high-order sequence bits appended (RFC 4302 section
    /// 2.5.1).
    private func icvInput(_ packet: IPPacket, sequenceNumber: UInt64) throws(IPsecError)
        -> [UInt8]
    {
        var input = try AHMutableFields.zeroed(packet)
        if extendedSequenceNumbers {
            var writer = IPsecWriter(capacity: 4)
            writer.uint32(UInt32(truncatingIfNeeded: sequenceNumber >> 32))
            input += writer.bytes
        }
        return input
    }
}
