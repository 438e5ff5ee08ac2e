import IKEDiagnostics

/// Phase 2 proposals without a PFS group.
struct NoPFSRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L016", name: "no-pfs",
        summary: "a phase 2 proposal without perfect forward secrecy",
        explanation: """
            Without a Diffie-Hellman group in phase 2, each Child SA's keys are derived \
            from the IKE SA's key material alone (RFC 7296 section 2.17): whoever later \
            obtains SK_d can decrypt every recorded Child SA, including rekeyed ones. \
            With PFS, each rekey runs a fresh exchange (RFC 7296 section 1.3.1) and old \
            traffic stays protected. In IKEv2 the first Child SA comes out of IKE_AUTH \
            without its own exchange either way; PFS applies from the first rekey on.

            When some proposals of an entry have a group and others do not, the peer may \
            well pick one without, so each proposal is judged on its own.

            Fix: add the phase 1 group to the proposal ('aes256gcm16-ecp384', or \
            'pfs: ecp384' in the map form).
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for site in context.sites where site.isPhase2 && site.proposal.dhGroups.isEmpty {
            let group = site.peer.phase1.proposals.proposals.first?.dhGroups.first
            var fixIts: [FixIt] = []
            if let group, let written = site.proposal.written,
                context.text(at: site.proposal.span) == written
            {
                let keyword = "\(written)-\(group.keyword)"
                fixIts.append(
                    FixIt("add '\(group.keyword)'", span: site.proposal.span, replacement: keyword))
            }
            out.append(
                finding(
                    "\(site.placeName) offers a proposal without PFS",
                    at: site.proposal.span,
                    severity: context.profile == .legacy ? .note : nil,
                    notes: [
                        DiagnosticNote(
                            "each Child SA's keys then come from the IKE SA's keys alone")
                    ],
                    fixIts: fixIts))
        }
        return out
    }
}
