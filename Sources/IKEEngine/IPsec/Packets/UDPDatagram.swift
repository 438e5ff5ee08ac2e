import IKECore

/// A UDP datagram (RFC 768).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-------------------------------+-------------------------------+
///     |          Source Port          |       Destination Port        |
///     +-------------------------------+-------------------------------+
///     |            Length             |           Checksum            |
///     +-------------------------------+-------------------------------+
///     |                          data ...                             |
///
/// The checksum covers the RFC 768 / RFC 8200 section 8.1 pseudo-header, the UDP header
/// and the data; zero means "not computed", which only IPv4 allows.
public struct UDPDatagram: Sendable, Hashable {
    /// The UDP header's length in octets.
    public static let headerLength = 8

    /// The source port.
    public var sourcePort: UInt16
    /// The destination port.
    public var destinationPort: UInt16
    /// The data after the header.
    public var payload: [UInt8]

    /// A datagram from its parts.
    public init(sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8]) {
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.payload = payload
    }

    /// The datagram's octets between `source` and `destination`. The checksum is computed
    /// unless `zeroChecksum` is set, which IPv4 allows and RFC 3948 section 3.1 recommends
    /// for ESP in UDP; IPv6 always gets one (RFC 8200 section 8.1).
    public func encode(source: IPAddress, destination: IPAddress, zeroChecksum: Bool = false)
        throws(IPsecError) -> [UInt8]
    {
        let length = Self.headerLength + payload.count
        guard length <= 0xFFFF else {
            throw IPsecError(.packetTooLarge, "a UDP datagram of \(length) octets")
        }
        guard source.isIPv4 == destination.isIPv4 else {
            throw IPsecError(.addressFamilyMismatch, "UDP between different address families")
        }
        var writer = IPsecWriter(capacity: length)
        writer.uint16(sourcePort)
        writer.uint16(destinationPort)
        writer.uint16(UInt16(length))
        writer.uint16(0)
        writer.append(payload)
        if !(zeroChecksum && source.isIPv4) {
            let pseudo = InternetChecksum.pseudoHeader(
                source: source, destination: destination, protocolNumber: IPProtocolNumber.udp,
                length: length)
            let checksum = InternetChecksum.compute(pseudo, writer.bytes)
            // RFC 768: a computed checksum of zero is sent as all ones.
            writer.patch16(checksum == 0 ? 0xFFFF : checksum, at: 6)
        }
        return writer.bytes
    }

    /// Reads a datagram carried from `source` to `destination`: the length field must match
    /// the input, and a non-zero checksum (any checksum for IPv6) must verify.
    public init(parsing bytes: [UInt8], source: IPAddress, destination: IPAddress)
        throws(IPsecError)
    {
        let reader = IPsecReader(bytes, "UDP header")
        let length = Int(try reader.uint16(at: 4))
        guard length >= Self.headerLength, length == bytes.count else {
            throw IPsecError(
                .malformed, "UDP length \(length) disagrees with the \(bytes.count) octets")
        }
        let checksum = try reader.uint16(at: 6)
        if checksum != 0 || !source.isIPv4 {
            let pseudo = InternetChecksum.pseudoHeader(
                source: source, destination: destination, protocolNumber: IPProtocolNumber.udp,
                length: length)
            guard InternetChecksum.compute(pseudo, bytes) == 0 else {
                throw IPsecError(.badChecksum, "UDP checksum does not verify")
            }
        }
        sourcePort = try reader.uint16(at: 0)
        destinationPort = try reader.uint16(at: 2)
        payload = try reader.rest(from: Self.headerLength)
    }
}

extension IPPacket {
    /// An IP packet carrying `datagram` from `source` to `destination`.
    public init(
        udp datagram: UDPDatagram, source: IPAddress, destination: IPAddress,
        zeroChecksum: Bool = false
    ) throws(IPsecError) {
        let bytes = try datagram.encode(
            source: source, destination: destination, zeroChecksum: zeroChecksum)
        try self.init(
            source: source, destination: destination, protocolNumber: IPProtocolNumber.udp,
            payload: bytes)
    }

    /// The UDP datagram this packet carries; `unexpectedProtocol` if it carries another.
    public func udpDatagram() throws(IPsecError) -> UDPDatagram {
        guard protocolNumber == IPProtocolNumber.udp else {
            throw IPsecError(.unexpectedProtocol, "protocol \(protocolNumber) is not UDP")
        }
        return try UDPDatagram(parsing: payload, source: source, destination: destination)
    }
}
