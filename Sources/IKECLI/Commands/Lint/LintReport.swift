import IKEDiagnostics
import IKELint
import IKEPolicy

/// Renders a lint run in one of the output formats. Every format covers all files in one
/// document; sources are the masked copies from the loader, so no literal secret can
/// appear.
enum LintReport {
    static func render(_ run: LintRun, format: OutputFormat, colour: Bool) -> String {
        let diagnostics = run.allDiagnostics
        switch format {
        case .text:
            return text(run, colour: colour)
        case .json:
            var document = JSONDiagnosticsRenderer.render(diagnostics)
            if case .object(var members) = document {
                members.insert(("files", .array(run.files.map { .string($0.path) })), at: 0)
                document = .object(members)
            }
            return document.serialized() + "\n"
        case .sarif:
            let rules = LintRules.catalog + PolicyDiagnostics.catalog
            return SARIFRenderer.render(diagnostics, rules: rules, toolVersion: IKECVersion.current)
                .serialized() + "\n"
        case .github:
            return GitHubRenderer.render(diagnostics)
        }
    }

    /// Compiler-style diagnostics, each followed by a blank line, then one summary line.
    /// Unreadable files are reported on standard error instead (see `LintCommand`).
    private static func text(_ run: LintRun, colour: Bool) -> String {
        let renderer = TextRenderer(files: run.files.compactMap(\.source), colour: colour)
        var out = ""
        for file in run.files {
            for diagnostic in file.diagnostics {
                out += renderer.render(diagnostic) + "\n"
            }
        }
        let diagnostics = run.files.flatMap(\.diagnostics)
        let checked = run.files.filter { $0.readError == nil }.count
        let files = "\(checked) file\(checked == 1 ? "" : "s")"
        if diagnostics.isEmpty {
            out += "no problems found in \(files)\n"
        } else {
            out += "\(renderer.summary(diagnostics)) in \(files)\n"
        }
        return out
    }
}
