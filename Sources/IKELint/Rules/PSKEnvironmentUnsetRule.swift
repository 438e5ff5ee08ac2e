import IKEDiagnostics

/// Pre-shared keys read from an environment variable that is not set.
struct PSKEnvironmentUnsetRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L015", name: "psk-env-unset",
        summary: "a pre-shared key's environment variable is not set",
        explanation: """
            'psk: { env: NAME }' reads the key when it is needed. Linting often runs \
            without secrets (in CI), so an unset variable is only a note: the key's \
            length and strength could not be checked, and 'ikec negotiate' or a real \
            deployment would fail if the variable were still unset there.

            Fix: nothing, if the variable is set where the policy is used; to have the \
            key checked too, set it when running 'ikec lint'.
            """,
        defaultSeverity: .note)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.policy.peers.compactMap { peer in
            guard let psk = peer.auth.psk, case .environment(let name) = psk.value.source,
                !context.isSet(name)
            else { return nil }
            return finding(
                MessageText.joined([
                    "environment variable '", name, "' for peer '", peer.name.value,
                    "' is not set",
                ]),
                at: psk.span,
                notes: [DiagnosticNote("the key's length and strength were not checked")])
        }
    }
}
