import IKECore
import IKEDiagnostics
import IKEPolicy

/// PFS groups weaker than the group phase 1 is expected to use.
struct PFSWeakerThanPhase1Rule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L017", name: "pfs-weaker-than-phase1",
        summary: "a PFS group weaker than the phase 1 group",
        explanation: """
            The Child SA's keys after a rekey with PFS depend on the PFS exchange: a \
            group weaker than the IKE SA's is the weakest link for all traffic after the \
            first rekey, and it suggests a proposal copied from an older configuration.

            ikec compares each PFS group with the first group of the first phase 1 \
            proposal (the one an initiator sends its key share for), by security \
            strength in bits (NIST SP 800-57: MODP-2048 112, ECP-256 128, ECP-384 192).

            Fix: use the phase 1 group for PFS.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for site in context.sites where site.entry != nil {
            guard let phase1 = Self.phase1Group(site),
                let phase1Bits = Strength.bits(of: phase1.value)
            else { continue }
            for transform in site.proposal.transforms {
                guard case .dhGroup = transform.value,
                    let bits = Strength.bits(of: transform.value), bits < phase1Bits
                else { continue }
                let token = context.text(at: transform.span) ?? transform.value.keyword
                let phase1Token = context.text(at: phase1.span) ?? phase1.value.keyword
                out.append(
                    finding(
                        "PFS group '\(token)' (\(bits) bits) is weaker than the phase 1 group '\(phase1Token)' (\(phase1Bits) bits)",
                        at: transform.span,
                        notes: [DiagnosticNote("phase 1 uses '\(phase1Token)' here", at: phase1.span)],
                        fixIts: [
                            FixIt(
                                "use '\(phase1.value.keyword)'", span: transform.span,
                                replacement: phase1.value.keyword)
                        ]))
            }
        }
        return out
    }

    /// The first group of the peer's first phase 1 proposal, with its place.
    static func phase1Group(_ site: ProposalSite) -> Located<Transform>? {
        site.peer.phase1.proposals.proposals.first?.transforms.first {
            $0.value.type == .dhGroup
        }
    }
}
