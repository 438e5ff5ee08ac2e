import IKECore
import IKEDiagnostics

/// A policy file that passed the type checker: every value typed, every reference
/// resolved, every impossible combination rejected.
///
/// Only `PolicyChecker` makes one (through `PolicyLoader`), so holding a `CheckedPolicy` is
/// proof that the file had no checker errors. Warnings and notes the checker emitted are in
/// the `PolicyLoadResult` beside it. Lint rules, the planner and the exporters read this
/// model and never the YAML.
public struct CheckedPolicy: Sendable {
    /// The `ikec:` language version (always 1 today), with its place.
    public let languageVersion: Located<Int>
    /// The gateway this file describes: who "we" are.
    public let gateway: Gateway
    /// The named proposal sets of the top-level `proposals:` map, in file order.
    public let proposalSets: [ProposalSet]
    /// The peers, in file order.
    public let peers: [Peer]
    /// The `lint:` settings (profile and per-rule severities).
    public let lint: LintSettings
    /// The `# ikec: ignore[...]` comments, in file order. The lint engine applies them.
    public let suppressions: [Suppression]
    /// Where the policy came from, with secrets masked for quoting.
    public let source: PolicySource

    /// The peer with the given name, if any.
    public func peer(named name: String) -> Peer? {
        peers.first { $0.name.value == name }
    }

    /// The identity we present to `peer`: its `local-id`, else the gateway's identity.
    public func localIdentity(for peer: Peer) -> Located<Identity> {
        peer.localIdentity ?? gateway.identity
    }
}

/// The file a policy was read from.
public struct PolicySource: Sendable {
    /// The file for quoting in diagnostics: the path as the user gave it (`<stdin>` for
    /// standard input) and the text with every literal secret replaced by `*`, one per
    /// character, so that columns still line up. Hand this to `TextRenderer`.
    public let file: SourceFile
    /// The path as given on the command line (`-` for standard input).
    public let path: String
    /// The folder relative file references were resolved against (absolute).
    public let baseDirectory: String
}
