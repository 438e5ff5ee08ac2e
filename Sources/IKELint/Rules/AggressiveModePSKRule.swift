import IKEDiagnostics

/// IKEv1 aggressive mode with a pre-shared key.
struct AggressiveModePSKRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L010", name: "aggressive-mode-psk",
        summary: "IKEv1 aggressive mode with a pre-shared key exposes it to offline guessing",
        explanation: """
            In IKEv1 aggressive mode (RFC 2409 section 5) the responder's second message \
            carries HASH_R, computed with a key derived from the pre-shared key, before \
            either side is authenticated and in the clear. Anyone who sends one first \
            message (ike-scan does it) gets a value to test guesses of the key against, \
            offline and at full speed. Identities travel in the clear as well.

            Severity: an error, a warning under 'legacy'.

            Fix: use main mode ('mode: main'), better IKEv2; or authenticate with \
            certificates.
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.policy.peers.compactMap { peer in
            guard let mode = peer.phase1.mode, mode.value == .aggressive,
                peer.auth.local.value == .psk || peer.auth.remote.value == .psk
            else { return nil }
            var notes = [
                DiagnosticNote(
                    "the responder's HASH_R lets anyone test guesses of the key offline")
            ]
            if let psk = peer.auth.psk {
                notes.append(DiagnosticNote("the pre-shared key is configured here", at: psk.span))
            }
            return finding(
                "peer '\(peer.name.value)' uses aggressive mode with a pre-shared key",
                at: mode.span, severity: context.profile == .legacy ? .warning : nil,
                notes: notes, fixIts: [FixIt("use main mode", span: mode.span, replacement: "main")]
            )
        }
    }
}
