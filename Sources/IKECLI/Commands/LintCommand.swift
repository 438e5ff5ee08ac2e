import IKEDiagnostics
import IKEPolicy

/// `ikec lint FILE|DIR...`: parse, check and lint policies.
public enum LintCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "lint", summary: "Parse, check and lint policy files",
        overview: """
            Parse, check and lint policy files. Folders are searched recursively for \
            *.yaml and *.yml files; YAML of other kinds found there (no ikec, gateway or \
            peers key) is skipped with a note. Files that describe the two ends of a \
            connection are paired, which enables cross-file rules. Exit status: 0 no \
            problems at or above --fail-on, 1 problems, 2 misuse or an unreadable file.
            """,
        arguments: [
            ArgumentSpec(
                "path", help: "A policy file, a folder, or - for standard input", repeated: true)
        ],
        options: [
            CommonOptions.format,
            OptionSpec.value(
                "profile", placeholder: "profile", choices: LintProfile.allCases.map(\.rawValue),
                help: "Lint profile for every file, overriding each file's lint.profile"),
            OptionSpec.value(
                "fail-on", placeholder: "severity", choices: ["error", "warning", "note"],
                default: "error",
                help: "Exit with status 1 for findings of this severity or worse"),
            CommonOptions.color,
        ])

    /// Lints the files and reports.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        let format = arguments.value("format").flatMap(OutputFormat.init) ?? .text
        let colourChoice = arguments.value("color").flatMap(ColourChoice.init) ?? .auto
        let colour = colourChoice.enabled(
            terminal: environment.stdoutIsTerminal, environment: environment)
        let errorColour = colourChoice.enabled(
            terminal: environment.stderrIsTerminal, environment: environment)
        let profile = arguments.value("profile").flatMap(LintProfile.init)
        let failOn = arguments.value("fail-on").flatMap(Severity.init) ?? .error

        let inputs = PolicyInputs.expand(arguments.positionals)
        var stderr = ""
        for folder in inputs.emptyFolders {
            stderr +=
                "ikec lint: \(ErrorStyle.warning(errorColour)): no *.yaml or *.yml files "
                + "under '\(folder)'\n"
        }

        let run = LintRun.run(inputs, profile: profile, environment: environment)
        for path in run.skipped {
            stderr +=
                "ikec lint: \(ErrorStyle.note(errorColour)): skipped '\(path)': YAML without "
                + "a policy's top-level keys (ikec, gateway, peers)\n"
        }
        // Nothing found, or only YAML of other kinds.
        guard !run.files.isEmpty else {
            stderr += "ikec lint: \(ErrorStyle.error(errorColour)): no policy files to lint\n"
            return CommandOutput(stderr: stderr, status: .misuse)
        }
        for file in run.files {
            if let readError = file.readError {
                stderr += "ikec lint: \(ErrorStyle.error(errorColour)): \(readError)\n"
            }
        }
        let stdout = LintReport.render(run, format: format, colour: colour)

        let status: ExitStatus
        if run.hasReadErrors {
            status = .misuse
        } else if run.allDiagnostics.contains(where: { $0.severity >= failOn }) {
            status = .inputProblems
        } else {
            status = .success
        }
        return CommandOutput(stdout: stdout, stderr: stderr, status: status)
    }
}
