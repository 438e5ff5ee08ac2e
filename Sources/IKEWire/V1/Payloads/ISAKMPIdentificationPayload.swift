// RFC 2407 section 4.6.2: the Identification payload of the IPsec DOI.
//
//    0                   1                   2                   3
//   +---------------+---------------+-------------------------------+
//   |   ID Type     |  Protocol ID  |             Port              |
//   +---------------+---------------+-------------------------------+
//   ~                     Identification Data                       ~
//   +---------------------------------------------------------------+

/// The ID payload: a phase 1 identity, or a quick mode client ID (IDci/IDcr) whose
/// protocol and port restrict the selector.
public struct ISAKMPIdentificationPayload: Hashable, Sendable {
    /// The ID type and data; see `IdentificationData.identity`.
    public var identification: IdentificationData
    /// The IP protocol (0: any; phase 1 IDs use 0 or 17).
    public var protocolID: UInt8
    /// The port (0: any; phase 1 IDs use 0 or 500).
    public var port: UInt16

    /// An ID payload.
    public init(_ identification: IdentificationData, protocolID: UInt8 = 0, port: UInt16 = 0) {
        self.identification = identification
        self.protocolID = protocolID
        self.port = port
    }

    /// The payload body after the generic header (IDii_b / IDir_b of RFC 2409 section
    /// 5), which HASH_I and HASH_R cover.
    public var bodyOctets: [UInt8] {
        var writer = ByteWriter(capacity: 4 + identification.data.count)
        write(to: &writer)
        return writer.bytes
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        let idType = try reader.field8("ID Type", in: type)
        protocolID = try reader.field8("Protocol ID", in: type)
        port = try reader.field16("Port", in: type)
        identification = IdentificationData(rawType: idType, data: reader.readRest())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(identification.rawType)
        writer.write(protocolID)
        writer.write(port)
        writer.write(identification.data)
    }
}
