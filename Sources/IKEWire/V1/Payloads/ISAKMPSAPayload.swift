// RFC 2408 section 3.4 and RFC 2407 section 4.6.1: the SA payload holds a DOI, a
// situation, and Proposal payloads, which hold Transform payloads (sections 3.5, 3.6).
// The SA payload's length covers all of them.
//
//   SA payload body:
//    0                   1                   2                   3
//   +---------------------------------------------------------------+
//   |              Domain of Interpretation (1: IPsec)              |
//   +---------------------------------------------------------------+
//   |              Situation (1: SIT_IDENTITY_ONLY)                 |
//   +---------------------------------------------------------------+
//   ~                     Proposal payloads                         ~
//   +---------------------------------------------------------------+
//
//   Proposal payload:
//   +---------------+---------------+-------------------------------+
//   | 0 last, 2 more|   RESERVED    |   Payload Length (all of it)  |
//   +---------------+---------------+---------------+---------------+
//   |  Proposal #   |  Protocol-Id  |   SPI Size    |# of Transforms|
//   +---------------+---------------+---------------+---------------+
//   ~                     SPI (SPI Size octets)                     ~
//   ~                     Transform payloads                        ~
//   +---------------------------------------------------------------+
//
//   Transform payload:
//   +---------------+---------------+-------------------------------+
//   | 0 last, 3 more|   RESERVED    |   Payload Length (all of it)  |
//   +---------------+---------------+-------------------------------+
//   |  Transform #  | Transform-Id  |          RESERVED2            |
//   +---------------+---------------+-------------------------------+
//   ~                    SA Attributes (DataAttribute)              ~
//   +---------------------------------------------------------------+

/// The SA payload: DOI, situation and proposals (RFC 2408 section 3.4).
///
/// Does not decode the labeled-domain fields that RFC 2407 section 4.6.1 appends to the
/// situation when SIT_SECRECY or SIT_INTEGRITY is set: such a payload is rejected with
/// `unsupportedValue`. No IKE implementation in use sends them. For a DOI other than IPsec
/// the situation is read as four octets, as RFC 2408 section 3.4 lays it out.
public struct ISAKMPSAPayload: Hashable, Sendable {
    /// DOI 1: IPsec (RFC 2407).
    public static let ipsecDOI: UInt32 = 1
    /// Situation SIT_IDENTITY_ONLY.
    public static let identityOnly: UInt32 = 1

    /// The Domain of Interpretation.
    public var doi: UInt32
    /// The Situation bitmap.
    public var situation: UInt32
    /// The proposals. Consecutive proposals with the same number form one bundle (AND),
    /// different numbers are alternatives (OR), RFC 2408 section 4.2.
    public var proposals: [ISAKMPProposal]

    /// An SA payload; by default for the IPsec DOI with SIT_IDENTITY_ONLY.
    public init(
        doi: UInt32 = ISAKMPSAPayload.ipsecDOI, situation: UInt32 = ISAKMPSAPayload.identityOnly,
        proposals: [ISAKMPProposal]
    ) {
        self.doi = doi
        self.situation = situation
        self.proposals = proposals
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        doi = try reader.field32("DOI", in: type)
        situation = try reader.field32("Situation", in: type)
        guard doi != Self.ipsecDOI || situation & 0x06 == 0 else {
            throw WireError(
                .unsupportedValue, payloadType: type, offset: reader.position - 4,
                detail: "situation \(situation) needs labeled-domain data")
        }
        var proposals: [ISAKMPProposal] = []
        while !reader.isAtEnd {
            let (proposal, next) = try ISAKMPProposal.read(from: &reader, type: type)
            let expected: UInt8 = reader.isAtEnd ? 0 : 2
            guard next == expected else {
                throw reader.malformed(
                    "proposal \(proposal.number) says next payload \(next), \(expected) expected",
                    in: type)
            }
            proposals.append(proposal)
        }
        self.proposals = proposals
    }

    func write(to writer: inout ByteWriter, type: UInt8) throws(WireError) {
        writer.write(doi)
        writer.write(situation)
        for (index, proposal) in proposals.enumerated() {
            let last = index == proposals.count - 1
            try proposal.write(to: &writer, type: type, next: last ? 0 : 2)
        }
    }
}

/// A Proposal payload: number, protocol, SPI and transforms (RFC 2408 section 3.5).
public struct ISAKMPProposal: Hashable, Sendable {
    /// Protocol-Id 4: IPCOMP (RFC 2407 section 4.4.1), which `SecurityProtocol` lacks.
    public static let ipcompProtocolID: UInt8 = 4

