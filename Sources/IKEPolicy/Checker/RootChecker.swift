import IKECore
import IKEDiagnostics

extension PolicyChecker {
    /// The top level: `ikec`, `gateway`, `proposals`, `lint`, `peers`.
    mutating func checkRoot(_ root: YAMLNode) -> Parts? {
        guard case .mapping = root.content else {
            error(
                .wrongType,
                "a policy is a mapping that starts with 'ikec: 1', not \(root.kindDescription)",
                at: root.span)
            return nil
        }
        return nil
    }

    /// Records an error.
    mutating func error(
        _ id: PolicyDiagnosticID, _ message: String, at span: SourceSpan,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        diagnostics.append(
            Diagnostic(
                id: id.rawValue, severity: id.defaultSeverity, message: message, span: span,
                notes: notes, fixIts: fixIts))
    }
}
