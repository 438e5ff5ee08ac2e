import IKECore
import IKEDiagnostics

/// An authentication method as the policy language names it.
public enum AuthMethod: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Pre-shared key (IKEv2 Shared Key MIC; IKEv1 pre-shared key).
    case psk
    /// A signature with whatever key the credentials hold (RSA, ECDSA, EdDSA).
    case pubkey
    /// An RSA signature.
    case rsa
    /// An ECDSA signature (RFC 4754).
    case ecdsa
    /// IKEv2 Digital Signature (RFC 7427).
    case digitalSignature = "digital-signature"
    /// IKEv2 NULL authentication (RFC 7619).
    case null
    /// IKEv1 authentication with RSA encryption (RFC 2409 section 5.2).
    case rsaEncryption = "rsa-encryption"
    /// IKEv1 revised RSA encryption (RFC 2409 section 5.3).
    case rsaEncryptionRevised = "rsa-encryption-revised"

    /// The spelling in a policy.
    public var description: String { rawValue }

    /// Whether the method authenticates with a private key of ours and a public key of the
    /// peer (every method except `psk` and `null`).
    public var usesPublicKeys: Bool { self != .psk && self != .null }

    /// Whether the method signs (as opposed to the IKEv1 RSA encryption methods).
    public var isSignature: Bool {
        switch self {
        case .pubkey, .rsa, .ecdsa, .digitalSignature: return true
        case .psk, .null, .rsaEncryption, .rsaEncryptionRevised: return false
        }
    }

    /// The IKE versions that have this method.
    public var versions: Set<IKEVersion> {
        switch self {
        case .psk, .pubkey, .rsa, .ecdsa: return [.v1, .v2]
        case .digitalSignature, .null: return [.v2]
        case .rsaEncryption, .rsaEncryptionRevised: return [.v1]
        }
    }
}

/// RSA signature padding for the digital-signature method (RFC 7427 with RFC 8017).
public enum RSAPadding: String, Sendable, Hashable, CaseIterable {
    /// RSASSA-PSS.
    case pss
    /// RSASSA-PKCS1-v1_5.
    case pkcs1
}

/// A peer's `auth:` section.
public struct AuthConfig: Sendable {
    /// How we authenticate to the peer (`local:` or `method:`).
    public let local: Located<AuthMethod>
    /// How the peer must authenticate to us (`remote:` or `method:`).
    public let remote: Located<AuthMethod>
    /// Whether both came from the `method:` shorthand.
    public let fromShorthand: Bool
    /// `psk:`, if written.
    public let psk: Located<PresharedKey>?
    /// `peer-public-key:`: the peer's raw public key.
    public let peerPublicKey: Located<FileReference>?
    /// `peer-certificate:`: the peer's certificate, pinned.
    public let peerCertificate: Located<FileReference>?
    /// `signature-hashes:` as written; nil means `defaultSignatureHashes`.
    public let signatureHashes: [Located<HashAlgorithm>]?
    /// `rsa-padding:`, if written.
    public let rsaPadding: Located<RSAPadding>?
    /// The `auth` key.
    public let span: SourceSpan

    /// The RFC 7427 hashes used when `signature-hashes` is not written.
    public static let defaultSignatureHashes: [HashAlgorithm] = [.sha256, .sha384, .sha512]

    /// The hashes in effect: as written, or the defaults.
    public var effectiveSignatureHashes: [HashAlgorithm] {
        signatureHashes?.map(\.value) ?? Self.defaultSignatureHashes
    }
}