    /// The Proposal #.
    public var number: UInt8
    /// The Protocol-Id: 1 ISAKMP, 2 AH, 3 ESP, 4 IPCOMP.
    public var protocolID: UInt8
    /// The SPI: empty (or 16 octets of cookies) for ISAKMP, 4 octets for AH and ESP.
    public var spi: [UInt8]
    /// The transforms, alternatives in preference order.
    public var transforms: [ISAKMPTransform]

    /// A proposal from wire values.
    public init(number: UInt8, protocolID: UInt8, spi: [UInt8], transforms: [ISAKMPTransform]) {
        self.number = number
        self.protocolID = protocolID
        self.spi = spi
        self.transforms = transforms
    }

    static func read(from reader: inout ByteReader, type: UInt8) throws(WireError)
        -> (proposal: ISAKMPProposal, next: UInt8)
    {
        let next = try reader.field8("Next Payload", in: type)
        _ = try reader.field8("RESERVED", in: type)
        let length = try reader.field16("Payload Length", in: type)
        guard length >= 8 else {
            throw reader.malformed("proposal length \(length) is below 8", in: type)
        }
        var window = try reader.fieldWindow(Int(length) - 4, "proposal", in: type)

        let number = try window.field8("Proposal #", in: type)
        let protocolID = try window.field8("Protocol-Id", in: type)
        let spiSize = try window.field8("SPI Size", in: type)
        let count = try window.field8("# of Transforms", in: type)
        let spi = try window.fieldBytes(Int(spiSize), "SPI", in: type)

        var transforms: [ISAKMPTransform] = []
        transforms.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let (transform, transformNext) = try ISAKMPTransform.read(from: &window, type: type)
            let expected: UInt8 = index == Int(count) - 1 ? 0 : 3
            guard transformNext == expected else {
                throw window.malformed(
                    "transform \(index + 1) of \(count) says next payload \(transformNext), "
                        + "\(expected) expected", in: type)
            }
            transforms.append(transform)
        }
        guard window.isAtEnd else {
            throw window.malformed(
                "\(window.remaining) octets after the \(count) transforms of proposal \(number)",
                in: type)
        }
        let proposal = ISAKMPProposal(
            number: number, protocolID: protocolID, spi: spi, transforms: transforms)
        return (proposal, next)
    }

    func write(to writer: inout ByteWriter, type: UInt8, next: UInt8) throws(WireError) {
        let start = writer.count
        writer.write(next)
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
            try transform.write(to: &writer, type: type, next: last ? 0 : 3)
        }
        try writer.patchLength16(at: start + 2, from: start, payloadType: type)
    }
}

/// A Transform payload: number, transform ID and SA attributes (RFC 2408 section 3.6).
public struct ISAKMPTransform: Hashable, Sendable {
    /// Transform-Id 1 of the ISAKMP protocol: KEY_IKE (RFC 2407 section 4.4.2).
    public static let keyIKE: UInt8 = 1

    /// The Transform #.
    public var number: UInt8
    /// The Transform-Id, in the registry of the proposal's protocol.
    public var transformID: UInt8
    /// The SA attributes, in order.
    public var attributes: [DataAttribute]

    /// A transform from wire values.
    public init(number: UInt8, transformID: UInt8, attributes: [DataAttribute]) {
        self.number = number
        self.transformID = transformID
        self.attributes = attributes
    }

    static func read(from reader: inout ByteReader, type: UInt8) throws(WireError)
        -> (transform: ISAKMPTransform, next: UInt8)
    {
        let next = try reader.field8("Next Payload", in: type)
        _ = try reader.field8("RESERVED", in: type)
        let length = try reader.field16("Payload Length", in: type)
        guard length >= 8 else {
            throw reader.malformed("transform length \(length) is below 8", in: type)
        }
        var window = try reader.fieldWindow(Int(length) - 4, "transform", in: type)
        let number = try window.field8("Transform #", in: type)
        let id = try window.field8("Transform-Id", in: type)
        _ = try window.field16("RESERVED2", in: type)
        let attributes = try DataAttribute.readAll(from: &window, payloadType: type)
        return (ISAKMPTransform(number: number, transformID: id, attributes: attributes), next)
    }

    func write(to writer: inout ByteWriter, type: UInt8, next: UInt8) throws(WireError) {
        let start = writer.count
        writer.write(next)
        writer.write(UInt8(0))
        writer.write(UInt16(0))
        writer.write(number)
        writer.write(transformID)
        writer.write(UInt16(0))
        for attribute in attributes { try attribute.write(to: &writer, payloadType: type) }
        try writer.patchLength16(at: start + 2, from: start, payloadType: type)
    }
}
