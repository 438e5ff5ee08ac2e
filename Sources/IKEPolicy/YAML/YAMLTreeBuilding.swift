import IKEDiagnostics

/// Adding nodes while the reader reads: a node is added once its content is complete,
/// so a collection's record follows its children's.
extension YAMLTree {
    /// Adds a scalar node with a copy of `bytes` as its text.
    func addScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, place: Place)
        -> Int32
    {
        let first = Int32(truncatingIfNeeded: text.count)
        text.append(contentsOf: bytes)
        return add(
            Record(
                kind: .scalar, style: style, first: first,
                count: Int32(truncatingIfNeeded: bytes.count), height: 1, expandedSize: 1,
                head: YAMLText.head(bytes), place: place))
    }

    /// Adds a sequence of the given items.
    func addSequence(_ items: UnsafeBufferPointer<Int32>, place: Place) -> Int32 {
        var size = 1
        var height: Int32 = 0
        for item in items {
            let record = records[Int(item)]
            size = size &+ record.expandedSize
            height = max(height, record.height)
        }
        let first = Int32(truncatingIfNeeded: children.count)
        children.append(contentsOf: items)
        return add(
            Record(
                kind: .sequence, style: .plain, first: first,
                count: Int32(truncatingIfNeeded: items.count), height: height + 1,
                expandedSize: size, head: 0, place: place))
    }

    /// Adds a mapping whose entries are `entries[first...]`, already appended.
    func addMapping(entriesFrom first: Int, place: Place) -> Int32 {
        var size = 1
        var height: Int32 = 0
        for index in first..<entries.count {
            let record = records[Int(entries[index].value)]
            size = size &+ 1 &+ record.expandedSize
            height = max(height, record.height)
        }
        return add(
            Record(
                kind: .mapping, style: .plain, first: Int32(truncatingIfNeeded: first),
                count: Int32(truncatingIfNeeded: entries.count - first), height: height + 1,
                expandedSize: size, head: 0, place: place))
    }

    private func add(_ record: Record) -> Int32 {
        records.append(record)
        return Int32(truncatingIfNeeded: records.count - 1)
    }

    /// Whether two scalar nodes hold the same text.
    func sameText(_ a: Int32, _ b: Int32) -> Bool {
        let left = records[Int(a)]
        let right = records[Int(b)]
        guard left.count == right.count, left.head == right.head else { return false }
        return left.count <= 8 || YAMLText.equalTail(bytes(of: left), bytes(of: right))
    }

    /// Whether `node` is a plain scalar `<<`, a merge key.
    func isMergeKey(_ node: Int32) -> Bool {
        let record = records[Int(node)]
        return record.head == 0x3C3C && record.count == 2 && record.kind == .scalar
            && record.style == .plain
    }

    /// A scalar node's text as a `String`.
    func string(_ node: Int32) -> String {
        String(decoding: bytes(of: records[Int(node)]), as: UTF8.self)
    }

    /// "a mapping", "a list", "a string" or "nothing", for type errors.
    func kindDescription(_ node: Int32) -> String {
        let record = records[Int(node)]
        switch record.kind {
        case .scalar: return record.count == 0 && record.style == .plain ? "nothing" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
