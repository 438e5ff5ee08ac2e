/// Why a live command stopped before negotiating: a misuse (exit status 2) or a policy
/// with errors (exit status 1), already rendered for standard error.
struct LiveFailure: Error {
    /// The text for standard error.
    let message: String
    /// The exit status.
    let status: ExitStatus

    /// The command's output for this failure.
    func output(command: String, colour: Bool) -> CommandOutput {
        CommandOutput(
            stderr: "ikec \(command): \(ErrorStyle.error(colour)): \(message)\n", status: status)
    }
}
