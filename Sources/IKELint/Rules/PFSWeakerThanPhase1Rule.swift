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

            Groups are compared by security strength in bits (NIST SP 800-57: MODP-2048 \
            112, ECP-256 128, ECP-384 192). With both files of a pair, the phase 1 group \
            is the one the responder is predicted to select. With one file, it is the \
            weakest group phase 1 offers, so that only a PFS group weaker than anything \
            phase 1 could use is reported.

            Fix: use the phase 1 group for PFS.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // A peer's phase 2 sites follow one another and share its phase 1 group.
        var group: (peerIndex: Int, found: (Located<Transform>, (String) -> String)?)?
        for site in context.sites where site.isPhase2 {
            if group?.peerIndex != site.peerIndex {
                group = (site.peerIndex, Self.phase1Group(site, context))
            }
            guard let (phase1, how) = group?.found,
                let phase1Bits = context.strength(of: phase1.value)
            else { continue }
            for transform in site.proposal.transforms {
                guard case .dhGroup = transform.value,
                    let bits = context.strength(of: transform.value), bits < phase1Bits
                else { continue }
                let token = context.text(at: transform.span) ?? transform.value.keyword
                let phase1Token = context.text(at: phase1.span) ?? phase1.value.keyword
                out.append(
                    finding(
                        "PFS group '\(token)' (\(bits) bits) is weaker than the phase 1 "
                            + "group '\(phase1Token)' (\(phase1Bits) bits)",
                        at: transform.span,
                        notes: [DiagnosticNote(how(phase1Token), at: phase1.span)],
                        fixIts: [
                            FixIt(
                                "use '\(phase1.value.keyword)'", span: transform.span,
                                replacement: phase1.value.keyword)
                        ]))
            }
        }
        return out
    }

    /// The phase 1 group to compare with, with its place and how it was chosen.
    private static func phase1Group(_ site: ProposalSite, _ context: LintContext)
        -> (Located<Transform>, (String) -> String)?
    {
        let proposals = site.peer.phase1.proposals.proposals
        if let pair = context.pairs.first(where: { $0.localPeer.name == site.peer.name }),
            let selection = ProposalMatching.select(
                offered: site.peer.phase1.proposals.coreProposals,
                responder: pair.remotePeer.phase1.proposals.coreProposals,
                order: pair.remotePeer.phase1.effectiveProposalOrder),
            let group = selection.proposal.dhGroups.first,
            let place = proposals[selection.offeredIndex].transforms.first(where: {
                $0.value == .dhGroup(group)
            })
        {
            return (
                place,
                { "phase 1 is predicted to use '\($0)' (\(pair.remote.source.path) selects it)" }
            )
        }
        // The first of the weakest groups, in the order written.
        var weakest: Located<Transform>?
        var weakestBits = 0
        for proposal in proposals {
            for transform in proposal.transforms where transform.value.type == .dhGroup {
                let bits = context.strength(of: transform.value) ?? 0
                if weakest == nil || bits < weakestBits {
                    weakest = transform
                    weakestBits = bits
                }
            }
        }
        guard let weakest else { return nil }
        return (weakest, { "the weakest group phase 1 offers is '\($0)'" })
    }
}
