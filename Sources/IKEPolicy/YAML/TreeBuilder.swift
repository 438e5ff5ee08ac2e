import CYAML
import IKEDiagnostics

/// Turns libyaml events into a `YAMLTree`: a stack of open collections whose children wait
/// in one shared array, a table of anchors and counters that bound alias expansion and
/// nesting.
struct TreeBuilder {
    /// An open collection; its children so far are `pending[base...]` (keys and values
    /// alternating for a mapping).
    private struct OpenCollection {
        let isMapping: Bool
        let start: SourceLocation
        let anchor: String?
        let base: Int
    }

    let path: String
    /// `path` interned once, so each of the file's spans is made without a lookup.
    let file: SourceFileID
    let limits: YAMLReader.Limits
    var result = YAMLReader.Result()

    private let tree: YAMLTree
    private let pending = FlatBuffer<Int32>(capacity: 64)
    private var stack: [OpenCollection] = []
    private var root: Int32?
    private var anchors: [String: Int32] = [:]
    private var documents = 0
    private var writtenNodes = 0
    private var expandedNodes = 0

    init(path: String, limits: YAMLReader.Limits, byteCount: Int = 0) {
        self.path = path
        self.file = SourceFileID(path: path)
        self.limits = limits
        self.tree = YAMLTree(file: file, byteCount: byteCount)
    }

    /// Handles one event; true when reading should stop.
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        let start = Self.location(event.start_mark)
        let end = Self.location(event.end_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                let span = SourceSpan(file: file, start: start, end: end)
                result.diagnostics.append(
                    diagnostic(
                        .multipleDocuments,
                        "a policy file holds one YAML document; this starts a second",
                        at: span))
                return true
            }
            return false
        case YAML_SCALAR_EVENT:
            return scalar(&event, start: start, end: end)
        case YAML_ALIAS_EVENT:
            return alias(&event, start: start, end: end)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.string(event.data.sequence_start.anchor)
            checkTag(event.data.sequence_start.tag, start: start, end: end)
            return open(mapping: false, anchor: anchor, at: start, end: end)
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.string(event.data.mapping_start.anchor)
            checkTag(event.data.mapping_start.tag, start: start, end: end)
            return open(mapping: true, anchor: anchor, at: start, end: end)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return close(end: end)
        default:
            return false
        }
    }

    /// The result once the stream has ended or reading stopped.
    mutating func finish() -> YAMLReader.Result {
        if documents == 0, !result.syntaxFailed, result.diagnostics.isEmpty {
            result.diagnostics.append(emptyFile())
        } else if let root {
            let record = tree.records[Int(root)]
            if record.kind == .scalar, record.style == .plain, record.count == 0 {
                result.diagnostics.append(emptyFile())
            } else {
                result.root = tree.node(root)
            }
        }
        result.tree = tree
        return result
    }

    func diagnostic(
        _ id: PolicyDiagnosticID, _ message: String, at span: SourceSpan?,
        notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(id: id.rawValue, severity: .error, message: message, span: span, notes: notes)
    }

    private func emptyFile() -> Diagnostic {
        diagnostic(
            .emptyFile, "the file is empty; a policy starts with 'ikec: 1'",
            at: SourceSpan(path: path, line: 1, column: 1))
    }

    private mutating func scalar(
        _ event: inout yaml_event_t, start: SourceLocation, end: SourceLocation
    ) -> Bool {
        let data = event.data.scalar
        let style: ScalarStyle
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        if data.tag != nil { checkTag(data.tag, start: start, end: end, allowString: true) }
        if style == .literal || style == .folded {
            result.blockScalarSpans.append(SourceSpan(file: file, start: start, end: end))
        }
        writtenNodes += 1
        let bytes = UnsafeBufferPointer(
            start: data.value, count: data.value == nil ? 0 : data.length)
        let node = tree.addScalar(
            bytes, style: style, place: YAMLTree.Place(start: start, end: end))
        if data.anchor != nil, let anchor = Self.string(data.anchor) { anchors[anchor] = node }
        return add(node)
    }

    private mutating func alias(
        _ event: inout yaml_event_t, start: SourceLocation, end: SourceLocation
    ) -> Bool {
        let span = SourceSpan(file: file, start: start, end: end)
        let name = Self.string(event.data.alias.anchor) ?? ""
        guard let node = anchors[name] else {
            result.diagnostics.append(
                diagnostic(
                    .undefinedAlias, "alias '*\(name)' names no anchor defined before it", at: span)
            )
            return true
        }
        let target = tree.records[Int(node)]

        // Bound the tree an alias adds: its full expanded size counts every time, so a
        // "billion laughs" file stops at the first alias that crosses the budget.
        expandedNodes += target.expandedSize
        let budget = limits.baseExpansion + limits.expansionPerNode * writtenNodes
        if expandedNodes > budget || expandedNodes < 0 {
            result.diagnostics.append(
                diagnostic(
                    .aliasExpansionLimit,
                    "alias '*\(name)' expands the document past \(budget) nodes", at: span,
                    notes: [DiagnosticNote("the anchor is defined here", at: tree.span(node))]))
            return true
        }
        if stack.count + Int(target.height) > limits.maximumDepth {
            result.diagnostics.append(tooDeep(at: span))
            return true
        }
        return add(node)
    }

    private mutating func open(
        mapping: Bool, anchor: String?, at start: SourceLocation, end: SourceLocation
    ) -> Bool {
        writtenNodes += 1
        guard stack.count < limits.maximumDepth else {
            result.diagnostics.append(tooDeep(at: SourceSpan(file: file, start: start, end: end)))
            return true
        }
        stack.append(
            OpenCollection(isMapping: mapping, start: start, anchor: anchor, base: pending.count))
        return false
    }

    private func tooDeep(at span: SourceSpan) -> Diagnostic {
        diagnostic(
            .nestingTooDeep, "lists and mappings are nested more than \(limits.maximumDepth) deep",
            at: span)
    }

    private mutating func close(end: SourceLocation) -> Bool {
        guard let open = stack.popLast() else { return false }
        let place = YAMLTree.Place(start: open.start, end: end)
        let children = pending.elements(open.base..<pending.count)
        let node: Int32
        if open.isMapping {
            let first = tree.entries.count
            tree.appendEntries(children, diagnostics: &result.diagnostics)
            node = tree.addMapping(entriesFrom: first, place: place)
        } else {
            node = tree.addSequence(children, place: place)
        }
        pending.removeAll(from: open.base)
        if let anchor = open.anchor { anchors[anchor] = node }
        return add(node)
    }

    /// Adds a finished node to the open collection, or makes it the root.
    private mutating func add(_ node: Int32) -> Bool {
        if stack.isEmpty {
            root = node
        } else {
            pending.append(node)
        }
        return false
    }

    private mutating func checkTag(
        _ tag: UnsafeMutablePointer<yaml_char_t>?, start: SourceLocation, end: SourceLocation,
        allowString: Bool = false
    ) {
        guard let tag = Self.string(tag) else { return }
        if allowString, tag == "tag:yaml.org,2002:str" { return }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
        result.diagnostics.append(
            diagnostic(
                .unsupportedTag, "YAML tag '\(shown)' is not supported in a policy",
                at: SourceSpan(file: file, start: start, end: end),
                notes: [DiagnosticNote("values are read by the type each setting expects")]))
    }

    static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
