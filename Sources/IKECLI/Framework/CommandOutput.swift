/// How a run ends (DESIGN.md, "Command line").
public enum ExitStatus: Int32, Sendable, Hashable {
    /// All good.
    case success = 0
    /// The input has problems: errors, or lint findings at or above `--fail-on`.
    case inputProblems = 1
    /// The command was misused or a file could not be read.
    case misuse = 2
}

/// What a command produced: text for standard output and standard error, and the exit
/// status. Only `CLI.main` writes these out.
public struct CommandOutput: Sendable, Hashable {
    /// Text for standard output.
    public var stdout: String
    /// Text for standard error.
    public var stderr: String
    /// The exit status.
    public var status: ExitStatus

    /// An output.
    public init(stdout: String = "", stderr: String = "", status: ExitStatus = .success) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }

    /// A misuse: the message on standard error, exit status 2.
    static func usage(_ error: UsageError, command: String?, colour: Bool) -> CommandOutput {
        let program = command.map { "ikec \($0)" } ?? "ikec"
        var text = "\(program): \(ErrorStyle.error(colour)): \(error.message)\n"
        if let suggestion = error.suggestion { text += "  did you mean '\(suggestion)'?\n" }
        text += "run '\(program) --help' for usage\n"
        return CommandOutput(stderr: text, status: .misuse)
    }
}

/// The `error:` label, red on a terminal.
enum ErrorStyle {
    static func error(_ colour: Bool) -> String {
        colour ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
    }

    static func warning(_ colour: Bool) -> String {
        colour ? "\u{1B}[1;33mwarning\u{1B}[0m" : "warning"
    }

    static func note(_ colour: Bool) -> String {
        colour ? "\u{1B}[1;36mnote\u{1B}[0m" : "note"
    }
}
