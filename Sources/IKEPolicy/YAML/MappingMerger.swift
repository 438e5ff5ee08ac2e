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
        var own: [String: SourceSpan] = [:]
        own.reserveCapacity(pairs.count)
        for (key, _) in pairs {
            guard case .scalar(let text, let style) = key.content else {
                diagnostics.append(
                    error(
                        .complexKey, "a key must be a name, not \(key.kindDescription)",
                        at: key.span))
                continue
            }
            if text == "<<", style == .plain { continue }
            if let first = own[text] {
                diagnostics.append(
                    error(
                        .duplicateKey, "duplicate key '\(text)'", at: key.span,
                        notes: [DiagnosticNote("'\(text)' is first set here", at: first)]))
            } else {
                own[text] = key.span
            }
        }

        // Second pass: entries in order, merged ones where their `<<` stands.
        var entries: [YAMLEntry] = []
        entries.reserveCapacity(pairs.count)
        var seen = Set<String>()
        for (key, value) in pairs {
            guard case .scalar(let text, let style) = key.content else { continue }
            if text == "<<", style == .plain {
                for source in mergeSources(value) {
                    for entry in source where own[entry.key] == nil {
                        if seen.insert(entry.key).inserted { entries.append(entry) }
                    }
                }
                continue
            }
            if seen.insert(text).inserted {
                entries.append(YAMLEntry(key: text, keySpan: key.span, value: value))
            }
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
