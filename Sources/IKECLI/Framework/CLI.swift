import IKEDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `ikec` command line: dispatches to a subcommand and owns the only place that
/// prints and exits (STYLE.md habit 12).
public enum CLI {
    /// Runs `ikec` with `arguments` (without the program name) and returns what it would
    /// print and its exit status. Pure apart from what commands read through
    /// `environment` and the file system.
    public static func run(_ arguments: [String], environment: CLIEnvironment) -> CommandOutput {
        let errorColour = environment.stderrIsTerminal && environment.variables["NO_COLOR"] == nil
        guard let first = arguments.first else {
            let error = UsageError(.missingSubcommand, "no subcommand given")
            var output = CommandOutput.usage(error, command: nil, colour: errorColour)
            output.stderr += "\n" + HelpFormatter.topLevel(commands: CommandRegistry.all)
            return output
        }

        // Top-level options, and `ikec help [command]`.
        switch first {
        case "--help", "-h":
            return CommandOutput(stdout: HelpFormatter.topLevel(commands: CommandRegistry.all))
        case "--version":
            return CommandOutput(stdout: "ikec \(IKECVersion.current)\n")
        case "help":
            guard let name = arguments.dropFirst().first else {
                return CommandOutput(stdout: HelpFormatter.topLevel(commands: CommandRegistry.all))
            }
            return run([name, "--help"], environment: environment)
        default:
            break
        }

        guard let command = CommandRegistry.command(named: first) else {
            let names = CommandRegistry.all.map(\.configuration.name)
            let error =
                first.hasPrefix("-")
                ? UsageError(
                    .unknownOption, "unknown option '\(first)'",
                    suggestion: Suggestions.closest(to: first, among: ["--help", "--version"]))
                : UsageError(
                    .unknownSubcommand, "unknown subcommand '\(first)'",
                    suggestion: Suggestions.closest(to: first, among: names))
            return CommandOutput.usage(error, command: nil, colour: errorColour)
        }
        return run(command, Array(arguments.dropFirst()), environment, errorColour: errorColour)
    }

    private static func run(
        _ command: RegisteredCommand, _ arguments: [String], _ environment: CLIEnvironment,
        errorColour: Bool
    ) -> CommandOutput {
        let configuration = command.configuration
        let beforeSeparator = arguments.prefix { $0 != "--" }
        if beforeSeparator.contains("--help") || beforeSeparator.contains("-h") {
            return CommandOutput(stdout: HelpFormatter.help(for: configuration))
        }
        do {
            let parsed = try ArgumentParser(configuration: configuration).parse(arguments)
            return command.run(parsed, environment)
        } catch {
            return CommandOutput.usage(error, command: configuration.name, colour: errorColour)
        }
    }

    /// The program's entry point: runs with the process's arguments and environment,
    /// writes standard output and standard error, and exits. The only place in ikec that
    /// prints or exits.
    public static func main() -> Never {
        let output = run(Array(CommandLine.arguments.dropFirst()), environment: .process())
        write(output.stdout, to: STDOUT_FILENO)
        write(output.stderr, to: STDERR_FILENO)
        exit(output.status.rawValue)
    }

    /// Writes all of `text`, retrying short writes; a closed pipe ends the attempt.
    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
