import IKEDiagnostics

/// The arrays of a `YAMLTree` while the reader fills them.
struct TreeStorage {
    var records: [YAMLTree.Record] = []
    var children: [Int32] = []
    var entries: [YAMLTree.Pair] = []
    var text: [UInt8] = []

    /// Storage sized for a document of `byteCount` bytes (a policy has about one node per
    /// 15 bytes and writes most of its bytes as scalar text).
    init(byteCount: Int) {
        records.reserveCapacity(byteCount / 12)
        children.reserveCapacity(byteCount / 64)
        entries.reserveCapacity(byteCount / 24)
        text.reserveCapacity(byteCount / 2)
    }

    /// Adds a scalar node with a copy of `bytes` as its text.
    mutating func addScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, span: SourceSpan
    )
        -> Int32
    {
        let first = Int32(truncatingIfNeeded: text.count)
        text.append(contentsOf: bytes)
        return add(
            YAMLTree.Record(
                kind: .scalar, style: style, first: first,
                count: Int32(truncatingIfNeeded: bytes.count), height: 1, expandedSize: 1,
                span: span, head: YAMLText.head(bytes)))
    }

    /// Adds a sequence of the given items.
    mutating func addSequence(_ items: ArraySlice<Int32>, span: SourceSpan) -> Int32 {
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
            YAMLTree.Record(
                kind: .sequence, style: .plain, first: first,
                count: Int32(truncatingIfNeeded: items.count), height: height + 1,
                expandedSize: size, span: span))
    }

    /// Adds a mapping whose entries are `entries[first...]`, already appended.
    mutating func addMapping(entriesFrom first: Int, span: SourceSpan) -> Int32 {
        var size = 1
        var height: Int32 = 0
        for index in first..<entries.count {
            let record = records[Int(entries[index].value)]
            size = size &+ 1 &+ record.expandedSize
            height = max(height, record.height)
        }
        return add(
            YAMLTree.Record(
                kind: .mapping, style: .plain, first: Int32(truncatingIfNeeded: first),
                count: Int32(truncatingIfNeeded: entries.count - first), height: height + 1,
                expandedSize: size, span: span))
    }

    private mutating func add(_ record: YAMLTree.Record) -> Int32 {
        records.append(record)
        return Int32(truncatingIfNeeded: records.count - 1)
    }

    /// Whether two scalar nodes hold the same text.
    func sameText(_ a: Int32, _ b: Int32) -> Bool {
        let left = records[Int(a)]
        let right = records[Int(b)]
        guard left.count == right.count, left.head == right.head else { return false }
        return left.count <= 8
            || text.withUnsafeBufferPointer { YAMLText.equal(left, right, in: $0) }
    }

    /// Whether `node` is a plain scalar `<<`, a merge key.
    func isMergeKey(_ node: Int32) -> Bool {
        let record = records[Int(node)]
        return record.head == 0x3C3C && record.count == 2 && record.kind == .scalar
            && record.style == .plain
    }

    /// A scalar node's text as a `String`.
    func string(_ node: Int32) -> String {
        let record = records[Int(node)]
        let first = Int(record.first)
        return String(decoding: text[first..<first + Int(record.count)], as: UTF8.self)
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

    /// The finished tree.
    func tree() -> YAMLTree {
        YAMLTree(records: records, children: children, entries: entries, text: text)
    }
}
