import IKEDiagnostics
import IKEPolicy

/// Pre-shared keys written into the policy file.
struct LiteralPSKRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L011", name: "literal-psk",
        summary: "a pre-shared key is written in the policy file",
        explanation: """
            A key written into the policy ends up in git history, in CI logs of anyone \
            who prints the file, and in every copy of the repository. ikec masks it in \
            its own output, but cannot stop other tools from showing it.

            Fix: move the key to a file readable only by the gateway's user \
            ('psk: { file: hq-branch.psk }', mode 0600, not committed) or to an \
            environment variable set by the deployment ('psk: { env: HQ_BRANCH_PSK }').
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.policy.peers.compactMap { peer in
            guard let psk = peer.auth.psk, case .literal = psk.value.source else { return nil }
            return finding(
                "peer '\(peer.name.value)' has its pre-shared key written in the policy",
                at: psk.span,
                notes: [DiagnosticNote("use { file: path } or { env: NAME } instead")])
        }
    }
}
