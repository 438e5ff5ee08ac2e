import IKEDiagnostics
import IKELint
import IKEPolicy

/// `ikec explain RULE`: one rule's or checker diagnostic's full explanation.
public enum ExplainCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "explain", summary: "Explain a lint rule or checker diagnostic",
        overview: """
            Print the full explanation of a lint rule (IKE-L004 or weak-dh-group) or of a \
            checker diagnostic (E0301 or unknown-algorithm): why it matters, what to do, \
            and the RFC sections behind it.
            """,
        arguments: [ArgumentSpec("rule", help: "A rule or diagnostic id or name")])

    /// Prints the explanation.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        let wanted = arguments.positionals.first ?? ""
        let catalog = LintRules.catalog + PolicyDiagnostics.catalog
        let found = catalog.first { rule in
            rule.id.caseInsensitiveCompare(wanted) || rule.name.caseInsensitiveCompare(wanted)
        }
        guard let rule = found else {
            let error = UsageError(
                .invalidValue, "unknown rule '\(wanted)'",
                suggestion: Suggestions.closest(
                    to: wanted, among: catalog.flatMap { [$0.name, $0.id] }))
            let colour = environment.stderrIsTerminal && environment.variables["NO_COLOR"] == nil
            var output = CommandOutput.usage(error, command: "explain", colour: colour)
            output.stderr = output.stderr.replacingFirstLine(
                with: "ikec explain: \(ErrorStyle.error(colour)): unknown rule '\(wanted)'")
            output.stderr += "run 'ikec rules' for the list of rules\n"
            return output
        }
        var out = "\(rule.id) \(rule.name) (\(rule.defaultSeverity.rawValue))\n\n"
        out += rule.summary + "\n\n"
        out += rule.explanation + "\n"
        return CommandOutput(stdout: out)
    }
}

extension String {
    fileprivate func caseInsensitiveCompare(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }

    fileprivate func replacingFirstLine(with line: String) -> String {
        guard let newline = firstIndex(of: "\n") else { return line }
        return line + self[newline...]
    }
}
