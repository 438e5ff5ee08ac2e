/// A file's text, kept so diagnostics can quote the line they point at.
public final class SourceFile: Sendable {
    /// The path as the user gave it; `<stdin>` for standard input.
    public let path: String
    /// The whole text.
    public let text: String
    /// The file's lines without their terminators.
    public let lines: [Substring]

    /// A source file with the given path and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // Split on the UTF-8 bytes: a Character-wise split costs more than parsing the file.
        self.lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            let line = Substring($0)
            return line.utf8.last == 0x0D ? line.dropLast() : line
        }
    }

    /// Line `number` (1-based), or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
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
public struct SourceSpan: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var path: String
    /// First position.
    public var start: SourceLocation
    /// Position just past the end; equal to `start` for a point.
    public var end: SourceLocation

    /// A span.
    public init(path: String, start: SourceLocation, end: SourceLocation) {
        self.path = path
        self.start = start
        self.end = end
    }

    /// A one-position span.
    public init(path: String, line: Int, column: Int) {
        self.init(
            path: path, start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: line, column: column))
    }

    /// Orders by path, then start, then end.
    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(start.line):\(start.column)" }
}
