// RFC 2408 section 3.3 (Data Attributes) and RFC 7296 section 3.3.5 (Transform
// Attributes): the same two shapes in both versions. The top bit of the first word, AF,
// picks the shape.
//
//   basic (AF = 1), a 16-bit value in place:
//     0                   1                   2                   3
//    +-+-----------------------------+-------------------------------+
//    |1|     Attribute Type (15)     |        Attribute Value        |
//    +-+-----------------------------+-------------------------------+
//
//   variable (AF = 0), a length and that many value octets:
//    +-+-----------------------------+-------------------------------+
//    |0|     Attribute Type (15)     |        Attribute Length       |
//    +-+-----------------------------+-------------------------------+
//    ~                 Attribute Value (Attribute Length octets)     ~
//    +---------------------------------------------------------------+

/// One data attribute of an ISAKMP transform, an IKEv2 transform, or an ISAKMP
/// Attribute payload. Unknown types are kept as numbers; their meaning is the caller's.
public struct DataAttribute: Hashable, Sendable {
    /// The two wire shapes of an attribute value.
    public enum Value: Hashable, Sendable {
        /// TV: a 16-bit value (AF bit set).
        case basic(UInt16)
        /// TLV: a length-prefixed value of up to 65,535 octets (AF bit clear).
        case variable([UInt8])
    }

    /// The Attribute Type, 15 bits (the AF bit is not part of it).
    public var type: UInt16
    /// The value and its shape.
    public var value: Value

    /// An attribute; `type` must be below 0x8000 or encoding throws `valueTooLarge`.
    public init(type: UInt16, value: Value) {
        self.type = type
        self.value = value
    }

    /// An integer attribute in the smallest form that holds it: basic when it fits 16 bits,
    /// else variable with 4 octets (or 8 above 32 bits), as life durations are sent.
    public static func integer(type: UInt16, _ value: UInt64) -> DataAttribute {
        if let small = UInt16(exactly: value) {
            return DataAttribute(type: type, value: .basic(small))
        }
        let width = value <= UInt64(UInt32.max) ? 4 : 8
        var octets: [UInt8] = []
        octets.reserveCapacity(width)
        for index in (0..<width).reversed() {
            octets.append(UInt8(truncatingIfNeeded: value >> UInt64(index * 8)))
        }
        return DataAttribute(type: type, value: .variable(octets))
    }

    /// The value as an unsigned integer: a basic value, or a variable value of 1 to 8
    /// octets read big-endian (leading zero octets beyond 8 are allowed); nil otherwise.
    public var integerValue: UInt64? {
        switch value {
        case .basic(let small):
            return UInt64(small)
        case .variable(let octets):
            guard !octets.isEmpty else { return nil }
            let significant = octets.drop { $0 == 0 }
            guard significant.count <= 8 else { return nil }
            return significant.reduce(0) { $0 << 8 | UInt64($1) }
        }
    }

    /// The basic (TV) value, or nil for a variable attribute.
    public var basicValue: UInt16? {
        if case .basic(let small) = value { return small }
        return nil
    }

    /// Reads one attribute; nil without consuming when the window does not hold a whole one.
    static func read(from reader: inout ByteReader) -> DataAttribute? {
        guard let word = reader.peekUInt16(), let second = reader.peekUInt16(at: 2) else {
            return nil
        }
        let type = word & 0x7FFF
        if word & 0x8000 != 0 {
            _ = reader.readWindow(4)
            return DataAttribute(type: type, value: .basic(second))
        }
        guard reader.remaining - 4 >= Int(second) else { return nil }
        _ = reader.readWindow(4)
        guard let octets = reader.readBytes(Int(second)) else { return nil }
        return DataAttribute(type: type, value: .variable(octets))
    }

    /// Reads attributes until the window ends; an incomplete one is `malformedPayload`.
    static func readAll(from reader: inout ByteReader, payloadType: UInt8) throws(WireError)
        -> [DataAttribute]
    {
        var attributes: [DataAttribute] = []
        if !reader.isAtEnd { attributes.reserveCapacity(reader.remaining / 4) }
        while !reader.isAtEnd {
            guard let attribute = read(from: &reader) else {
                throw reader.malformed("data attribute runs past its container", in: payloadType)
            }
            attributes.append(attribute)
        }
        return attributes
    }

    /// Writes the attribute, mirroring `read`.
    func write(to writer: inout ByteWriter, payloadType: UInt8) throws(WireError) {
        guard type < 0x8000 else {
            throw WireError(
                .valueTooLarge, payloadType: payloadType, offset: writer.count,
                detail: "attribute type \(type) does not fit 15 bits")
        }
        switch value {
        case .basic(let small):
            writer.write(type | 0x8000)
            writer.write(small)
        case .variable(let octets):
            writer.write(type)
            writer.write(
                try UInt16.field(
                    octets.count, "attribute length", payloadType: payloadType,
                    offset: writer.count))
            writer.write(octets)
        }
    }
}
