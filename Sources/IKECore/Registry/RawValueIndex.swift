/// A registry table laid out again as an array indexed by raw value.
///
/// The registries' `info` getters run dozens of times per IKEv2 handshake (cipher and
/// group facts for every seal, open and key derivation), and hashing the key for a
/// dictionary lookup cost more than the rest of the getter. The dictionary stays the one
/// place the facts are written; this is only a faster way to reach them.
struct RawValueIndex<Key: RawRepresentable & Hashable, Value: Sendable>: Sendable
where Key.RawValue == UInt16 {
    private let slots: [Value?]

    /// The entries of `table`, each at its key's raw value.
    init(_ table: [Key: Value]) {
        let count = (table.keys.map { Int($0.rawValue) }.max() ?? -1) + 1
        var slots = [Value?](repeating: nil, count: count)
        for (key, value) in table { slots[Int(key.rawValue)] = value }
        self.slots = slots
    }

    /// The entry for `key`, or nil when the table has none.
    subscript(key: Key) -> Value? {
        let index = Int(key.rawValue)
        return index < slots.count ? slots[index] : nil
    }
}
