import IKECore
import IKEDiagnostics
import IKEPolicy

/// Proposals whose weakest component is far below their strongest.
struct UnbalancedStrengthRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L018", name: "unbalanced-strength",
        summary: "a proposal whose weakest algorithm is far below its strongest",
        explanation: """
            A proposal is as strong as its weakest part: AES-256 protected by a 1024-bit \
            MODP exchange gives about 80 bits, not 256. Such a mix usually means one \
            part was upgraded and another forgotten, and it costs the speed of the \
            strong part for none of its security.

            ikec takes the preferred (first) algorithm of each type in the proposal \
            (cipher, integrity, PRF, Diffie-Hellman group), looks up each one's strength \
            in bits (NIST SP 800-57 part 1), and reports the proposal when the weakest \
            is less than half the strongest.

            Fix: raise the weak part (ecp256 or ecp384 for the group, sha256 or better \
            for integrity), or lower the strong one to match.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for site in context.distinctSites {
            let preferred = Self.preferred(site)
            let rated = preferred.compactMap { transform in
                context.strength(of: transform.value).map { (transform, $0) }
            }
            guard let weakest = rated.min(by: { $0.1 < $1.1 }),
                let strongest = rated.max(by: { $0.1 < $1.1 }), weakest.1 * 2 < strongest.1
            else { continue }
            let weakToken = context.text(at: weakest.0.span) ?? weakest.0.value.keyword
            let strongToken = context.text(at: strongest.0.span) ?? strongest.0.value.keyword
            out.append(
                finding(
                    "'\(weakToken)' (\(weakest.1) bits) is far weaker than '\(strongToken)' "
                        + "(\(strongest.1) bits) in the same proposal",
                    at: weakest.0.span,
                    notes: [
                        DiagnosticNote(
                            "'\(strongToken)' gives \(strongest.1) bits "
                                + "here", at: strongest.0.span),
                        DiagnosticNote("the proposal is only as strong as its weakest part"),
                    ]))
        }
        return out
    }

    /// The first transform of each type, in the order written.
    private static func preferred(_ site: ProposalSite) -> [Located<Transform>] {
        var seen: UInt32 = 0
        return site.proposal.transforms.filter { transform in
            let bit: UInt32 = 1 << transform.value.type.rawValue
            defer { seen |= bit }
            return seen & bit == 0
        }
    }
}
