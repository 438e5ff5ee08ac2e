/// Big-endian reads from untrusted octets. Every read checks its bounds and throws
/// `truncated` instead of trapping, so a parser never indexes outside its input.
struct IPsecReader {
    /// The octets being read.
    let bytes: [UInt8]
    /// What is being parsed, for error contexts ("IPv4 header", "AH header").
    let subject: String

    /// A reader over `bytes`.
    init(_ bytes: [UInt8], _ subject: String) {
        self.bytes = bytes
        self.subject = subject
    }

    /// Throws unless `count` octets are available from `offset`.
    func require(_ count: Int, at offset: Int) throws(IPsecError) {
        guard offset >= 0, count >= 0, offset <= bytes.count, bytes.count - offset >= count
        else {
            throw IPsecError(
                .truncated,
                "\(subject) needs \(count) octets at offset \(offset), has \(bytes.count)")
        }
    }

    /// The octet at `offset`.
    func uint8(at offset: Int) throws(IPsecError) -> UInt8 {
        try require(1, at: offset)
        return bytes[offset]
    }

    /// The 16-bit value at `offset`.
    func uint16(at offset: Int) throws(IPsecError) -> UInt16 {
        try require(2, at: offset)
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    /// The 32-bit value at `offset`.
    func uint32(at offset: Int) throws(IPsecError) -> UInt32 {
        try require(4, at: offset)
        var value: UInt32 = 0
        for index in offset..<(offset + 4) { value = value << 8 | UInt32(bytes[index]) }
        return value
    }

    /// `count` octets from `offset`.
    func slice(_ offset: Int, _ count: Int) throws(IPsecError) -> [UInt8] {
        try require(count, at: offset)
        return Array(bytes[offset..<(offset + count)])
    }

    /// Everything from `offset` to the end.
    func rest(from offset: Int) throws(IPsecError) -> [UInt8] {
        try require(0, at: offset)
        return Array(bytes[offset...])
    }
}

/// Big-endian writes into a growing buffer.
struct IPsecWriter {
    /// The octets written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` octets.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends one octet.
    mutating func uint8(_ value: UInt8) { bytes.append(value) }

    /// Appends a 16-bit value.
    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends a 32-bit value.
    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    /// Appends a 64-bit value.
    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// Appends octets.
    mutating func append(_ octets: [UInt8]) { bytes.append(contentsOf: octets) }

    /// Overwrites a 16-bit value already written at `offset` (a checksum or length filled
    /// in after the fact); the offset is our own, inside what we wrote.
    mutating func patch16(_ value: UInt16, at offset: Int) {
        precondition(offset + 2 <= bytes.count, "patch16 beyond the written octets")
        bytes[offset] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }
}
