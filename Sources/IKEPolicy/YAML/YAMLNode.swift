import IKEDiagnostics

/// One node of a `YAMLTree`: a handle (the tree and an index) that reads the record.
struct YAMLNode {
    /// The node's content. A scalar's text is read through the node (`text`, `textIs`).
    enum Content {
        /// A scalar and its style. Its meaning depends on the setting that reads it.
        case scalar(ScalarStyle)
        /// A sequence.
        case sequence(YAMLSequence)
        /// A mapping with scalar keys, in order, merge keys already applied.
        case mapping(YAMLMapping)
    }

    let tree: YAMLTree
    let index: Int32

    private var record: YAMLTree.Record { tree.records[Int(index)] }

    /// Where the node was written.
    var span: SourceSpan { tree.span(of: record) }

    var content: Content {
        let record = record
        switch record.kind {
        case .scalar: return .scalar(record.style)
        case .sequence:
            return .sequence(YAMLSequence(tree: tree, first: record.first, count: record.count))
        case .mapping:
            return .mapping(YAMLMapping(tree: tree, first: record.first, count: record.count))
        }
    }

    /// Whether the node is a scalar.
    var isScalar: Bool { record.kind == .scalar }

    /// The scalar's text; empty for a collection.
    var text: String {
        withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the scalar's UTF-8 text (empty for a collection).
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        try body(tree.bytes(of: record))
    }

    /// Whether this is a scalar whose text is exactly `expected`.
    func textIs(_ expected: StaticString) -> Bool {
        tree.scalar(index, is: expected)
    }

    /// The scalar's text, or nil.
    var scalarText: String? { isScalar ? text : nil }

    /// Whether this is a plain scalar with no text (`key:` with nothing after it).
    var isEmptyPlainScalar: Bool {
        let record = record
        return record.kind == .scalar && record.style == .plain && record.count == 0
    }

    /// "a mapping", "a list", "a string" or "nothing", for type errors.
    var kindDescription: String {
        switch record.kind {
        case .scalar: return isEmptyPlainScalar ? "nothing" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One key and value of a mapping.
struct YAMLEntry {
    let tree: YAMLTree
    let pair: YAMLTree.Pair

    /// The key's text.
    var key: String { tree.node(pair.key).text }
    /// Where the key was written.
    var keySpan: SourceSpan { tree.span(pair.key) }
    /// The value.
    var value: YAMLNode { tree.node(pair.value) }

    /// Whether the key is exactly `expected`, without making a `String` of it.
    func keyIs(_ expected: StaticString) -> Bool { tree.scalar(pair.key, is: expected) }

    /// Whether the key is the probe's text.
    func keyMatches(_ probe: KeyProbe) -> Bool { tree.scalar(pair.key, matches: probe) }
}

/// A sequence's items.
struct YAMLSequence: RandomAccessCollection {
    let tree: YAMLTree
    let first: Int32
    let count: Int32

    var startIndex: Int { 0 }
    var endIndex: Int { Int(count) }

    subscript(position: Int) -> YAMLNode {
        precondition(position >= 0 && position < Int(count), "index out of the sequence")
        return tree.node(tree.children[Int(first) + position])
    }
}

/// A mapping's entries, in order.
struct YAMLMapping: RandomAccessCollection {
    let tree: YAMLTree
    let first: Int32
    let count: Int32

    var startIndex: Int { 0 }
    var endIndex: Int { Int(count) }

    /// The position of the entry whose key is `key`, if any.
    func position(ofKey key: StaticString) -> Int? {
        tree.entryPosition(first: Int(first), count: Int(count), key: key)
    }

    /// Whether every key is one of the probes'; the position of the first that is not.
    func firstKey(notIn probes: [KeyProbe], from start: Int = 0) -> Int? {
        tree.entryPosition(first: Int(first), count: Int(count), notIn: probes, from: start)
    }

    subscript(position: Int) -> YAMLEntry {
        precondition(position >= 0 && position < Int(count), "index out of the mapping")
        return YAMLEntry(tree: tree, pair: tree.entries[Int(first) + position])
    }
}

/// The values of a setting that takes one value or a list of them.
struct YAMLItems: RandomAccessCollection {
    private enum Storage {
        case single(YAMLNode)
        case sequence(YAMLSequence)
    }

    private let storage: Storage

    /// One value written alone.
    init(single node: YAMLNode) { storage = .single(node) }

    /// The items of a list.
    init(_ sequence: YAMLSequence) { storage = .sequence(sequence) }

    var startIndex: Int { 0 }
    var endIndex: Int {
        switch storage {
        case .single: return 1
        case .sequence(let items): return items.count
        }
    }

    subscript(position: Int) -> YAMLNode {
        switch storage {
        case .single(let node):
            precondition(position == 0, "index out of a single value")
            return node
        case .sequence(let items): return items[position]
        }
    }
}
