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
            guard let (weakest, strongest) = Self.extremes(site, context),
                weakest.1 * 2 < strongest.1
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

    /// Of the first transform of each type (in the order written) that has a strength, the
    /// first weakest and the first strongest with their bits; nil if none has a strength.
    /// One pass without intermediate arrays: this runs for every distinct proposal.
    private static func extremes(_ site: ProposalSite, _ context: LintContext)
        -> (weakest: (Located<Transform>, Int), strongest: (Located<Transform>, Int))?
    {
        var seen: UInt32 = 0
        var weakest: (Located<Transform>, Int)?
        var strongest: (Located<Transform>, Int)?
        for transform in site.proposal.transforms {
            let bit: UInt32 = 1 << transform.value.type.rawValue
            defer { seen |= bit }
            guard seen & bit == 0, let bits = context.strength(of: transform.value) else {
                continue
            }
            if weakest.map({ bits < $0.1 }) ?? true { weakest = (transform, bits) }
            if strongest.map({ bits > $0.1 }) ?? true { strongest = (transform, bits) }
        }
        guard let weakest, let strongest else { return nil }
        return (weakest, strongest)
    }
}
