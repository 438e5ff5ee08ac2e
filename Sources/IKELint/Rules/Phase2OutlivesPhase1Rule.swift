import IKEDiagnostics

/// IKEv1 phase 2 lifetimes not shorter than the phase 1 lifetime.
struct Phase2OutlivesPhase1Rule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L019", name: "phase2-outlives-phase1",
        summary: "an IKEv1 phase 2 lifetime not shorter than phase 1's",
        explanation: """
            In IKEv1 quick mode SAs are negotiated under the ISAKMP SA; when the ISAKMP \
            SA expires first, the IPsec SAs outlive the only channel that can rekey or \
            delete them, and implementations differ in what they do then (some tear the \
            tunnel down, some leave orphaned SAs). The usual practice is a phase 2 \
            lifetime well below phase 1's (for example 1h under 8h).

            IKEv2 rekeys Child SAs independently and moves them to a rekeyed IKE SA, so \
            this rule looks at IKEv1 peers only. Lifetimes not written are the defaults: \
            4h for phase 1 and 1h for phase 2.

            Fix: shorten the phase 2 lifetime or lengthen phase 1's.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for peer in context.policy.peers where peer.ikeVersion == .v1 {
            let phase1 = peer.phase1.lifetimeSeconds
            for entry in peer.phase2 where entry.lifetimeSeconds >= phase1 {
                let span = entry.lifetime.seconds?.span ?? entry.span
                var notes: [DiagnosticNote] = []
                if let written = peer.phase1.lifetime.seconds {
                    notes.append(
                        DiagnosticNote(
                            "phase 1 lifetime is \(Durations.text(phase1)) here", at: written.span))
                } else {
                    notes.append(
                        DiagnosticNote(
                            "phase 1 uses the default lifetime of \(Durations.text(phase1))"))
                }
                out.append(
                    finding(
                        "phase 2 entry '\(entry.name.value)' lives "
                            + "\(Durations.text(entry.lifetimeSeconds)), not shorter than "
                            + "its phase 1 SA",
                        at: span, notes: notes))
            }
        }
        return out
    }
}
