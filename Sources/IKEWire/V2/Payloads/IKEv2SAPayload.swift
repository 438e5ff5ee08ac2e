// RFC 7296 section 3.3: the SA payload is a list of Proposal substructures, each a list
// of Transform substructures, each a list of attributes (section 3.3.5, DataAttribute).
//
// Proposal substructure (section 3.3.1):
//    0                   1                   2                   3
//   +---------------+---------------+-------------------------------+
//   | 0 last, 2 more|   RESERVED    |    Proposal Length (all of it)|
//   +---------------+---------------+---------------+---------------+
//   | Proposal Num  |  Protocol ID  |   SPI Size    | Num Transforms|
//   +---------------+---------------+---------------+---------------+
//   ~                   SPI (SPI Size octets)                       ~
//   +---------------------------------------------------------------+
//   ~                Transform substructures                        ~
//   +---------------------------------------------------------------+
//
// Transform substructure (section 3.3.2):
//   +---------------+---------------+-------------------------------+
//   | 0 last, 3 more|   RESERVED    |   Transform Length (all of it)|
//   +---------------+---------------+-------------------------------+
//   |Transform Type |   RESERVED    |         Transform ID          |
//   +---------------+---------------+-------------------------------+
//   ~                 Transform Attributes                          ~
//   +---------------------------------------------------------------+

/// The SA payload: proposals in preference order (RFC 7296 section 3.3).
public struct IKEv2SAPayload: Hashable, Sendable {
    /// The proposals, most preferred first.
    public var proposals: [IKEv2Proposal]

    /// An SA payload.
    public init(proposals: [IKEv2Proposal]) { self.proposals = proposals }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        var proposals: [IKEv2Proposal] = []
        while !reader.isAtEnd {
            let (proposal, last) = try IKEv2Proposal.read(from: &reader, type: type)
            proposals.append(proposal)
            let expected: UInt8 = reader.isAtEnd ? 0 : 2
            guard last == expected else {
                throw reader.malformed(
                    "proposal \(proposal.number) says \(last) for Last Substruc, "
                        + "\(expected) expected here", in: type)
            }
        }
        self.proposals = proposals
    }

    func write(to writer: inout ByteWriter, type: UInt8) throws(WireError) {
        for (index, proposal) in proposals.enumerated() {
            let last = index == proposals.count - 1
            try proposal.write(to: &writer, type: type, lastSubstructure: last ? 0 : 2)
        }
    }
}

/// One Proposal substructure: a number, a protocol, an SPI and transforms.
public struct IKEv2Proposal: Hashable, Sendable {
    /// The Proposal Num: 1 for the first, increasing by one; a response echoes the chosen
    /// proposal's number.
    public var number: UInt8
    /// The Protocol ID number (1 IKE, 2 AH, 3 ESP); see `securityProtocol`.
    public var protocolID: UInt8
    /// The sender's SPI: empty in an initial IKE SA negotiation, 8 octets when rekeying
    /// an IKE SA, 4 octets for AH and ESP.
    public var spi: [UInt8]
    /// The transforms, in the order sent.
    public var transforms: [IKEv2Transform]

    /// A proposal from wire values.
    public init(number: UInt8, protocolID: UInt8, spi: [UInt8], transforms: [IKEv2Transform]) {
        self.number = number
        self.protocolID = protocolID
        self.spi = spi
        self.transforms = transforms
    }

