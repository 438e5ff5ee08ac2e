import IKECore
import IKEDiagnostics

/// The type checker: turns a YAML tree into the typed parts of a `CheckedPolicy`,
/// reporting every problem it finds rather than stopping at the first.
///
/// Each section is checked by an extension in its own file. A value that fails its check
/// becomes nil, and checks that depend on it are skipped, so one mistake produces one
/// diagnostic rather than a cascade.
struct PolicyChecker {
    /// The typed parts; the loader adds the comments and the source.
    struct Parts {
        var languageVersion: Located<Int>
        var gateway: Gateway
        var proposalSets: [ProposalSet]
        var peers: [Peer]
        var lint: LintSettings
    }

    /// What checking produced.
    struct Output {
        /// The parts, when every section could be typed (errors may still exist).
        var parts: Parts?
        var diagnostics: [Diagnostic]
        /// Places of literal secrets, to be masked in quoted source.
        var secretSpans: [SourceSpan]
    }

    let path: String
    let baseDirectory: String
    var diagnostics: [Diagnostic] = []
    var secretSpans: [SourceSpan] = []
    /// Errors so far, so a check can tell whether it added any in O(1).
    var errorTotal = 0
    /// The top-level proposal sets, read once and typed where used.
    var writtenSets: [String: [WrittenProposal]] = [:]
    /// The sets' names in file order, for suggestions.
    var setNames: [String] = []
    /// Proposals, sets and transform names already read.
    var memo = ProposalMemo()
    /// Selectors already read, by their text.
    var selectors: [String: TrafficSelector] = [:]

    init(path: String, baseDirectory: String) {
        self.path = path
        self.baseDirectory = baseDirectory
    }

    mutating func check(_ root: YAMLNode) -> Output {
        let parts = checkRoot(root)
        return Output(parts: parts, diagnostics: diagnostics, secretSpans: secretSpans)
    }
}
