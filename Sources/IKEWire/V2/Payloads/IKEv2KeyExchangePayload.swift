import IKECore

// RFC 7296 section 3.4: the KE payload.
//
//    0                   1                   2                   3
//   +-------------------------------+-------------------------------+
//   |   Diffie-Hellman Group Num    |           RESERVED            |
//   +-------------------------------+-------------------------------+
//   ~                       Key Exchange Data                       ~
//   +---------------------------------------------------------------+

/// The KE payload: a group number and the sender's public value.
public struct IKEv2KeyExchangePayload: Hashable, Sendable {
    /// The Diffie-Hellman Group Num (Transform Type 4 numbering); see `dhGroup`.
    public var groupNumber: UInt16
    /// The public value, as the group's encoding defines it.
    public var keyData: [UInt8]

    /// A KE payload from wire values.
    public init(groupNumber: UInt16, keyData: [UInt8]) {
        self.groupNumber = groupNumber
        self.keyData = keyData
    }

    /// A KE payload for a known group.
    public init(group: DHGroup, keyData: [UInt8]) {
        self.init(groupNumber: group.rawValue, keyData: keyData)
    }

    /// The group, or nil for a number IKECore does not know.
    public var dhGroup: DHGroup? { DHGroup(rawValue: groupNumber) }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        groupNumber = try reader.field16("Diffie-Hellman Group Num", in: type)
        _ = try reader.field16("RESERVED", in: type)
        keyData = reader.readRest()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(groupNumber)
        writer.write(UInt16(0))
        writer.write(keyData)
    }
}
