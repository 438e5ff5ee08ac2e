import IKEDiagnostics
import IKEPolicy

/// A policy compiled for one daemon: the configuration text, which never holds a secret,
/// the pre-shared keys it refers to (still unread), the credential files it expects beside
/// it, and every diagnostic about what could not be said exactly.
public struct CompiledConfig: Sendable {
    /// The daemon the configuration is for.
    public let target: ExportTarget
    /// The configuration file's text (`swanctl.conf` or `ipsec.conf`), without secrets.
    public let configuration: String
    /// The pre-shared keys the secrets file will hold, by reference.
    public let secrets: [SecretEntry]
    /// Links the output folder needs so the daemon finds certificates and keys.
    public let links: [CredentialLink]
    /// Certificates taken out of files that hold several, written as files of their own.
    public let files: [CredentialFile]
    /// Everything that could not be expressed exactly, in source order.
    public let diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error (then nothing may be written).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// One pre-shared key of the secrets file: the identities it belongs to, rendered for the
/// target, and where the key comes from. The key is read only when the file is written.
public struct SecretEntry: Sendable {
    /// The peer's name in the policy.
    public let peer: String
    /// The section or line name in the secrets file (`ike-branch`).
    public let name: String
    /// The identities in the target's syntax, ours first.
    public let identities: [String]
    /// The key's source and the place it was written.
    public let key: Located<PresharedKey>
}

/// A symbolic link the output folder holds so that the daemon finds a credential file in
/// its own folder layout (swanctl's `x509/`, `x509ca/`, `private/`, `pubkey/`) without the
/// file being copied.
public struct CredentialLink: Sendable, Hashable {
    /// The link's path relative to the output folder (`x509/hq.crt`).
    public let path: String
    /// The absolute path it points to.
    public let destination: String
    /// The path as written in the policy, for comments.
    public let written: String
}

/// A certificate the output folder holds as a file of its own: the second or a later
/// certificate of a PEM file (a chain's intermediate CA, or one CA of a bundle), which
/// swanctl would not load from the file it came in.
public struct CredentialFile: Sendable, Hashable {
    /// The first line of every such file, which also lets `ikec compile -o` replace it.
    public static let marker = "# ikec:"

    /// The file's path relative to the output folder (`x509ca/hq-chain-2.crt`).
    public let path: String
    /// The file's text: a comment line saying where it came from, then the PEM block.
    public let contents: String
    /// Which certificate of the source file it is, counting from 1.
    public let position: Int
    /// The source file's path as written in the policy, for comments.
    public let written: String
}
