import IKEPlan
import IKEPolicy

/// `ikec plan FILE [FILE]`: the negotiation plan of one policy (each peer against its
/// mirror image) or of a pair.
public enum PlanCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "plan", summary: "Print the negotiation plan of a policy or a pair",
        overview: """
            Compile one policy, or the two ends of a connection, into a negotiation plan: \
            what each side offers, accepts and is predicted to select when either side \
            initiates, how the peers authenticate, each Child SA's proposal and selectors \
            after narrowing, lifetimes, the first rekeys and the exchanges. With one file, \
            each peer is planned against its mirror image. Exit status: 0 the plan works in \
            both directions, 1 a step is predicted to fail or the input has problems, 2 \
            misuse or an unreadable file.
            """,
        arguments: [
            ArgumentSpec("file", help: "A policy file, or - for standard input"),
            ArgumentSpec("peer-file", help: "The policy of the other end", optional: true),
        ],
        options: [CommonOptions.listFormat, CommonOptions.color])

    /// Plans and reports.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        let colour = (arguments.value("color").flatMap(ColourChoice.init) ?? .auto).enabled(
            terminal: environment.stderrIsTerminal, environment: environment)
        let loaded = PolicyArguments.load(
            arguments.positionals, command: "plan", environment: environment, colour: colour)
        let policies: [CheckedPolicy]
        switch loaded {
        case .success(let value): policies = value.policies
        case .failure(let failure): return failure.output
        }

        let plan: Plan
        if policies.count == 2 {
            do {
                plan = Planner.plan(try PolicyPairer.pair(policies[0], policies[1]))
            } catch {
                return PolicyArguments.render(
                    error, policies: policies, command: "plan", colour: colour)
            }
        } else {
            plan = Planner.plan(policies[0])
        }

        let stdout =
            arguments.value("format") == "json"
            ? PlanJSONRenderer.render(plan).serialized() + "\n" : PlanTextRenderer.render(plan)
        let fails = plan.connections.contains { connection in
            connection.directions.contains { !$0.allFailures.isEmpty }
        }
        return CommandOutput(stdout: stdout, status: fails ? .inputProblems : .success)
    }
}
