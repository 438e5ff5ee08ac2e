import IKECore
import IKEDiagnostics
import IKEExport
import IKELint
import IKEPolicy

/// What `ikec compile` was asked to do.
struct CompileRequest {
    let path: String
    let target: ExportTarget
    let output: String?
    let format: OutputFormat
    let failOn: Severity
    let colour: Bool
}

/// One `ikec compile` run: load, compile, then print the configuration or write the
/// folder. Diagnostics always go to standard error, because standard output carries the
/// configuration.
enum CompileRun {
    static func run(_ request: CompileRequest, environment: CLIEnvironment) -> CommandOutput {
        let loaded: PolicyLoadResult
        if request.path == "-" {
            loaded = PolicyLoader.load(
                bytes: environment.readStandardInput(), path: PolicyLoader.standardInputPath)
        } else {
            loaded = PolicyLoader.load(path: request.path)
        }
        if let readError = loaded.readError {
            return CommandOutput(
                stderr: "ikec compile: \(ErrorStyle.error(request.colour)): \(readError)\n",
                status: .misuse)
        }
        guard let policy = loaded.policy else {
            return report(loaded.diagnostics, loaded, request, stdout: "", status: .inputProblems)
        }

        let compiled = ConfigExporter.compile(policy, target: request.target)
        var diagnostics = Diagnostic.sorted(loaded.diagnostics + compiled.diagnostics)
        guard !diagnostics.contains(where: { $0.severity >= request.failOn }) else {
            return report(diagnostics, loaded, request, stdout: "", status: .inputProblems)
        }
        guard let folder = request.output else {
            return report(
                diagnostics, loaded, request, stdout: compiled.configuration, status: .success)
        }

        // With -o: read the keys, then write everything or nothing.
        let secrets: SecretBytes
        switch SecretsFile.render(compiled, gateway: policy.gateway.name.value) {
        case .success(let bytes):
            secrets = bytes
        case .failure(let unavailable):
            diagnostics = Diagnostic.sorted(diagnostics + unavailable.diagnostics)
            return report(diagnostics, loaded, request, stdout: "", status: .inputProblems)
        }
        do throws(ExportError) {
            let written = try OutputFolder.write(compiled, secrets: secrets, to: folder)
            let stdout = written.map { "wrote \($0)\n" }.joined()
            return report(diagnostics, loaded, request, stdout: stdout, status: .success)
        } catch {
            var output = report(diagnostics, loaded, request, stdout: "", status: .misuse)
            output.stderr += "ikec compile: \(ErrorStyle.error(request.colour)): \(error.context)\n"
            return output
        }
    }

    /// The diagnostics on standard error in the requested format.
    private static func report(
        _ diagnostics: [Diagnostic], _ loaded: PolicyLoadResult, _ request: CompileRequest,
        stdout: String, status: ExitStatus
    ) -> CommandOutput {
        var stderr = ""
        switch request.format {
        case .text:
            let renderer = TextRenderer(
                files: loaded.source.map { [$0] } ?? [], colour: request.colour)
            for diagnostic in diagnostics { stderr += renderer.render(diagnostic) + "\n" }
            if !diagnostics.isEmpty { stderr += renderer.summary(diagnostics) + "\n" }
        case .json:
            stderr = JSONDiagnosticsRenderer.render(diagnostics).serialized() + "\n"
        case .sarif:
            let rules = ExportDiagnosticID.catalog + PolicyDiagnostics.catalog
            stderr =
                SARIFRenderer.render(diagnostics, rules: rules, toolVersion: IKECVersion.current)
                .serialized() + "\n"
        case .github:
            stderr = GitHubRenderer.render(diagnostics)
        }
        return CommandOutput(stdout: stdout, stderr: stderr, status: status)
    }
}
