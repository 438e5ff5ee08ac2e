import IKEDiagnostics

/// One run of the front end over one file's bytes: precheck, YAML, checker, comments,
/// secret masking, then diagnostics in a stable order.
struct LoadPipeline {
    let path: String
    let baseDirectory: String

    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> PolicyLoadResult {
        // Binary files and bad UTF-8 stop here: libyaml would only add noise.
        let precheck = TextPrecheck(path: path).scan(bytes)
        var text = String(decoding: bytes, as: UTF8.self)
        // libyaml skips a leading byte order mark and counts columns without it; so do the
        // excerpts.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if let fatal = precheck.fatal {
            let isText = fatal.id != PolicyDiagnosticID.notText.rawValue
            let source = isText ? SecretMask.lexicallyMasked(text: text, path: path) : nil
            return PolicyLoadResult(
                source: source, policy: nil, diagnostics: [fatal], readError: nil)
        }

        var yaml = YAMLReader(path: path).read(bytes)
        var diagnostics = tabDiagnostics(precheck.tabIndents, yaml: &yaml)
        diagnostics += yaml.diagnostics

        // The checker runs on a complete tree only (a syntax error, a bad alias or deep
        // nesting stops the reader early); a truncated tree would produce errors that are
        // consequences of the first. Duplicate keys keep the first value and go on.
        var checked: PolicyChecker.Output?
        if let root = yaml.root, !yaml.syntaxFailed {
            var checker = PolicyChecker(path: path, baseDirectory: baseDirectory)
            let output = checker.check(root)
            diagnostics += output.diagnostics
            checked = output
        }

        let comments = SuppressionScanner(path: path, bytes: bytes, tree: yaml.tree).scan()
        diagnostics += comments.diagnostics

        let source: SourceFile
        if let checked {
            source = SecretMask.masked(text: text, path: path, spans: checked.secretSpans)
        } else {
            source = SecretMask.lexicallyMasked(text: text, path: path)
        }

        // A proposal set used by two peers reports its problem once.
        let ordered = Diagnostic.sortedUnique(diagnostics)
        var policy: CheckedPolicy?
        if let parts = checked?.parts, !ordered.contains(where: { $0.severity == .error }) {
            policy = CheckedPolicy(
                languageVersion: parts.languageVersion, gateway: parts.gateway,
                proposalSets: parts.proposalSets, peers: parts.peers, lint: parts.lint,
                suppressions: comments.suppressions,
                source: PolicySource(file: source, path: path, baseDirectory: baseDirectory))
        }
        var result = PolicyLoadResult(
            source: source, policy: policy, diagnostics: ordered, readError: nil)
        result.isForeignDocument = Self.isForeign(yaml)
        return result
    }

    /// A complete YAML document whose root mapping has none of a policy's top-level keys.
    private static func isForeign(_ yaml: YAMLReader.Result) -> Bool {
        guard let root = yaml.root, !yaml.syntaxFailed, case .mapping(let entries) = root.content
        else { return false }
        return !entries.contains { PolicyChecker.rootKeys.contains($0.key) }
    }

    /// Tab indentation errors, except for tabs inside block scalars (where they are
    /// content). A libyaml error on the same line is the tab's consequence and is dropped.
    private func tabDiagnostics(_ tabs: [SourceLocation], yaml: inout YAMLReader.Result)
        -> [Diagnostic]
    {
        guard !tabs.isEmpty else { return [] }
        var out: [Diagnostic] = []
        var lines = Set<Int>()
        for tab in tabs {
            let inBlock = yaml.blockScalarSpans.contains { span in
                span.start.line < tab.line && tab.line < span.end.line
                    || (span.start.line < tab.line && tab.line == span.end.line
                        && span.end.column > 1)
            }
            if inBlock { continue }
            lines.insert(tab.line)
            out.append(
                Diagnostic(
                    id: PolicyDiagnosticID.tabIndentation.rawValue, severity: .error,
                    message: "tabs are not allowed for indentation; use spaces",
                    span: SourceSpan(
                        path: path, start: tab,
                        end: SourceLocation(line: tab.line, column: tab.column + 1))))
        }
        if yaml.syntaxFailed {
            yaml.diagnostics.removeAll { diagnostic in
                diagnostic.id == PolicyDiagnosticID.yamlSyntax.rawValue
                    && lines.contains(diagnostic.span?.start.line ?? 0)
            }
        }
        return out
    }
}
