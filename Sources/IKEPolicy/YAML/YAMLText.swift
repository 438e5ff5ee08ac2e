/// Comparisons of scalar text.
enum YAMLText {
    /// The first eight bytes of `bytes` (fewer for a shorter text, zero-filled), as one
    /// number.
    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for index in 0..<min(bytes.count, 8) {
            head |= UInt64(bytes[index]) << (8 * UInt64(index))
        }
        return head
    }

    /// Whether the scalar `record` with text `bytes` is the UTF-8 of `expected`.
    static func equal(
        _ record: YAMLTree.Record, _ bytes: UnsafeBufferPointer<UInt8>, _ expected: String
    ) -> Bool {
        var expected = expected
        guard expected.utf8.count == bytes.count else { return false }
        return expected.withUTF8 { wanted in
            head(wanted) == record.head && equalTail(bytes, wanted)
        }
    }

    /// Whether the bytes after the first eight of two texts of the same length agree.
    static func equalTail(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        var offset = 8
        while offset < a.count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }
}
