import IKECore
import IKEDiagnostics

extension PolicyChecker {
    static let rootKeys: FieldNames = ["ikec", "gateway", "proposals", "lint", "peers"]

    /// The top level: `ikec`, `gateway`, `proposals`, `lint`, `peers`.
    mutating func checkRoot(_ root: YAMLNode) -> Parts? {
        guard case .mapping = root.content else {
            error(
                .wrongType,
                "a policy is a mapping that starts with 'ikec: 1', not \(root.kindDescription)",
                at: root.span)
            return nil
        }
        guard let fields = fields(root, of: "the policy", allowed: Self.rootKeys) else {
            return nil
        }
        let top = SourceSpan(path: path, line: 1, column: 1)

        let version = required(fields, "ikec", in: "the policy", owner: top).flatMap {
            languageVersion($0.value)
        }
        let sets = fields["proposals"].map { proposalSets($0.value) } ?? []
        let lint = fields["lint"].map { lintSettings($0.value) } ?? .unwritten
        let gateway = required(fields, "gateway", in: "the policy", owner: top).flatMap {
            checkGateway($0)
        }
        let peers = required(fields, "peers", in: "the policy", owner: top).flatMap {
            checkPeers($0, gateway: gateway)
        }
        guard let version, let gateway, let peers, let lint else { return nil }
        return Parts(
            languageVersion: version, gateway: gateway, proposalSets: sets, peers: peers,
            lint: lint)
    }

    private mutating func languageVersion(_ node: YAMLNode) -> Located<Int>? {
        guard let number = integer(node, for: "ikec") else { return nil }
        guard number.value == 1 else {
            error(
                .unsupportedLanguageVersion,
                "policy language version \(number.value) is not supported; this ikec reads "
                    + "version 1",
                at: number.span,
                fixIts: [FixIt("write 'ikec: 1'", span: number.span, replacement: "1")])
            return nil
        }
        return Located(1, at: number.span)
    }

    /// Records an error (or the id's default severity).
    mutating func error(
        _ id: PolicyDiagnosticID, _ message: String, at span: SourceSpan,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        if id.defaultSeverity == .error { errorTotal += 1 }
        diagnostics.append(
            Diagnostic(
                id: id.rawValue, severity: id.defaultSeverity, message: message, span: span,
                notes: notes, fixIts: fixIts))
    }
}
