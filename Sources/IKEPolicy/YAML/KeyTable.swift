/// The key texts of one large mapping, found by hashing their bytes (FNV-1a), so that its
/// duplicate and merge checks need neither a scan per key nor a `String` per key.
struct KeyTable {
    /// Per slot, the key node plus one (0 is empty) and the position it was added with.
    private var nodes: [Int32]
    private var positions: [Int]
    private var mask: Int
    /// Keys added; the table doubles before it is half full.
    private var count = 0

    /// A table sized for `count` keys (it grows past that).
    init(count: Int) {
        var size = 16
        while size < count * 2 { size *= 2 }
        nodes = [Int32](repeating: 0, count: size)
        positions = [Int](repeating: 0, count: size)
        mask = size - 1
    }

    /// The position stored for the text of scalar `node`, if any.
    func position(of node: Int32, in tree: YAMLTree) -> Int? {
        var slot = Self.hash(node, in: tree) & mask
        while nodes[slot] != 0 {
            if tree.sameText(nodes[slot] - 1, node) { return positions[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds the text of scalar `node` with `position` unless it is there; returns whether
    /// it was added.
    @discardableResult
    mutating func insert(_ node: Int32, position: Int, in tree: YAMLTree) -> Bool {
        var slot = Self.hash(node, in: tree) & mask
        while nodes[slot] != 0 {
            if tree.sameText(nodes[slot] - 1, node) { return false }
            slot = (slot + 1) & mask
        }
        nodes[slot] = node + 1
        positions[slot] = position
        count += 1
        if count * 2 > mask { grow(in: tree) }
        return true
    }

    private mutating func grow(in tree: YAMLTree) {
        let old = zip(nodes, positions).filter { $0.0 != 0 }
        var bigger = KeyTable(count: nodes.count)
        for (node, position) in old { bigger.insert(node - 1, position: position, in: tree) }
        self = bigger
    }

    private static func hash(_ node: Int32, in tree: YAMLTree) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in tree.bytes(of: tree.records[Int(node)]) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
