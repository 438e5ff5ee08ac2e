import IKECore
import IKEDiagnostics

/// The shared body of the weak-algorithm rules: every written transform of one type, in
/// the sites of the given uses, judged by the profile's requirement tables.
enum AlgorithmFindings {
    static func check<Rule: LintRule>(
        _ rule: Rule, _ context: LintContext, type: TransformType, uses: [AlgorithmUse],
        purpose: String
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (position, site) in context.distinctSites.enumerated() where uses.contains(site.use) {
            for transform in context.distinctWrittenTransforms[position]
            where transform.value.type == type {
                guard let verdict = context.verdict(for: transform.value, use: site.use)
                else { continue }
                let token = context.text(at: transform.span) ?? transform.value.keyword
                var fixIts: [FixIt] = []
                if let replacement = verdict.replacement, replacement != token {
                    fixIts.append(
                        FixIt(
                            "replace with '\(replacement)'", span: transform.span,
                            replacement: replacement))
                }
                out.append(
                    rule.finding(
                        "'\(token)' (\(transform.value.ianaName)) \(verdict.phrase) \(purpose)",
                        at: transform.span, severity: verdict.severity,
                        notes: [DiagnosticNote(verdict.reason)], fixIts: fixIts))
            }
        }
        return out
    }
}
