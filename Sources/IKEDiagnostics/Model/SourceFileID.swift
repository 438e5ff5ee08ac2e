import Synchronization

/// A source path interned as a small number. Equal paths get equal ids for the life of the
/// process, so comparing or hashing an id is comparing or hashing the path.
public struct SourceFileID: Sendable, Hashable {
    private let index: UInt32

    /// The id of `path`, interning it on first use.
    public init(path: String) {
        index = SourceFileID.table.withLock { table in
            if let known = table.indices[path] { return known }
            let next = UInt32(table.paths.count)
            table.paths.append(path)
            table.indices[path] = next
            return next
        }
    }

    /// The path this id stands for.
    public var path: String {
        SourceFileID.table.withLock { $0.paths[Int(index)] }
    }

    private struct Table {
        var paths: [String] = []
        var indices: [String: UInt32] = [:]
    }

    // Paths are few (one per file read) and never removed, so the table only grows by the
    // number of distinct files a process reads.
    private static let table = Mutex(Table())
}
