import IKEDiagnostics
import IKELint
import IKEPolicy

/// One `ikec lint` run over its inputs: load everything, then lint each checked policy
/// with the others as possible pairs.
struct LintRun {
    /// One input's outcome.
    struct FileResult {
        /// The display path.
        let path: String
        /// The masked source, for excerpts.
        let source: SourceFile?
        /// Everything found, sorted.
        let diagnostics: [Diagnostic]
        /// Why it could not be read.
        let readError: PolicyReadError?
    }

    /// Per input, in order.
    let files: [FileResult]
    /// Files found in folders that are YAML of another kind, not policies; not linted.
    var skipped: [String] = []

    /// Loads and lints `inputs`.
    static func run(
        _ inputs: PolicyInputs, profile: LintProfile?, environment: CLIEnvironment
    ) -> LintRun {
        // Load every file first: cross-file rules need all of them.
        let loaded = inputs.inputs.map { input -> PolicyLoadResult in
            switch input {
            case .file(let path):
                return PolicyLoader.load(path: path)
            case .standardInput:
                return PolicyLoader.load(
                    bytes: environment.readStandardInput(), path: PolicyLoader.standardInputPath)
            }
        }
        // A folder may hold other YAML (CI workflows, compose files): those are skipped.
        var skipped: [String] = []
        var kept: [(PolicyInputs.Input, PolicyLoadResult)] = []
        for (input, result) in zip(inputs.inputs, loaded) {
            if case .file(let path) = input, inputs.foundInFolders.contains(path),
                result.isForeignDocument
            {
                skipped.append(path)
            } else {
                kept.append((input, result))
            }
        }
        let policies = kept.compactMap(\.1.policy)
        let linter = Linter(profile: profile, now: environment.now)

        let files = kept.map { input, result -> FileResult in
            let path: String
            switch input {
            case .file(let given): path = given
            case .standardInput: path = PolicyLoader.standardInputPath
            }
            var diagnostics = result.diagnostics
            if let policy = result.policy {
                diagnostics = linter.lint(
                    policy, pairedWith: policies, checkerDiagnostics: result.diagnostics)
            }
            return FileResult(
                path: path, source: result.source, diagnostics: diagnostics,
                readError: result.readError)
        }
        return LintRun(files: files, skipped: skipped)
    }

    /// Every diagnostic, file by file; unreadable files contribute their E0100.
    var allDiagnostics: [Diagnostic] {
        files.flatMap { file in
            file.readError.map { [$0.diagnostic] } ?? file.diagnostics
        }
    }

    /// Whether any file could not be read.
    var hasReadErrors: Bool { files.contains { $0.readError != nil } }
}
