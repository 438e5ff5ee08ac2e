import IKEDiagnostics

/// What loading a policy file produced.
///
/// Three outcomes, which the command line maps to exit codes: the file could not be read
/// (`readError`, exit 2); it was read but has errors (`policy` is nil and `diagnostics`
/// holds at least one error, exit 1); or it checked (`policy` is set; `diagnostics` may
/// still hold warnings and notes).
public struct PolicyLoadResult: Sendable {
    /// The file's text with literal secrets masked, for `TextRenderer`; nil when the file
    /// could not be read or is not text.
    public let source: SourceFile?
    /// The checked policy; nil when the file has errors or could not be read.
    public let policy: CheckedPolicy?
    /// Everything the YAML layer and the checker found, sorted by place.
    public let diagnostics: [Diagnostic]
    /// Why the file could not be read, if it could not.
    public let readError: PolicyReadError?
    /// Whether the file is YAML of some other kind: its root is a mapping with none of a
    /// policy's top-level keys (`ikec`, `gateway`, `proposals`, `lint`, `peers`).
    /// `ikec lint` skips such files when it finds them in a folder.
    public var isForeignDocument = false

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A policy file that could not be read at all (missing, a folder, permissions).
public struct PolicyReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as given (`<stdin>` for standard input).
    public let path: String
    /// What the system said, lowercase: "no such file or directory".
    public let reason: String

    /// `cannot read 'path': reason`.
    public var description: String { "cannot read '\(path)': \(reason)" }

    /// The same as a diagnostic with no place, id `E0100`.
    public var diagnostic: Diagnostic {
        Diagnostic(
            id: PolicyDiagnosticID.unreadableFile.rawValue, severity: .error,
            message: description, span: nil)
    }
}
