import IKECore
import IKEDiagnostics

/// The `gateway:` section: the local end of every peer in the file.
public struct Gateway: Sendable {
    /// `name:`; matches `[A-Za-z0-9][A-Za-z0-9._-]*`.
    public let name: Located<String>
    /// `address:`, one or more, in the order written.
    public let addresses: [Located<IPAddress>]
    /// `id:`, or when absent the `ipv4:`/`ipv6:` identity of the first address (then
    /// `identityIsDefault` is true and the span is that address's).
    public let identity: Located<Identity>
    /// Whether `identity` was derived from the first address rather than written.
    public let identityIsDefault: Bool
    /// `credentials:`, if written.
    public let credentials: Credentials?
    /// The `gateway` key.
    public let span: SourceSpan
}

/// The gateway's own key material, as file references (not parsed here: IKECrypto reads
/// certificates and keys later).
public struct Credentials: Sendable {
    /// `certificate:`: our X.509 certificate, PEM or DER.
    public let certificate: Located<FileReference>?
    /// `private-key:`: our PEM private key (RSA, ECDSA, Ed25519 or Ed448).
    public let privateKey: Located<FileReference>?
    /// `trust:`: trust anchors for verifying peers' certificates.
    public let trust: [Located<FileReference>]
    /// `public-key:`: our raw public key (RFC 7670).
    public let publicKey: Located<FileReference>?
    /// The `credentials` key.
    public let span: SourceSpan

    /// Whether we have what a signature method needs on our side: a private key with a
    /// certificate or a raw public key.
    public var canSign: Bool { privateKey != nil && (certificate != nil || publicKey != nil) }
}

/// A file named in the policy. The checker verified that it existed and was readable when
/// the policy was loaded; it does not parse it.
public struct FileReference: Sendable, Hashable, CustomStringConvertible {
    /// The path as written in the policy.
    public let written: String
    /// The absolute path, resolved against the policy file's folder.
    public let resolvedPath: String

    /// The path as written.
    public var description: String { written }
}
