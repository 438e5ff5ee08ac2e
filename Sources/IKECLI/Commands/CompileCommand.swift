import IKEDiagnostics
import IKEExport
import IKEPolicy

/// `ikec compile --target T [-o DIR] FILE`: the policy as a real daemon's configuration.
public enum CompileCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "compile", summary: "Compile a policy into strongSwan or Libreswan configuration",
        overview: """
            Compile a policy into a daemon's configuration: swanctl.conf for strongSwan 5.9 \
            (--target swanctl) or ipsec.conf for Libreswan 4.10 (--target libreswan). \
            Without -o the configuration goes to standard output and holds no secret. With \
            -o DIR, ikec writes the configuration, a secrets file (mode 0600) with the \
            pre-shared keys, and for swanctl links to the certificates and keys, all or \
            nothing. What the target cannot express is reported with the policy's place; \
            with problems at or above --fail-on nothing is written. Exit status: 0 written, \
            1 problems, 2 misuse or an unreadable or unwritable file.
            """,
        arguments: [ArgumentSpec("path", help: "A policy file, or - for standard input")],
        options: [
            OptionSpec.value(
                "target", short: "t", placeholder: "target",
                choices: ExportTarget.allCases.map(\.rawValue),
                help: "The daemon: swanctl (strongSwan 5.9) or libreswan (Libreswan 4.10)"),
            OptionSpec.value(
                "output", short: "o", placeholder: "dir",
                help: "Write the configuration, secrets file and credential links here"),
            OptionSpec.value(
                "format", placeholder: "format", choices: OutputFormat.allCases.map(\.rawValue),
                default: OutputFormat.text.rawValue,
                help: "Format of the diagnostics on standard error: text, json, sarif or github"),
            OptionSpec.value(
                "fail-on", placeholder: "severity", choices: ["error", "warning", "note"],
                default: "error",
                help: "Write nothing and exit 1 for problems of this severity or worse"),
            CommonOptions.color,
        ])

    /// Compiles the policy and writes or prints the result.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        let colourChoice = arguments.value("color").flatMap(ColourChoice.init) ?? .auto
        let colour = colourChoice.enabled(
            terminal: environment.stderrIsTerminal, environment: environment)
        guard let target = arguments.value("target").flatMap(ExportTarget.init) else {
            let error = UsageError(.missingValue, "missing option '--target <target>'")
            return CommandOutput.usage(error, command: "compile", colour: colour)
        }
        let request = CompileRequest(
            path: arguments.positionals.first ?? "-", target: target,
            output: arguments.value("output"),
            format: arguments.value("format").flatMap(OutputFormat.init) ?? .text,
            failOn: arguments.value("fail-on").flatMap(Severity.init) ?? .error, colour: colour)
        return CompileRun.run(request, environment: environment)
    }
}
