// RFC 7383 section 2.5: the Encrypted and Authenticated Fragment payload (SKF). Like SK,
// with two numbering fields in front of the opaque part; only fragment 1 names the first
// inner payload, the others carry zero there.
//
//    0                   1                   2                   3
//   +---------------+-+-------------+-------------------------------+
//   | First inner   |C|  RESERVED   |         Payload Length        |
//   +---------------+-+-------------+-------------------------------+
//   |        Fragment Number        |        Total Fragments        |
//   +-------------------------------+-------------------------------+
//   ~   Initialization Vector, encrypted content, Integrity Checksum  ~
//   +---------------------------------------------------------------+

/// The SKF payload: one fragment of an encrypted message.
public struct IKEv2EncryptedFragmentPayload: Hashable, Sendable {
    /// The type of the first inner payload (fragment 1) or none (the others).
    public var firstInnerPayload: IKEv2PayloadType
    /// Fragment Number, from 1.
    public var fragmentNumber: UInt16
    /// Total Fragments.
    public var totalFragments: UInt16
    /// Initialization Vector, encrypted content and Integrity Checksum Data together.
    public var body: [UInt8]

    /// An SKF payload.
    public init(
        firstInnerPayload: IKEv2PayloadType, fragmentNumber: UInt16, totalFragments: UInt16,
        body: [UInt8]
    ) {
        self.firstInnerPayload = firstInnerPayload
        self.fragmentNumber = fragmentNumber
        self.totalFragments = totalFragments
        self.body = body
    }

    // RFC 7383 section 2.6: a fragment numbered zero or beyond the total is invalid.
    init(body reader: inout ByteReader, type: UInt8, firstInnerPayload: IKEv2PayloadType)
        throws(WireError)
    {
        let number = try reader.field16("Fragment Number", in: type)
        let total = try reader.field16("Total Fragments", in: type)
        guard number >= 1, number <= total else {
            throw reader.malformed("fragment \(number) of \(total)", in: type)
        }
        self.init(
            firstInnerPayload: firstInnerPayload, fragmentNumber: number, totalFragments: total,
            body: reader.readRest())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(fragmentNumber)
        writer.write(totalFragments)
        writer.write(body)
    }
}
