import IKEDiagnostics

/// Building a mapping's entries from its key/value pairs: complex and duplicate keys are
/// rejected, and merge keys (`<<: *a`, `<<: [*a, *b]`) applied.
///
/// Merge semantics follow the YAML merge key type: keys written in the mapping itself win
/// over merged ones, and among several merged mappings the earlier one wins. Merged entries
/// take the place of the `<<` key, so file order is kept.
extension YAMLTree {
    /// The most keys a mapping may have for its keys to be compared by scanning, which
    /// costs less than hashing; larger mappings are indexed.
    static let keyScanLimit = 16

    /// Appends the entries of the mapping whose key and value node indices alternate in
    /// `pairs` to `entries`, and reports what is wrong with its keys.
    func appendEntries(_ pairs: UnsafeBufferPointer<Int32>, diagnostics: inout [Diagnostic]) {
        let count = pairs.count / 2
        let base = pairs.startIndex
        let index = count > Self.keyScanLimit ? keyTable(pairs) : nil
        let first = entries.count

        // First pass: the mapping's own keys, which override every merged key. Each key
        // is kept where it first appears (a duplicate is reported; an alias that repeats
        // the first key's node is kept twice, as the key is the same node).
        var hasMerge = false
        for position in 0..<count {
            let key = pairs[base + 2 * position]
            guard records[Int(key)].kind == .scalar else {
                diagnostics.append(
                    mappingError(
                        .complexKey, "a key must be a name, not \(kindDescription(key))",
                        at: span(key)))
                continue
            }
            if isMergeKey(key) {
                hasMerge = true
                continue
            }
            guard let earlier = ownKey(like: key, in: pairs, before: position, index: index)
            else {
                entries.append(YAMLTree.Pair(key: key, value: pairs[base + 2 * position + 1]))
                continue
            }
            let firstKey = pairs[base + 2 * earlier]
            let text = string(key)
            diagnostics.append(
                mappingError(
                    .duplicateKey, "duplicate key '\(text)'", at: span(key),
                    notes: [
                        DiagnosticNote(
                            "'\(text)' is first set here", at: span(firstKey))
                    ]))
            if firstKey == key {
                entries.append(YAMLTree.Pair(key: key, value: pairs[base + 2 * position + 1]))
            }
        }
        guard hasMerge else { return }

        // With merge keys, a second pass puts merged entries where their `<<` stands. A key
        // is kept where it first appears; the keys kept so far are the entries appended
        // since `first`.
        entries.removeAll(from: first)
        var kept: KeyTable? = count > Self.keyScanLimit ? KeyTable(count: 2 * count) : nil
        for position in 0..<count {
            let key = pairs[base + 2 * position]
            let value = pairs[base + 2 * position + 1]
            guard records[Int(key)].kind == .scalar else { continue }
            if isMergeKey(key) {
                for source in mergeSources(value, diagnostics: &diagnostics) {
                    for position in source {
                        let entry = entries[position]
                        if ownKey(like: entry.key, in: pairs, before: count, index: index) == nil,
                            !isKept(entry.key, since: first, kept: kept)
                        {
                            keep(entry, kept: &kept)
                        }
                    }
                }
            } else if !isKept(key, since: first, kept: kept) {
                keep(YAMLTree.Pair(key: key, value: value), kept: &kept)
            }
        }
    }

    /// The position of each key text's first occurrence, for a large mapping.
    private func keyTable(_ pairs: UnsafeBufferPointer<Int32>) -> KeyTable {
        var table = KeyTable(count: pairs.count / 2)
        for position in 0..<pairs.count / 2 {
            let key = pairs[pairs.startIndex + 2 * position]
            guard records[Int(key)].kind == .scalar, !isMergeKey(key) else { continue }
            table.insert(key, position: position, in: self)
        }
        return table
    }

    /// The position of the first scalar key other than `<<` before `end` written with the
    /// text of `node`, if any.
    private func ownKey(
        like node: Int32, in pairs: UnsafeBufferPointer<Int32>, before end: Int,
        index: KeyTable?
    ) -> Int? {
        if let index { return index.position(of: node, in: self).flatMap { $0 < end ? $0 : nil } }
        let target = records[Int(node)]
        for position in 0..<end {
            let key = pairs[pairs.startIndex + 2 * position]
            let record = records[Int(key)]
            guard record.count == target.count, record.head == target.head else { continue }
            if record.kind == .scalar, sameText(key, node), !isMergeKey(key) {
                return position
            }
        }
        return nil
    }

    /// Whether an entry appended since `first` has the key text of `node`.
    private func isKept(_ node: Int32, since first: Int, kept: KeyTable?) -> Bool {
        if let kept { return kept.position(of: node, in: self) != nil }
        for position in first..<entries.count where sameText(entries[position].key, node) {
            return true
        }
        return false
    }

    private func keep(_ entry: YAMLTree.Pair, kept: inout KeyTable?) {
        kept?.insert(entry.key, position: 0, in: self)
        entries.append(entry)
    }

    /// The entry ranges of the mappings a `<<` value names.
    private func mergeSources(_ value: Int32, diagnostics: inout [Diagnostic]) -> [Range<Int>] {
        let record = records[Int(value)]
        switch record.kind {
        case .mapping:
            return [Self.entryRange(record)]
        case .sequence:
            var sources: [Range<Int>] = []
            let first = Int(record.first)
            for item in children.elements(first..<first + Int(record.count)) {
                let itemRecord = records[Int(item)]
                if itemRecord.kind == .mapping {
                    sources.append(Self.entryRange(itemRecord))
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

    private static func entryRange(_ record: YAMLTree.Record) -> Range<Int> {
        Int(record.first)..<Int(record.first) + Int(record.count)
    }

    private func invalidMerge(_ node: Int32) -> Diagnostic {
        mappingError(
            .invalidMerge,
            "a merge key '<<' takes a mapping or a list of mappings, not " + kindDescription(node),
            at: span(node))
    }

    private func mappingError(
        _ id: PolicyDiagnosticID, _ message: String, at span: SourceSpan,
        notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(id: id.rawValue, severity: .error, message: message, span: span, notes: notes)
    }
}
