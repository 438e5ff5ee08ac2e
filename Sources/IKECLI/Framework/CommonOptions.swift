/// Options that several commands share, spelled the same everywhere (DESIGN.md,
/// "Conventions").
public enum CommonOptions {
    /// `--format text|json|sarif|github`.
    public static let format = OptionSpec.value(
        "format", placeholder: "format", choices: OutputFormat.allCases.map(\.rawValue),
        default: OutputFormat.text.rawValue,
        help: "Output format: text, json, sarif or github (workflow commands)")

    /// `--format text|json`, for commands whose output is not diagnostics.
    public static let listFormat = OptionSpec.value(
        "format", placeholder: "format", choices: ["text", "json"], default: "text",
        help: "Output format: text or json")

    /// `--color auto|always|never`.
    public static let color = OptionSpec.value(
        "color", placeholder: "when", choices: ColourChoice.allCases.map(\.rawValue),
        default: ColourChoice.auto.rawValue,
        help: "Colour: auto (a terminal without NO_COLOR), always, never")
}

/// Output formats for diagnostics.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Compiler-style text with source excerpts.
    case text
    /// One JSON document.
    case json
    /// One SARIF 2.1.0 log.
    case sarif
    /// GitHub Actions workflow commands.
    case github
}

/// When to use ANSI colour.
public enum ColourChoice: String, Sendable, CaseIterable {
    /// On a terminal, unless `NO_COLOR` is set (to any value).
    case auto
    /// Always (an explicit request wins over `NO_COLOR`).
    case always
    /// Never.
    case never

    /// Whether to colour a stream.
    func enabled(terminal: Bool, environment: CLIEnvironment) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return terminal && environment.variables["NO_COLOR"] == nil
        }
    }
}
