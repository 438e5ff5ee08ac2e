import IKEDiagnostics

/// The keys a section allows, with what comparing a written key against each costs least.
struct FieldNames: ExpressibleByArrayLiteral {
    let names: [String]
    let probes: [KeyProbe]

    init(_ names: [String]) {
        self.names = names
        probes = names.map(KeyProbe.init)
    }

    init(arrayLiteral names: String...) { self.init(names) }

    func contains(_ name: String) -> Bool { names.contains(name) }
}

/// A key as its length and first eight bytes, which tell most keys apart in two
/// comparisons (see `YAMLText.head`), and its text for the rest.
struct KeyProbe {
    let text: String
    let count: Int32
    let head: UInt64

    init(_ text: String) {
        var text = text
        self.count = Int32(truncatingIfNeeded: text.utf8.count)
        self.head = text.withUTF8(YAMLText.head)
        self.text = text
    }
}

/// A mapping's entries by key, after unknown keys were reported.
struct FieldMap {
    let node: YAMLNode
    let entries: YAMLMapping
    /// Allowed keys that an unknown key was reported as a likely misspelling of; their
    /// absence is not reported again.
    var suggested: Set<String> = []
    /// A key index for large mappings; small ones (most of a policy) are scanned, which
    /// costs less than hashing.
    private let index: [String: Int]?

    init(node: YAMLNode, entries: YAMLMapping) {
        self.node = node
        self.entries = entries
        guard entries.count > 8 else {
            index = nil
            return
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for position in entries.indices { index[entries[position].key] = position }
        self.index = index
    }

    subscript(key: String) -> YAMLEntry? {
        if let index { return index[key].map { entries[$0] } }
        let probe = KeyProbe(key)
        return entries.first { $0.keyMatches(probe) }
    }
}
