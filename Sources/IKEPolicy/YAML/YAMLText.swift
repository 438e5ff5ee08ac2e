/// Comparisons of scalar text.
enum YAMLText {
    /// The first eight bytes of `bytes` (fewer for a shorter text, zero-filled), as one
    /// number.
    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8, let base = bytes.baseAddress {
            return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self).littleEndian
        }
        var head: UInt64 = 0
        for index in 0..<min(bytes.count, 8) {
            head |= UInt64(bytes[index]) << (8 * UInt64(index))
        }
        return head
    }

    /// Whether `bytes` are the UTF-8 of `expected`.
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
        expected.withUTF8Buffer { wanted in
            guard wanted.count == bytes.count else { return false }
            for index in 0..<bytes.count where bytes[index] != wanted[index] { return false }
            return true
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

/// Key and text comparisons made inside the tree, where its buffers are at hand.
extension YAMLTree {
    /// Whether node `index` is a scalar whose text is `expected`.
    func scalar(_ index: Int32, is expected: StaticString) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return false }
        return YAMLText.equal(bytes(of: record), expected)
    }

    /// Whether node `index` is a scalar whose text is the probe's.
    func scalar(_ index: Int32, matches probe: KeyProbe) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar, record.count == probe.count, record.head == probe.head
        else { return false }
        guard record.count > 8 else { return true }
        return YAMLText.head(UnsafeBufferPointer(rebasing: bytes(of: record)[8...])) == probe.tail
    }

    /// The position, among the `count` entries from `first`, of the one keyed `key`.
    func entryPosition(first: Int, count: Int, key: StaticString) -> Int? {
        key.withUTF8Buffer { wanted in
            let length = Int32(truncatingIfNeeded: wanted.count)
            let head = YAMLText.head(wanted)
            for position in 0..<count {
                let record = records[Int(entries[first + position].key)]
                if record.count == length, record.head == head, record.kind == .scalar,
                    YAMLText.equalTail(bytes(of: record), wanted)
                {
                    return position
                }
            }
            return nil
        }
    }

    /// The position, among the `count` entries from `first` and from `start` on, of the
    /// first whose key none of `probes` matches.
    func entryPosition(first: Int, count: Int, notIn probes: [KeyProbe], from start: Int)
        -> Int?
    {
        var position = start
        while position < count {
            let key = entries[first + position].key
            if !probes.contains(where: { scalar(key, matches: $0) }) { return position }
            position += 1
        }
        return nil
    }
}
