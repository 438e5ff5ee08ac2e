import IKEDiagnostics
import IKEPolicy

/// Resolves the rule ids and names a policy writes (`lint: rules:` keys and suppression
/// brackets) against the lint catalog and the checker's catalog.
enum RuleReferences {
    /// Every id and name, to the id.
    private static let byReference: [String: String] = {
        var table: [String: String] = [:]
        for descriptor in PolicyDiagnostics.catalog + LintRules.catalog {
            table[descriptor.id] = descriptor.id
            table[descriptor.name] = descriptor.id
        }
        return table
    }()

    /// Every id and name, in catalog order, for suggestions.
    private static let candidates: [String] = (LintRules.catalog + PolicyDiagnostics.catalog)
        .flatMap { [$0.name, $0.id] }

    /// The id a reference names, or nil.
    static func id(for reference: String) -> String? { byReference[reference] }

    /// The name of a rule id, or nil.
    static func name(of id: String) -> String? {
        LintRules.descriptor(for: id)?.name ?? PolicyDiagnostics.descriptor(for: id)?.name
    }

    /// The unknown-rule finding for a reference that names nothing.
    static func unknown(_ reference: Located<String>, in what: String) -> Diagnostic {
        var notes: [DiagnosticNote] = []
        var fixIts: [FixIt] = []
        if let guess = Suggestions.closest(to: reference.value, among: candidates) {
            notes.append(DiagnosticNote("did you mean '\(guess)'?"))
            fixIts.append(
                FixIt("replace with '\(guess)'", span: reference.span, replacement: guess))
        }
        notes.append(DiagnosticNote("'ikec rules' lists every rule"))
        return UnknownRuleRule().finding(
            "unknown rule '\(reference.value)' in \(what)", at: reference.span, notes: notes,
            fixIts: fixIts)
    }
}
