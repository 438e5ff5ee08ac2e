/// A bounds-checked cursor over a window of an octet array.
///
/// Every read either returns a whole item and advances, or returns nil and leaves the
/// cursor where it was; the caller, which knows the enclosing boundary, turns a nil into
/// one `WireError`. Offsets are absolute indices into the original array, so errors
/// report positions in the buffer the caller handed in.
struct ByteReader {
    /// The whole buffer; only `position..<end` is readable.
    let bytes: [UInt8]
    /// The index of the next octet to read.
    private(set) var position: Int
    /// One past the last readable index.
    let end: Int

    /// A reader over the whole buffer.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.position = 0
        self.end = bytes.count
    }

    // A window; callers pass a range already checked against the buffer.
    private init(bytes: [UInt8], position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    /// Octets left in the window.
    var remaining: Int { end - position }

    /// Whether the window is exhausted.
    var isAtEnd: Bool { position >= end }

    /// The next octet without consuming it.
    func peekUInt8(at offset: Int = 0) -> UInt8? {
        guard offset >= 0, offset < remaining else { return nil }
        return bytes[position + offset]
    }

    /// The two octets at `offset` from the cursor, big-endian, without consuming them.
    func peekUInt16(at offset: Int = 0) -> UInt16? {
        guard offset >= 0, remaining >= 2, offset <= remaining - 2 else { return nil }
        return UInt16(bytes[position + offset]) << 8 | UInt16(bytes[position + offset + 1])
    }

    /// One octet.
    mutating func readUInt8() -> UInt8? {
        guard position < end else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    /// A big-endian 16-bit value.
    mutating func readUInt16() -> UInt16? {
        guard let value = peekUInt16() else { return nil }
        position += 2
        return value
    }

    /// A big-endian 32-bit value.
    mutating func readUInt32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        var value: UInt32 = 0
        for index in position..<position + 4 { value = value << 8 | UInt32(bytes[index]) }
        position += 4
        return value
    }

    /// A big-endian 64-bit value.
    mutating func readUInt64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        var value: UInt64 = 0
        for index in position..<position + 8 { value = value << 8 | UInt64(bytes[index]) }
        position += 8
        return value
    }

    /// The next `count` octets as a new array.
    mutating func readBytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// Everything left in the window.
    mutating func readRest() -> [UInt8] {
        defer { position = end }
        return Array(bytes[position..<end])
    }

    /// A reader over the next `count` octets, which this reader skips.
    mutating func readWindow(_ count: Int) -> ByteReader? {
        guard count >= 0, count <= remaining else { return nil }
        defer { position += count }
        return ByteReader(bytes: bytes, position: position, end: position + count)
    }
}
