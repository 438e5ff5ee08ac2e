/// One subcommand of `ikec`: its name, help text, options and arguments, and what it does.
///
/// A command never prints and never exits: it reads what it needs from `CLIEnvironment`
/// and returns its output and exit status in a `CommandOutput`, which `CLI.main` writes
/// out in one place.
public protocol CLICommand: Sendable {
    /// The name, help text, options and arguments.
    static var configuration: CommandConfiguration { get }

    /// Runs the command with arguments the parser has already checked against
    /// `configuration`.
    static func run(_ arguments: ParsedArguments, environment: CLIEnvironment) -> CommandOutput
}

/// What a command declares about itself; the parser and the help text are derived from it.
public struct CommandConfiguration: Sendable {
    /// The subcommand's name (`lint`).
    public var name: String
    /// One line for the top-level SUBCOMMANDS list.
    public var summary: String
    /// The OVERVIEW paragraph of the command's own help.
    public var overview: String
    /// Positional arguments, in order.
    public var arguments: [ArgumentSpec]
    /// Options (`--help` is added by the framework).
    public var options: [OptionSpec]

    /// A configuration.
    public init(
        name: String, summary: String, overview: String, arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = []
    ) {
        self.name = name
        self.summary = summary
        self.overview = overview
        self.arguments = arguments
        self.options = options
    }
}
