import IKEDiagnostics

/// How a scalar was written; quoted scalars are always strings.
enum ScalarStyle: UInt8, Sendable, Hashable {
    /// Unquoted.
    case plain
    /// `'...'`.
    case singleQuoted
    /// `"..."`.
    case doubleQuoted
    /// `|` block.
    case literal
    /// `>` block.
    case folded

    /// Whether the text was quoted (or a block scalar): the author meant a string.
    var isQuotedOrBlock: Bool { self != .plain }
}

/// One YAML document as flat arrays: every node is a record addressed by its index, a
/// collection's children sit side by side in `children` or `entries`, and every scalar's
/// text is a range of `text`. Building and freeing a tree of tens of thousands of nodes
/// then costs a few array growths instead of an allocation per node, and a scalar becomes
/// a `String` only when the checker reads it as text.
///
/// Aliases share the node of their anchor, so the nodes form a DAG whose expanded size
/// the reader bounds.
final class YAMLTree {
    /// What a node is.
    enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    /// One node. `first` and `count` select its text (scalar), its items in `children`
    /// (sequence) or its entries in `entries` (mapping).
    struct Record: Sendable {
        var kind: Kind
        var style: ScalarStyle
        var first: Int32
        var count: Int32
        /// Nesting depth of this subtree (1 for a scalar).
        var height: Int32
        /// Nodes in this subtree, itself included, counting alias targets in full.
        var expandedSize: Int
        var span: SourceSpan
        /// A scalar's first eight bytes (see `YAMLText.head`): with `count`, this tells
        /// most texts apart in one comparison.
        var head: UInt64 = 0
    }

    /// One key and value of a mapping, as node indices; the key is a scalar.
    struct Pair: Sendable {
        var key: Int32
        var value: Int32
    }

    // The arrays are copied once into buffers owned by the tree, so that reading a node
    // is an offset from a base address, with no array to retain. The builder computed
    // every index stored in them, so reads stay within the buffers.
    let records: UnsafeBufferPointer<Record>
    let children: UnsafeBufferPointer<Int32>
    let entries: UnsafeBufferPointer<Pair>
    let text: UnsafeBufferPointer<UInt8>

    init(records: [Record], children: [Int32], entries: [Pair], text: [UInt8]) {
        self.records = Self.copy(records)
        self.children = Self.copy(children)
        self.entries = Self.copy(entries)
        self.text = Self.copy(text)
    }

    deinit {
        records.deallocate()
        children.deallocate()
        entries.deallocate()
        text.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[..<array.count])
    }

    /// The node at `index` as a handle.
    func node(_ index: Int32) -> YAMLNode { YAMLNode(tree: self, index: index) }
}

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
    var span: SourceSpan { record.span }

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
        let record = record
        let count = record.kind == .scalar ? Int(record.count) : 0
        return try body(
            UnsafeBufferPointer(rebasing: tree.text[Int(record.first)..<Int(record.first) + count]))
    }

    /// Whether this is a scalar whose text is exactly `expected`.
    func textIs(_ expected: String) -> Bool {
        let record = record
        guard record.kind == .scalar else { return false }
        return YAMLText.equal(record, in: tree.text, expected)
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
    var keySpan: SourceSpan { tree.records[Int(pair.key)].span }
    /// The value.
    var value: YAMLNode { tree.node(pair.value) }

    /// Whether the key is exactly `expected`, without making a `String` of it.
    func keyIs(_ expected: String) -> Bool { tree.node(pair.key).textIs(expected) }

    /// Whether the key is the probe's text.
    func keyMatches(_ probe: KeyProbe) -> Bool {
        let record = tree.records[Int(pair.key)]
        guard record.count == probe.count, record.head == probe.head else { return false }
        return record.count <= 8 || YAMLText.equal(record, in: tree.text, probe.text)
    }
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

    /// Whether the scalar `record` of a tree with `text` is the UTF-8 of `expected`.
    static func equal(
        _ record: YAMLTree.Record, in text: UnsafeBufferPointer<UInt8>, _ expected: String
    ) -> Bool {
        var expected = expected
        let count = Int(record.count)
        guard expected.utf8.count == count else { return false }
        return expected.withUTF8 { wanted in
            guard head(wanted) == record.head else { return false }
            return equalTail(text, Int(record.first), wanted, 0, count: count)
        }
    }

    /// Whether two scalars of the same tree text hold the same text.
    static func equal(
        _ left: YAMLTree.Record, _ right: YAMLTree.Record, in text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard left.count == right.count, left.head == right.head else { return false }
        return equalTail(
            text, Int(left.first), text, Int(right.first), count: Int(left.count))
    }

    /// Whether the bytes after the first eight of two texts of `count` bytes agree.
    private static func equalTail(
        _ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ b: UnsafeBufferPointer<UInt8>,
        _ bStart: Int, count: Int
    ) -> Bool {
        var offset = 8
        while offset < count {
            if a[aStart + offset] != b[bStart + offset] { return false }
            offset += 1
        }
        return true
    }
}
