import IKEDiagnostics
import IKEPolicy

/// The checked policy a live command runs with, or the reason it cannot.
enum LivePolicy {
    /// Loads `path` (or standard input for `-`). An unreadable file is a misuse (2); a
    /// policy with errors is an input problem (1), reported with its diagnostics.
    static func load(_ path: String, environment: CLIEnvironment) throws(LiveFailure)
        -> CheckedPolicy
    {
        let result =
            path == "-"
            ? PolicyLoader.load(
                bytes: environment.readStandardInput(), path: PolicyLoader.standardInputPath)
            : PolicyLoader.load(path: path)
        if let readError = result.readError {
            throw LiveFailure(message: readError.description, status: .misuse)
        }
        guard let policy = result.policy, !result.hasErrors else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            let rendered = TextRenderer(files: result.source.map { [$0] } ?? []).render(errors)
            throw LiveFailure(
                message: "the policy has errors; fix them first ('ikec lint \(path)')\n"
                    + rendered,
                status: .inputProblems)
        }
        return policy
    }

    /// The peer named `name`; a misuse naming the closest name when there is none.
    static func peer(named name: String, in policy: CheckedPolicy) throws(LiveFailure) -> Peer {
        if let peer = policy.peer(named: name) { return peer }
        let names = policy.peers.map(\.name.value)
        let hint = Suggestions.closest(to: name, among: names).map { "; did you mean '\($0)'?" }
        let known =
            names.isEmpty
            ? "it has none"
            : "it has "
                + names.map { "'\($0)'" }.joined(
                    separator: ", ")
        throw LiveFailure(
            message: "the policy has no peer '\(name)' (\(known))\(hint ?? "")", status: .misuse)
    }
}
