/// The subcommands of `ikec`, in the order `ikec --help` lists them.
///
/// Adding a command (`plan`, `matrix`, `negotiate`, `compile`, `probe`, `respond`):
///
/// 1. Create `Sources/IKECLI/Commands/PlanCommand.swift` with an `enum PlanCommand:
///    CLICommand`. Its `configuration` names it, gives the one-line `summary` for
///    `ikec --help`, the OVERVIEW text, its positional `arguments` and its `options` (reuse
///    `CommonOptions.format` and `CommonOptions.color` where they apply; `--help` is
///    added for you). Help text, usage errors with "did you mean", value checks against
///    `choices` and defaults all come from this declaration.
/// 2. Implement `run(_:environment:)`: read options with `arguments.value("format")`,
///    flags with `arguments.flag("all")`, positionals from `arguments.positionals` (`-`
///    means standard input: read it with `environment.readStandardInput`). Return a
///    `CommandOutput` with the text for standard output and standard error and an
///    `ExitStatus` (0 good, 1 the input has problems, 2 misuse or unreadable file).
///    Never print or exit: `CLI.main` does both, in one place.
/// 3. Add `.command(PlanCommand.self)` to `all` below, and a test in `Tests/IKECLITests` that runs
///    `CLI.run(["plan", ...], environment:)` and compares its output.
public enum CommandRegistry {
    /// Every subcommand.
    public static let all: [RegisteredCommand] = [
        .command(LintCommand.self),
        .command(RulesCommand.self),
        .command(ExplainCommand.self),
        .command(PlanCommand.self),
        .command(MatrixCommand.self),
        .command(NegotiateCommand.self),
        .command(CompileCommand.self),
        .command(ProbeCommand.self),
        .command(RespondCommand.self),
    ]

    /// The command with this name.
    static func command(named name: String) -> RegisteredCommand? {
        all.first { $0.configuration.name == name }
    }
}

/// A command in the registry: its declaration and its entry point.
public struct RegisteredCommand: Sendable {
    /// The command's declaration.
    public let configuration: CommandConfiguration
    /// Its `run`.
    let run: @Sendable (ParsedArguments, CLIEnvironment) -> CommandOutput

    /// The registry entry for a command type.
    public static func command<Command: CLICommand>(_ type: Command.Type) -> RegisteredCommand {
        RegisteredCommand(
            configuration: Command.configuration,
            run: { arguments, environment in Command.run(arguments, environment: environment) })
    }
}
