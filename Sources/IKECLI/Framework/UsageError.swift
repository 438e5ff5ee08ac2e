/// A misuse of the command line: an unknown option or subcommand, a missing or invalid
/// value, too many or too few arguments. Exit status 2.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable for tests and scripts.
    public enum Code: String, Sendable, Hashable {
        /// An option the command does not have.
        case unknownOption = "unknown-option"
        /// A subcommand `ikec` does not have.
        case unknownSubcommand = "unknown-subcommand"
        /// No subcommand given.
        case missingSubcommand = "missing-subcommand"
        /// An option given without its value.
        case missingValue = "missing-value"
        /// A value outside the option's choices.
        case invalidValue = "invalid-value"
        /// A required positional argument is missing.
        case missingArgument = "missing-argument"
        /// More positional arguments than the command takes.
        case unexpectedArgument = "unexpected-argument"
        /// A flag given a value (`--all=yes`).
        case flagWithValue = "flag-with-value"
    }

    /// The code.
    public let code: Code
    /// The message: lowercase, source tokens in '...'.
    public let message: String
    /// "did you mean '--format'?" when an edit distance suggests one.
    public let suggestion: String?

    /// An error.
    public init(_ code: Code, _ message: String, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.suggestion = suggestion
    }

    /// The message.
    public var description: String { message }
}