    /// Reads one proposal and the Last Substruc value it carried.
    fileprivate static func read(from reader: inout ByteReader, type: UInt8) throws(WireError)
        -> (proposal: IKEv2Proposal, lastSubstructure: UInt8)
    {
        let last = try reader.field8("Last Substruc", in: type)
        _ = try reader.field8("RESERVED", in: type)
        let length = try reader.field16("Proposal Length", in: type)
        guard length >= 8 else {
            throw reader.malformed("proposal length \(length) is below 8", in: type)
        }
        var window = try reader.fieldWindow(Int(length) - 4, "proposal", in: type)

        let number = try window.field8("Proposal Num", in: type)
        let protocolID = try window.field8("Protocol ID", in: type)
        let spiSize = try window.field8("SPI Size", in: type)
        let count = try window.field8("Num Transforms", in: type)
        let spi = try window.fieldBytes(Int(spiSize), "SPI", in: type)

        var transforms: [IKEv2Transform] = []
        transforms.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let (transform, transformLast) = try IKEv2Transform.read(from: &window, type: type)
            let expected: UInt8 = index == Int(count) - 1 ? 0 : 3
            guard transformLast == expected else {
                throw window.malformed(
                    "transform \(index + 1) of \(count) says \(transformLast) "
                        + "for Last Substruc, \(expected) expected", in: type)
            }
            transforms.append(transform)
        }
        guard window.isAtEnd else {
            throw window.malformed(
                "\(window.remaining) octets after the \(count) transforms of proposal "
                    + "\(number)", in: type)
        }
        let proposal = IKEv2Proposal(
            number: number, protocolID: protocolID, spi: spi, transforms: transforms)
        return (proposal, last)
    }

    func write(to writer: inout ByteWriter, type: UInt8, lastSubstructure: UInt8)
        throws(WireError)
    {
        let start = writer.count
        writer.write(lastSubstructure)
        writer.write(UInt8(0))
        writer.write(UInt16(0))
        writer.write(number)
        writer.write(protocolID)
        writer.write(try UInt8.field(spi.count, "SPI size", payloadType: type, offset: start))
        writer.write(
            try UInt8.field(transforms.count, "transform count", payloadType: type, offset: start))
        writer.write(spi)
        for (index, transform) in transforms.enumerated() {
            let last = index == transforms.count - 1
            try transform.write(to: &writer, type: type, lastSubstructure: last ? 0 : 3)
        }
        try writer.patchLength16(at: start + 2, from: start, payloadType: type)
    }
}

/// One Transform substructure: a type, an ID and attributes, all kept as numbers so that
/// unknown transforms and attributes survive decoding.
public struct IKEv2Transform: Hashable, Sendable {
    /// The Transform Type number (1 ENCR, 2 PRF, 3 INTEG, 4 D-H, 5 ESN).
    public var type: UInt8
    /// The Transform ID number, in the registry of `type`.
    public var transformID: UInt16
    /// The attributes (in practice only Key Length, type 14).
    public var attributes: [DataAttribute]

    /// A transform from wire values.
    public init(type: UInt8, transformID: UInt16, attributes: [DataAttribute] = []) {
        self.type = type
        self.transformID = transformID
        self.attributes = attributes
    }

    /// Reads one transform and the Last Substruc value it carried.
    static func read(from reader: inout ByteReader, type payloadType: UInt8)
        throws(WireError) -> (transform: IKEv2Transform, lastSubstructure: UInt8)
    {
        let last = try reader.field8("Last Substruc", in: payloadType)
        _ = try reader.field8("RESERVED", in: payloadType)
        let length = try reader.field16("Transform Length", in: payloadType)
        guard length >= 8 else {
            throw reader.malformed("transform length \(length) is below 8", in: payloadType)
        }
        var window = try reader.fieldWindow(Int(length) - 4, "transform", in: payloadType)
        let type = try window.field8("Transform Type", in: payloadType)
        _ = try window.field8("RESERVED", in: payloadType)
        let id = try window.field16("Transform ID", in: payloadType)
        let attributes = try DataAttribute.readAll(from: &window, payloadType: payloadType)
        return (IKEv2Transform(type: type, transformID: id, attributes: attributes), last)
    }

    func write(to writer: inout ByteWriter, type payloadType: UInt8, lastSubstructure: UInt8)
        throws(WireError)
    {
        let start = writer.count
        writer.write(lastSubstructure)
        writer.write(UInt8(0))
        writer.write(UInt16(0))
        writer.write(type)
        writer.write(UInt8(0))
        writer.write(transformID)
        for attribute in attributes { try attribute.write(to: &writer, payloadType: payloadType) }
        try writer.patchLength16(at: start + 2, from: start, payloadType: payloadType)
    }
}
