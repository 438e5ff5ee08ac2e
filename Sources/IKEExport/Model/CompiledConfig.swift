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
