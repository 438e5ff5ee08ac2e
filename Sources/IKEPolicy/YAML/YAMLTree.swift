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

/// One YAML document as flat buffers: every node is a record addressed by its index, a
/// collection's children sit side by side in `children` or `entries`, and every scalar's
/// text is a range of `text`. Building and freeing a tree of tens of thousands of nodes
/// then costs a few buffer growths instead of an allocation per node, and a scalar becomes
/// a `String` only when the checker reads it as text.
///
/// Aliases share the node of their anchor, so the nodes form a DAG whose expanded size
/// the reader bounds. The reader fills the buffers; once it has finished, nothing changes
/// them.
final class YAMLTree {
    /// What a node is.
    enum Kind: UInt8 {
        case scalar, sequence, mapping
    }

    /// One node. `first` and `count` select its text (scalar), its items in `children`
    /// (sequence) or its entries in `entries` (mapping).
    struct Record {
        var kind: Kind
        var style: ScalarStyle
        var first: Int32
        var count: Int32
        /// Nesting depth of this subtree (1 for a scalar).
        var height: Int32
        /// Nodes in this subtree, itself included, counting alias targets in full.
        var expandedSize: Int
        /// A scalar's first eight bytes (see `YAMLText.head`): with `count`, this tells
        /// most texts apart in one comparison.
        var head: UInt64
        /// Where the node was written, in the tree's file.
        var place: Place
    }

    /// A span's lines and columns, kept in half the room of a `SourceSpan`.
    struct Place {
        var startLine: UInt32
        var startColumn: UInt32
        var endLine: UInt32
        var endColumn: UInt32

        init(start: SourceLocation, end: SourceLocation) {
            startLine = UInt32(clamping: start.line)
            startColumn = UInt32(clamping: start.column)
            endLine = UInt32(clamping: end.line)
            endColumn = UInt32(clamping: end.column)
        }

        var start: SourceLocation {
            SourceLocation(line: Int(startLine), column: Int(startColumn))
        }
        var end: SourceLocation { SourceLocation(line: Int(endLine), column: Int(endColumn)) }
    }

    /// One key and value of a mapping, as node indices; the key is a scalar.
    struct Pair {
        var key: Int32
        var value: Int32
    }

    /// The file every span of the tree is in.
    let file: SourceFileID
    let records: FlatBuffer<Record>
    let children: FlatBuffer<Int32>
    let entries: FlatBuffer<Pair>
    let text: FlatBuffer<UInt8>

    /// An empty tree, sized for a document of `byteCount` bytes (a policy has about one
    /// node per ten bytes and writes half of its bytes as scalar text).
    init(file: SourceFileID, byteCount: Int) {
        self.file = file
        records = FlatBuffer(capacity: byteCount / 16)
        children = FlatBuffer(capacity: byteCount / 64)
        entries = FlatBuffer(capacity: byteCount / 32)
        text = FlatBuffer(capacity: byteCount / 2)
    }

    /// The node at `index` as a handle.
    func node(_ index: Int32) -> YAMLNode { YAMLNode(tree: self, index: index) }

    /// The place of the node at `index`.
    func span(_ index: Int32) -> SourceSpan { span(of: records[Int(index)]) }

    /// The place of a node's record.
    func span(of record: Record) -> SourceSpan {
        SourceSpan(file: file, start: record.place.start, end: record.place.end)
    }

    /// A scalar record's text.
    func bytes(of record: Record) -> UnsafeBufferPointer<UInt8> {
        guard record.kind == .scalar else { return UnsafeBufferPointer(start: nil, count: 0) }
        return text.elements(Int(record.first)..<Int(record.first) + Int(record.count))
    }

    /// Every scalar's place in document order (keys included), for finding comments:
    /// scalars are recorded in the order they are read.
    var scalarSpans: [SourceSpan] {
        var spans: [SourceSpan] = []
        for index in 0..<records.count where records[index].kind == .scalar {
            spans.append(span(of: records[index]))
        }
        return spans
    }
}
