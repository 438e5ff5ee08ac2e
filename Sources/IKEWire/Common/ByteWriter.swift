/// An append-only big-endian octet buffer with length fields patched after the fact.
struct ByteWriter {
    /// The octets written so far.
    private(set) var bytes: [UInt8]

    /// An empty buffer with room for `capacity` octets.
    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Octets written so far.
    var count: Int { bytes.count }

    /// Appends one octet.
    mutating func write(_ value: UInt8) { bytes.append(value) }

    /// Appends a big-endian 16-bit value.
    mutating func write(_ value: UInt16) { appendBigEndian(value) }

    /// Appends a big-endian 32-bit value.
    mutating func write(_ value: UInt32) { appendBigEndian(value) }

    /// Appends a big-endian 64-bit value.
    mutating func write(_ value: UInt64) { appendBigEndian(value) }

    // One append of the value's network-order octets instead of one append per octet,
    // seen as typed octets: appending a raw buffer takes the element-by-element path,
    // a typed one a single copy.
    private mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { raw in
            raw.withMemoryRebound(to: UInt8.self) { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends octets.
    mutating func write(_ octets: [UInt8]) { bytes.append(contentsOf: octets) }

    /// Appends `count` zero octets (RESERVED fields).
    mutating func writeZeros(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0, count: count))
    }

    /// Overwrites the 16-bit field at `index` with the number of octets from `start` to
    /// the current end; throws when that does not fit 16 bits.
    mutating func patchLength16(at index: Int, from start: Int, payloadType: UInt8?)
        throws(WireError)
    {
        let length = count - start
        guard let value = UInt16(exactly: length) else {
            throw WireError(
                .valueTooLarge, payloadType: payloadType, offset: start,
                detail: "length \(length) does not fit a 16-bit length field")
        }
        // index was returned by our own write position bookkeeping, so it is in range.
        bytes[index] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[index + 1] = UInt8(truncatingIfNeeded: value)
    }

    /// Overwrites the 32-bit field at `index` with `value`.
    mutating func patch32(at index: Int, _ value: UInt32) {
        for step in 0..<4 {
            bytes[index + step] = UInt8(truncatingIfNeeded: value >> UInt32(24 - 8 * step))
        }
    }
}

extension UInt8 {
    /// `value` as an octet count field, or a `valueTooLarge` error naming `what`.
    static func field(_ value: Int, _ what: String, payloadType: UInt8?, offset: Int)
        throws(WireError) -> UInt8
    {
        guard let field = UInt8(exactly: value) else {
            throw WireError(
                .valueTooLarge, payloadType: payloadType, offset: offset,
                detail: "\(what) \(value) does not fit one octet")
        }
        return field
    }
}

extension UInt16 {
    /// `value` as a 16-bit count field, or a `valueTooLarge` error naming `what`.
    static func field(_ value: Int, _ what: String, payloadType: UInt8?, offset: Int)
        throws(WireError) -> UInt16
    {
        guard let field = UInt16(exactly: value) else {
            throw WireError(
                .valueTooLarge, payloadType: payloadType, offset: offset,
                detail: "\(what) \(value) does not fit two octets")
        }
        return field
    }
}
