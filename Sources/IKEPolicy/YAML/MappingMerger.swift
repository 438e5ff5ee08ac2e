import IKEDiagnostics

/// Builds a mapping's entries from its key/value pairs: rejects complex and duplicate
/// keys, and applies merge keys (`<<: *a`, `<<: [*a, *b]`).
///
/// Merge semantics follow the YAML merge key type: keys written in the mapping itself win
/// over merged ones, and among several merged mappings the earlier one wins. Merged entries
/// take the place of the `<<` key, so file order is kept.
struct MappingMerger {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    mutating func entries(from pairs: [(YAMLNode, YAMLNode)]) -> [YAMLEntry] {
        // First pass: the mapping's own keys, which override every merged key.
        var own = KeySet(capacity: pairs.count)
        var hasMerge = false
        for (key, _) in pairs {
            guard case .scalar(let text, let style) = key.content else {
                diagnostics.append(
                    error(
                        .complexKey, "a key must be a name, not \(key.kindDescription)",
                        at: key.span))
                continue
            }
            if text == "<<", style == .plain {
                hasMerge = true
                continue
            }
            if let first = own.insert(text, at: key.span) {
                diagnostics.append(
                    error(
                        .duplicateKey, "duplicate key '\(text)'", at: key.span,
                        notes: [DiagnosticNote("'\(text)' is first set here", at: first)]))
            }
        }

        // Second pass: entries in order, merged ones where their `<<` stands.
        var entries: [YAMLEntry] = []
        entries.reserveCapacity(pairs.count)
        var seen = KeySet(capacity: hasMerge ? pairs.count * 2 : 0)
        for (key, value) in pairs {
            guard case .scalar(let text, let style) = key.content else { continue }
            if text == "<<", style == .plain {
                for source in mergeSources(value) {
                    for entry in source where !own.contains(entry.key) {
                        if seen.insert(entry.key, at: entry.keySpan) == nil {
                            entries.append(entry)
                        }
                    }
                }
                continue
            }
            // Without merges every own key is new unless it is a duplicate, already reported.
            // Without merges, a key is kept where it was first written (the duplicate was
            // reported above).
            let isFirst =
                hasMerge ? seen.insert(text, at: key.span) == nil : own.firstSpan(text) == key.span
            if isFirst { entries.append(YAMLEntry(key: text, keySpan: key.span, value: value)) }
        }
        return entries
    }

    private mutating func mergeSources(_ value: YAMLNode) -> [[YAMLEntry]] {
        switch value.content {
        case .mapping(let entries):
            return [entries]
        case .sequence(let items):
            var sources: [[YAMLEntry]] = []
            for item in items {
                if case .mapping(let entries) = item.content {
                    sources.append(entries)
                } else {
                    diagnostics.append(invalidMerge(item))
                }
            }
            return sources
        case .scalar:
            diagnostics.append(invalidMerge(value))
            return []
        }
    }

    private func invalidMerge(_ node: YAMLNode) -> Diagnostic {
        error(
            .invalidMerge,
            "a merge key '<<' takes a mapping or a list of mappings, not \(node.kindDescription)",
            at: node.span)
    }

    private func error(
        _ id: PolicyDiagnosticID, _ message: String, at span: SourceSpan,
        notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(id: id.rawValue, severity: .error, message: message, span: span, notes: notes)
    }
}

/// Keys seen in one mapping with the place of their first occurrence: a linear scan for
/// the small mappings that make up most of a policy, a dictionary for large ones.
private struct KeySet {
    private var small: [(String, SourceSpan)] = []
    private var large: [String: SourceSpan]?

    init(capacity: Int) {
        if capacity > 8 {
            large = [:]
            large?.reserveCapacity(capacity)
        } else {
            small.reserveCapacity(capacity)
        }
    }

    /// Adds `key`; returns the first place when it was already there.
    mutating func insert(_ key: String, at span: SourceSpan) -> SourceSpan? {
        if large != nil {
            if let first = large?[key] { return first }
            large?[key] = span
            return nil
        }
        if let first = small.first(where: { $0.0 == key }) { return first.1 }
        small.append((key, span))
        return nil
    }

    func firstSpan(_ key: String) -> SourceSpan? {
        if let large { return large[key] }
        return small.first { $0.0 == key }?.1
    }

    func contains(_ key: String) -> Bool { firstSpan(key) != nil }
}
