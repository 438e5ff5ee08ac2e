#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's text, kept so diagnostics can quote the line they point at.
public final class SourceFile: Sendable {
    /// The path as the user gave it; `<stdin>` for standard input.
    public let path: String
    /// The interned identity of `path`, which spans into this file carry.
    public let id: SourceFileID
    /// The whole text.
    public let text: String
    /// The UTF-8 offset at which each line starts; line `n` starts at `lineStarts[n - 1]`.
    private let lineStarts: [Int]

    /// A source file with the given path and text.
    public init(path: String, text: String) {
        self.path = path
        self.id = SourceFileID(path: path)
        // Only the line starts are recorded: quoting a line is rare (one per diagnostic),
        // reading a file is not.
        var text = text
        self.lineStarts = text.withUTF8(Self.lineStarts)
        self.text = text
    }

    /// The offset after each line break, and 0; `memchr` finds the breaks.
    private static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress else { return starts }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            starts.append(offset)
        }
        return starts
    }

    /// The number of lines; a final line break starts one more, empty line.
    public var lineCount: Int { lineStarts.count }

    /// Line `number` (1-based) without its terminator (`\n` or `\r\n`), or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end =
            number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
        return Substring(utf8[start..<end])
    }
}

/// A position in a file: 1-based line and column, columns counted in Unicode scalars as
/// libyaml counts them.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// A location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders by line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A range of a file: from `start` up to, not including, `end`.
///
/// The file is held as an interned `SourceFileID`, so a span is a plain value: copying one
/// (and a policy holds tens of thousands) costs no reference counting.
public struct SourceSpan: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The file, interned.
    public var file: SourceFileID
    /// First position.
    public var start: SourceLocation
    /// Position just past the end; equal to `start` for a point.
    public var end: SourceLocation

    /// A span in an interned file.
    public init(file: SourceFileID, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A span in the file with this path.
    public init(path: String, start: SourceLocation, end: SourceLocation) {
        self.init(file: SourceFileID(path: path), start: start, end: end)
    }

    /// A one-position span.
    public init(path: String, line: Int, column: Int) {
        self.init(
            path: path, start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: line, column: column))
    }

    /// The file's path as the user gave it.
    public var path: String {
        get { file.path }
        set { file = SourceFileID(path: newValue) }
    }

    /// Orders by path, then start, then end.
    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        if lhs.file != rhs.file { return lhs.path < rhs.path }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }

    private enum CodingKeys: String, CodingKey {
        case path, start, end
    }

    /// Decodes `{path, start, end}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            path: try container.decode(String.self, forKey: .path),
            start: try container.decode(SourceLocation.self, forKey: .start),
            end: try container.decode(SourceLocation.self, forKey: .end))
    }

    /// Encodes `{path, start, end}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(start.line):\(start.column)" }
}
