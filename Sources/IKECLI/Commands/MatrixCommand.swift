import IKEPlan
import IKEPolicy

/// `ikec matrix FILE...`: proposal matrices within a file, between two files, or across
/// every pair of many.
public enum MatrixCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "matrix", summary: "Proposal matrices: within a file, between files, all pairs",
        overview: """
            Show who can talk to whom, with what. With one file: each phase 1 and phase 2 \
            suite and its position in each peer's list (which peers of a hub share which \
            suites). With two files that pair up: the selected suite, or the nearest miss, \
            at each step in each direction. With more files: for every two that pair up, \
            the IKE suite selected when the row's gateway initiates to the column's. Exit \
            status: 0 no predicted failure, 1 a predicted failure or input problems, 2 \
            misuse or an unreadable file.
            """,
        arguments: [
            ArgumentSpec(
                "file", help: "A policy file, or - for standard input (once)", repeated: true)
        ],
        options: [CommonOptions.listFormat, CommonOptions.color])

    /// Builds and prints the matrix.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        let colour = (arguments.value("color").flatMap(ColourChoice.init) ?? .auto).enabled(
            terminal: environment.stderrIsTerminal, environment: environment)
        let policies: [CheckedPolicy]
        switch PolicyArguments.load(
            arguments.positionals, command: "matrix", environment: environment, colour: colour)
        {
        case .success(let value): policies = value.policies
        case .failure(let failure): return failure.output
        }

        let matrix = ProposalMatrix.build(policies)
        let stdout =
            arguments.value("format") == "json"
            ? MatrixJSONRenderer.render(matrix).serialized() + "\n"
            : MatrixTextRenderer.render(matrix)
        return CommandOutput(stdout: stdout, status: matrix.hasFailure ? .inputProblems : .success)
    }
}
