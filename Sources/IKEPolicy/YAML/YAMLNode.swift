import IKEDiagnostics

/// How a scalar was written; quoted scalars are always strings.
enum ScalarStyle: Sendable, Hashable {
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

/// One node of a YAML document, with the place it was written. Aliases share the node of
/// their anchor, so the tree is a DAG whose expanded size the reader bounds.
final class YAMLNode: Sendable {
    /// The node's content.
    enum Content: Sendable {
        /// A scalar: raw text and style. Its meaning depends on the setting that reads it.
        case scalar(String, ScalarStyle)
        /// A sequence.
        case sequence([YAMLNode])
        /// A mapping with scalar keys, in order, merge keys already applied.
        case mapping([YAMLEntry])
    }

    let content: Content
    let span: SourceSpan
    /// Nodes in this subtree, itself included, counting alias targets in full.
    let expandedSize: Int
    /// Nesting depth of this subtree (1 for a scalar).
    let height: Int

    init(_ content: Content, span: SourceSpan) {
        self.content = content
        self.span = span
        switch content {
        case .scalar:
            expandedSize = 1
            height = 1
        case .sequence(let items):
            expandedSize = items.reduce(1) { $0 &+ $1.expandedSize }
            height = 1 + (items.map(\.height).max() ?? 0)
        case .mapping(let entries):
            expandedSize = entries.reduce(1) { $0 &+ 1 &+ $1.value.expandedSize }
            height = 1 + (entries.map(\.value.height).max() ?? 0)
        }
    }

    /// The scalar's text, or nil.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether this is a plain scalar with no text (`key:` with nothing after it).
    var isEmptyPlainScalar: Bool {
        if case .scalar(let text, .plain) = content { return text.isEmpty }
        return false
    }

    /// "a mapping", "a list", "a string" or "nothing", for type errors.
    var kindDescription: String {
        switch content {
        case .scalar(let text, let style):
            return text.isEmpty && style == .plain ? "nothing" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One key and value of a mapping.
struct YAMLEntry: Sendable {
    /// The key's text.
    let key: String
    /// Where the key was written.
    let keySpan: SourceSpan
    /// The value.
    let value: YAMLNode
}
