import IKEDiagnostics
import IKELint
import IKEPolicy

/// `ikec rules`: the lint rule catalog.
public enum RulesCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "rules", summary: "List the lint rules",
        overview: """
            List the lint rules: id, name, default severity and what each finds. \
            'ikec explain ID' prints a rule's full explanation; --checker adds the type \
            checker's diagnostics (E0xxx).
            """,
        options: [
            CommonOptions.listFormat,
            OptionSpec.flag("checker", help: "Also list the checker's diagnostics"),
        ])

    /// Lists the catalog.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        var rules = LintRules.catalog
        if arguments.flag("checker") { rules += PolicyDiagnostics.catalog }
        if arguments.value("format") == "json" {
            let entries = rules.map { rule -> JSONValue in
                .object([
                    ("id", .string(rule.id)), ("name", .string(rule.name)),
                    ("severity", .string(rule.defaultSeverity.rawValue)),
                    ("summary", .string(rule.summary)),
                ])
            }
            return CommandOutput(stdout: JSONValue.array(entries).serialized() + "\n")
        }
        let idWidth = rules.map(\.id.count).max() ?? 0
        let nameWidth = rules.map(\.name.count).max() ?? 0
        var out = ""
        for rule in rules {
            out += pad(rule.id, idWidth) + "  " + pad(rule.name, nameWidth) + "  "
            out += pad(rule.defaultSeverity.rawValue, 7) + "  " + rule.summary + "\n"
        }
        return CommandOutput(stdout: out)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
