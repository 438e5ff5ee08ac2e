/// The error IKEExport throws when writing a compiled configuration fails. Problems of the
/// policy itself are diagnostics, not errors.
public struct ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public enum Code: String, Sendable, Hashable {
        /// The output folder could not be created or is not a folder.
        case outputFolder = "output-folder"
        /// A file could not be written or moved into place.
        case writeFailed = "write-failed"
        /// A credential link would replace something that is not a link.
        case linkConflict = "link-conflict"
        /// The compiled configuration has errors; nothing was written.
        case hasErrors = "has-errors"
    }

    /// The code.
    public let code: Code
    /// Context for a person: which file and why. Never a secret.
    public let context: String

    /// An error.
    public init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    /// `code: context`.
    public var description: String { "\(code.rawValue): \(context)" }
}
