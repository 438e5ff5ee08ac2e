#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable array of plain values in one block of memory that the YAML tree owns
/// directly: the reader appends to it, the finished tree reads it by offset, with no
/// copy between the two and no array to retain on each read. It grows with `realloc`,
/// which moves a large block by remapping its pages instead of copying them.
final class FlatBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    /// The element at `index`, which the caller keeps below `count` (every index into a
    /// tree's buffers was made by the reader when it appended the element).
    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "index out of a tree buffer")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "index out of a tree buffer")
            base[index] = newValue
        }
    }

    func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        count += 1
    }

    func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(to: count + elements.count) }
        (base + count).update(from: source, count: elements.count)
        count += elements.count
    }

    /// Drops the elements from `index` on.
    func removeAll(from index: Int) {
        precondition(index >= 0 && index <= count, "index out of a tree buffer")
        count = index
    }

    /// The elements `range` as a buffer, valid while this buffer lives and does not grow.
    func elements(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of a buffer")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    private func grow(to minimum: Int) {
        var newCapacity = capacity
        while newCapacity < minimum { newCapacity *= 2 }
        guard let moved = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory for a YAML tree of \(newCapacity) elements")
        }
        base = moved.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        guard let raw = malloc(capacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory for a YAML tree of \(capacity) elements")
        }
        return raw.bindMemory(to: Element.self, capacity: capacity)
    }
}
