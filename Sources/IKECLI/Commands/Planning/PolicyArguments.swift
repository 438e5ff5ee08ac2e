import IKEDiagnostics
import IKEPlan
import IKEPolicy

/// Loading the policy files a planning command (`plan`, `matrix`, `negotiate`) names:
/// paths as given, `-` for standard input (at most once). A file that cannot be read is a
/// misuse (exit 2); one with checker errors is an input problem (exit 1). Either way the
/// diagnostics go to standard error with their source excerpts.
struct PolicyArguments {
    /// The checked policies, in the order given.
    let policies: [CheckedPolicy]

    /// Loads `paths`; on failure, the output to return instead.
    static func load(
        _ paths: [String], command: String, environment: CLIEnvironment, colour: Bool
    ) -> Result<PolicyArguments, CommandFailure> {
        guard paths.filter({ $0 == "-" }).count <= 1 else {
            return .failure(
                CommandFailure(
                    output: CommandOutput(
                        stderr: "ikec \(command): \(ErrorStyle.error(colour)): standard input "
                            + "('-') can be read only once\n", status: .misuse)))
        }
        var policies: [CheckedPolicy] = []
        var stderr = ""
        var status = ExitStatus.success
        for path in paths {
            let result =
                path == "-"
                ? PolicyLoader.load(
                    bytes: environment.readStandardInput(), path: PolicyLoader.standardInputPath)
                : PolicyLoader.load(path: path)
            if let readError = result.readError {
                stderr += "ikec \(command): \(ErrorStyle.error(colour)): \(readError)\n"
                status = .misuse
                continue
            }
            guard let policy = result.policy else {
                let renderer = TextRenderer(files: result.source.map { [$0] } ?? [], colour: colour)
                let errors = result.diagnostics.filter { $0.severity == .error }
                stderr += errors.map { renderer.render($0) + "\n" }.joined()
                stderr +=
                    "ikec \(command): \(ErrorStyle.error(colour)): '\(path)' has "
                    + "\(errors.count) error\(errors.count == 1 ? "" : "s"); "
                    + "run 'ikec lint \(path)'\n"
                if status == .success { status = .inputProblems }
                continue
            }
            policies.append(policy)
        }
        guard status == .success else {
            return .failure(CommandFailure(output: CommandOutput(stderr: stderr, status: status)))
        }
        return .success(PolicyArguments(policies: policies))
    }

    /// A plan-layer error (pairing, credentials) rendered on standard error, exit 1.
    static func render(_ error: PlanError, policies: [CheckedPolicy], command: String, colour: Bool)
        -> CommandOutput
    {
        let renderer = TextRenderer(files: policies.map(\.source.file), colour: colour)
        var stderr = error.diagnostics.map { renderer.render($0) + "\n" }.joined()
        stderr += "ikec \(command): \(ErrorStyle.error(colour)): \(error.code.rawValue)\n"
        return CommandOutput(stderr: stderr, status: .inputProblems)
    }
}

/// A command's early end, carrying what it prints.
struct CommandFailure: Error {
    /// The output to return.
    let output: CommandOutput
}
