import IKECore

/// An ICMP echo request or reply: ICMP types 8 and 0 (RFC 792), ICMPv6 types 128 and 129
/// (RFC 4443 section 4).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +---------------+---------------+-------------------------------+
///     |     Type      |     Code      |           Checksum            |
///     +---------------+---------------+-------------------------------+
///     |           Identifier          |        Sequence Number        |
///     +-------------------------------+-------------------------------+
///     |     Data ...
///
/// The ICMP checksum covers the message; the ICMPv6 checksum also covers the RFC 8200
/// section 8.1 pseudo-header.
///
/// This is what ikec's verification sends through each Child SA: an echo request from an
/// address in one side's selector to one in the other's, opened there and answered.
public struct ICMPEcho: Sendable, Hashable {
    /// Whether this is a reply (type 0 or 129) rather than a request (type 8 or 128).
    public var isReply: Bool
    /// The identifier, echoed back in the reply.
    public var identifier: UInt16
    /// The sequence number, echoed back in the reply.
    public var sequenceNumber: UInt16
    /// The data, echoed back in the reply.
    public var data: [UInt8]

    /// An echo message from its parts.
    public init(isReply: Bool, identifier: UInt16, sequenceNumber: UInt16, data: [UInt8]) {
        self.isReply = isReply
        self.identifier = identifier
        self.sequenceNumber = sequenceNumber
        self.data = data
    }

    /// An IPv4 or IPv6 packet carrying an echo request from `source` to `destination`.
    public static func makeEchoRequest(
        from source: IPAddress, to destination: IPAddress, identifier: UInt16,
        sequence: UInt16, payload: [UInt8]
    ) throws(IPsecError) -> IPPacket {
        let request = ICMPEcho(
            isReply: false, identifier: identifier, sequenceNumber: sequence, data: payload)
        return try request.packet(from: source, to: destination)
    }

    /// The reply to the echo request `request` carries: addresses swapped, the same
    /// identifier, sequence number and data. `notAnEcho` if `request` is not an echo
    /// request; checksum and format errors as `init(parsing:)`.
    public static func echoReply(for request: IPPacket) throws(IPsecError) -> IPPacket {
        let echo = try ICMPEcho(parsing: request)
        guard !echo.isReply else {
            throw IPsecError(.notAnEcho, "the packet is an echo reply, not a request")
        }
        var reply = echo
        reply.isReply = true
        return try reply.packet(from: request.destination, to: request.source)
    }

    /// The echo message `packet` carries, its checksum verified; `unexpectedProtocol` when
    /// the packet is not ICMP (ICMPv6 for IPv6), `notAnEcho` for other ICMP types.
    public init(parsing packet: IPPacket) throws(IPsecError) {
        let expected = packet.isIPv4 ? IPProtocolNumber.icmp : IPProtocolNumber.icmpv6
        guard packet.protocolNumber == expected else {
            throw IPsecError(
                .unexpectedProtocol, "protocol \(packet.protocolNumber) is not \(expected)")
        }
        let bytes = packet.payload
        let reader = IPsecReader(bytes, "ICMP echo")
        try reader.require(8, at: 0)
        guard Self.checksum(bytes, in: packet) == 0 else {
            throw IPsecError(.badChecksum, "ICMP checksum does not verify")
        }
        let type = try reader.uint8(at: 0)
        let code = try reader.uint8(at: 1)
        let (request, reply) = Self.types(ipv4: packet.isIPv4)
        guard code == 0, type == request || type == reply else {
            throw IPsecError(.notAnEcho, "ICMP type \(type) code \(code) is not an echo")
        }
        isReply = type == reply
        identifier = try reader.uint16(at: 4)
        sequenceNumber = try reader.uint16(at: 6)
        data = try reader.rest(from: 8)
    }

    /// The message's octets as carried between `source` and `destination`.
    public func encode(from source: IPAddress, to destination: IPAddress) -> [UInt8] {
        let (request, reply) = Self.types(ipv4: source.isIPv4)
        var writer = IPsecWriter(capacity: 8 + data.count)
        writer.uint8(isReply ? reply : request)
        writer.uint8(0)
        writer.uint16(0)
        writer.uint16(identifier)
        writer.uint16(sequenceNumber)
        writer.append(data)
        var bytes = writer.bytes
        let sum = Self.checksum(bytes, source: source, destination: destination)
        bytes[2] = UInt8(truncatingIfNeeded: sum >> 8)
        bytes[3] = UInt8(truncatingIfNeeded: sum)
        return bytes
    }

    /// An IP packet carrying this message.
    public func packet(from source: IPAddress, to destination: IPAddress) throws(IPsecError)
        -> IPPacket
    {
        try IPPacket(
            source: source, destination: destination,
            protocolNumber: source.isIPv4 ? IPProtocolNumber.icmp : IPProtocolNumber.icmpv6,
            payload: encode(from: source, to: destination))
    }

    private static func types(ipv4: Bool) -> (request: UInt8, reply: UInt8) {
        ipv4 ? (8, 0) : (128, 129)
    }

    private static func checksum(_ bytes: [UInt8], in packet: IPPacket) -> UInt16 {
        checksum(bytes, source: packet.source, destination: packet.destination)
    }

    // RFC 792 checksums the message alone; RFC 4443 section 2.3 adds the pseudo-header.
    private static func checksum(_ bytes: [UInt8], source: IPAddress, destination: IPAddress)
        -> UInt16
    {
        guard !source.isIPv4 else { return InternetChecksum.compute(bytes) }
        let pseudo = InternetChecksum.pseudoHeader(
            source: source, destination: destination, protocolNumber: IPProtocolNumber.icmpv6,
            length: bytes.count)
        return InternetChecksum.compute(pseudo, bytes)
    }
}
