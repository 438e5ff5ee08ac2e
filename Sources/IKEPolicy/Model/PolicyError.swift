/// The error IKEPolicy throws when a later stage asks it for something that is not there
/// (today: a pre-shared key that cannot be resolved). Problems in a policy file are not
/// thrown: they are diagnostics in a `PolicyLoadResult`.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public enum Code: String, Sendable, Hashable {
        /// The secret's variable is unset or its file cannot be read.
        case secretUnavailable = "secret-unavailable"
        /// The secret's text is empty or its `0x`/`0s` form does not decode.
        case secretMalformed = "secret-malformed"
    }

    /// The code.
    public let code: Code
    /// Context for a person: which variable or file. Never a secret's value.
    public let context: String

    /// An error.
    public init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    /// `code: context`.
    public var description: String { "\(code.rawValue): \(context)" }
}
