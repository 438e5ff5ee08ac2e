// Throwing field reads for payload bodies. Inside a payload the Payload Length is the
// boundary, so a field that does not fit means the payload's lengths disagree: the error
// is `malformedPayload` at the field's offset, with the payload type as context.

extension ByteReader {
    /// One octet of payload `type`, or a `malformedPayload` error naming `field`.
    mutating func field8(_ field: String, in type: UInt8) throws(WireError) -> UInt8 {
        guard let value = readUInt8() else { throw missing(field, 1, in: type) }
        return value
    }

    /// A 16-bit field of payload `type`.
    mutating func field16(_ field: String, in type: UInt8) throws(WireError) -> UInt16 {
        guard let value = readUInt16() else { throw missing(field, 2, in: type) }
        return value
    }

    /// A 32-bit field of payload `type`.
    mutating func field32(_ field: String, in type: UInt8) throws(WireError) -> UInt32 {
        guard let value = readUInt32() else { throw missing(field, 4, in: type) }
        return value
    }

    /// `count` octets of payload `type`.
    mutating func fieldBytes(_ count: Int, _ field: String, in type: UInt8) throws(WireError)
        -> [UInt8]
    {
        guard let value = readBytes(count) else { throw missing(field, count, in: type) }
        return value
    }

    /// A window of `count` octets of payload `type` (a substructure).
    mutating func fieldWindow(_ count: Int, _ field: String, in type: UInt8) throws(WireError)
        -> ByteReader
    {
        guard let window = readWindow(count) else { throw missing(field, count, in: type) }
        return window
    }

    /// Throws `trailingOctets` unless the window is exhausted.
    func expectEnd(of what: String, in type: UInt8) throws(WireError) {
        guard isAtEnd else {
            throw WireError(
                .trailingOctets, payloadType: type, offset: position,
                detail: "\(remaining) octets after the end of the \(what)")
        }
    }

    /// A `malformedPayload` error at the cursor.
    func malformed(_ detail: String, in type: UInt8) -> WireError {
        WireError(.malformedPayload, payloadType: type, offset: position, detail: detail)
    }

    private func missing(_ field: String, _ size: Int, in type: UInt8) -> WireError {
        malformed("\(field) needs \(size) octets, \(max(remaining, 0)) remain", in: type)
    }
}
