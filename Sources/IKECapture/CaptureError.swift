/// The one error type of IKECapture: a stable `code` and a short context naming what was
/// being done. Contexts hold paths, counts and `errno` text, never key material.
public struct CaptureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A file or folder could not be created, written, synced or renamed.
        case fileSystem = "file-system"
        /// A row or packet given to this module is inconsistent (addresses of two
        /// families, an SPI of the wrong size, a key of the wrong length).
        case invalidInput = "invalid-input"
        /// A packet could not be framed (too large for IP, for example).
        case framing = "framing"
    }

    /// The stable code.
    public let code: Code
    /// What was being done.
    public let context: String

    /// An error with its code and context.
    public init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    /// `code: context`.
    public var description: String { "\(code.rawValue): \(context)" }
}
