import IKEDiagnostics

/// Phase 1 lifetimes outside one hour to one day.
struct UnusualIKELifetimeRule: LintRule {
    /// The range of common practice, in seconds.
    static let range = 3600...86_400

    static let descriptor = RuleDescriptor(
        id: "IKE-L020", name: "unusual-ike-lifetime",
        summary: "a phase 1 lifetime outside 1h to 24h",
        explanation: """
            Common practice rekeys the IKE SA every few hours: strongSwan defaults to 4h, \
            many vendors to 8h or 24h. A lifetime below an hour makes both gateways run \
            Diffie-Hellman and (in IKEv1) re-authenticate often, which costs CPU and, \
            with some peers, brief outages; one beyond a day keeps the same keys and the \
            same authentication far longer than needed.

            Only written lifetimes are judged.

            Fix: choose a lifetime between 1h and 24h (4h or 8h are common).
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.policy.peers.compactMap { peer in
            guard let seconds = peer.phase1.lifetime.seconds,
                !Self.range.contains(seconds.value)
            else { return nil }
            let side = seconds.value < Self.range.lowerBound ? "shorter" : "longer"
            return finding(
                "phase 1 lifetime \(Durations.text(seconds.value)) of peer "
                    + "'\(peer.name.value)' is \(side) than common practice",
                at: seconds.span, notes: [DiagnosticNote("common practice is 1h to 24h")])
        }
    }
}
