import IKEDiagnostics

/// Where a setting lives: the policy file, the key path inside it
/// (`peers.branch.phase1.proposals`) and, when it was written, its span. Reports and
/// suggested changes point here.
public struct PolicyLocation: Sendable, Hashable, CustomStringConvertible {
    /// The policy file's path as given on the command line.
    public let file: String
    /// The dotted key path inside the file.
    public let keyPath: String
    /// The written value, if the setting was written (nil for a default).
    public let span: SourceSpan?

    /// A location.
    public init(file: String, keyPath: String, span: SourceSpan?) {
        self.file = file
        self.keyPath = keyPath
        self.span = span
    }

    /// The file's last path component (`hq.yaml`), for short sentences.
    public var fileName: String {
        file.split(separator: "/").last.map(String.init) ?? file
    }

    /// `path:line:column` of the span, or the path alone.
    public var position: String {
        guard let span else { return file }
        return "\(file):\(span.start.line):\(span.start.column)"
    }

    /// `hq.yaml peers.branch.phase1.proposals`.
    public var description: String { "\(fileName) \(keyPath)" }

    /// The location of a key below this one.
    public func child(_ key: String, span: SourceSpan?) -> PolicyLocation {
        PolicyLocation(file: file, keyPath: "\(keyPath).\(key)", span: span)
    }
}
