import IKEDiagnostics

/// The keys a section allows, each with what comparing a written key against it costs
/// least.
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

/// A key as its length and its bytes in two words (see `YAMLText.head`), which decide in
/// a few comparisons whether a written key is this one.
struct KeyProbe {
    let count: Int32
    let head: UInt64
    let tail: UInt64

    init(_ text: String) {
        var text = text
        // The keys are the language's own, and none is longer than the two words hold.
        precondition(text.utf8.count <= 16, "a policy key longer than 16 bytes")
        self.count = Int32(truncatingIfNeeded: text.utf8.count)
        (self.head, self.tail) = text.withUTF8 { bytes in
            (
                YAMLText.head(bytes),
                YAMLText.head(UnsafeBufferPointer(rebasing: bytes[min(8, bytes.count)...]))
            )
        }
    }
}

/// A mapping's entries by key, after unknown keys were reported.
struct FieldMap {
    let entries: YAMLMapping
    /// Allowed keys that an unknown key was reported as a likely misspelling of; their
    /// absence is not reported again.
    var suggested: [String] = []
    /// A key index for large mappings; small ones (most of a policy) are scanned, which
    /// costs less than hashing.
    private let index: [String: Int]?

    init(entries: YAMLMapping) {
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

    /// The entry whose key is `key`, if any.
    subscript(key: StaticString) -> YAMLEntry? {
        if let index { return index[key.description].map { entries[$0] } }
        return entries.position(ofKey: key).map { entries[$0] }
    }

    /// Whether an unknown key was reported as a misspelling of `key`.
    func wasSuggested(_ key: StaticString) -> Bool {
        !suggested.isEmpty && suggested.contains(key.description)
    }
}
