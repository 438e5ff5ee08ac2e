import IKEDiagnostics

/// Phase 2 lifetimes outside five minutes to eight hours, and tiny byte or packet limits.
struct UnusualIPsecLifetimeRule: LintRule {
    /// The range of common practice, in seconds.
    static let range = 300...28_800
    /// The smallest byte limit that is not absurd.
    static let minimumBytes: UInt64 = 16 << 20
    /// The smallest packet limit that is not absurd.
    static let minimumPackets: UInt64 = 10_000

    static let descriptor = RuleDescriptor(
        id: "IKE-L021", name: "unusual-ipsec-lifetime",
        summary: "a phase 2 lifetime outside 5m to 8h, or a tiny byte or packet limit",
        explanation: """
            Child SAs are commonly rekeyed every hour or so (strongSwan 1h, vendors up \
            to 8h). Below five minutes the gateways spend their time rekeying, and \
            packets are lost around each rekey with some peers; beyond eight hours one \
            key protects a lot of traffic. A byte limit under 16 MiB or a packet limit \
            under 10,000 forces a rekey every few seconds on a busy link.

            Only written lifetimes are judged.

            Fix: a time between 5m and 8h (1h is common); byte limits in GiB.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for peer in context.policy.peers {
            for entry in peer.phase2 {
                let name = entry.name.value
                if let seconds = entry.lifetime.seconds, !Self.range.contains(seconds.value) {
                    let side = seconds.value < Self.range.lowerBound ? "shorter" : "longer"
                    out.append(
                        finding(
                            "phase 2 lifetime \(Durations.text(seconds.value)) of entry "
                                + "'\(name)' is \(side) than common practice",
                            at: seconds.span, notes: [DiagnosticNote("common practice is 5m to 8h")]
                        ))
                }
                if let bytes = entry.lifetime.bytes, bytes.value < Self.minimumBytes {
                    out.append(
                        finding(
                            "byte lifetime \(Durations.size(bytes.value)) of entry "
                                + "'\(name)' forces constant rekeying",
                            at: bytes.span,
                            notes: [DiagnosticNote("a busy link moves that in well under a second")]
                        ))
                }
                if let packets = entry.lifetime.packets, packets.value < Self.minimumPackets {
                    out.append(
                        finding(
                            "packet lifetime \(packets.value) of entry '\(name)' forces "
                                + "constant rekeying",
                            at: packets.span,
                            notes: [DiagnosticNote("use at least \(Self.minimumPackets) packets")]))
                }
            }
        }
        return out
    }
}
