// draft-dukes-ike-mode-cfg section 3.2: the Attribute payload of the Transaction
// exchange (Mode Config and XAUTH). Attributes use the DataAttribute shapes.
//
//    0                   1                   2                   3
//   +---------------+---------------+-------------------------------+
//   |   Type        |   RESERVED    |           Identifier          |
//   +---------------+---------------+-------------------------------+
//   ~                           Attributes                          ~
//   +---------------------------------------------------------------+

/// The ATTR payload: a request, reply, set or acknowledgement of attributes.
public struct ISAKMPAttributePayload: Hashable, Sendable {
    /// ISAKMP_CFG_REQUEST.
    public static let request: UInt8 = 1
    /// ISAKMP_CFG_REPLY.
    public static let reply: UInt8 = 2
    /// ISAKMP_CFG_SET.
    public static let set: UInt8 = 3
    /// ISAKMP_CFG_ACK.
    public static let ack: UInt8 = 4

    /// The message type (1 request, 2 reply, 3 set, 4 ack).
    public var type: UInt8
    /// The identifier that pairs a reply with its request.
    public var identifier: UInt16
    /// The attributes.
    public var attributes: [DataAttribute]

    /// An ATTR payload.
    public init(type: UInt8, identifier: UInt16, attributes: [DataAttribute]) {
        self.type = type
        self.identifier = identifier
        self.attributes = attributes
    }

    init(body reader: inout ByteReader, type payloadType: UInt8) throws(WireError) {
        type = try reader.field8("Type", in: payloadType)
        _ = try reader.field8("RESERVED", in: payloadType)
        identifier = try reader.field16("Identifier", in: payloadType)
        attributes = try DataAttribute.readAll(from: &reader, payloadType: payloadType)
    }

    func write(to writer: inout ByteWriter, type payloadType: UInt8) throws(WireError) {
        writer.write(type)
        writer.write(UInt8(0))
        writer.write(identifier)
        for attribute in attributes { try attribute.write(to: &writer, payloadType: payloadType) }
    }
}
