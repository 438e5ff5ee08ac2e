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
    // The fields live in one shared, immutable box, so that copying this (which lint rules
    // and the planner do for every use) is one reference instead of one per field.
    private final class Storage: Sendable {
        let local: Located<AuthMethod>
        let remote: Located<AuthMethod>
        let fromShorthand: Bool
        let psk: Located<PresharedKey>?
        let peerPublicKey: Located<FileReference>?
        let peerCertificate: Located<FileReference>?
        let signatureHashes: [Located<HashAlgorithm>]?
        let rsaPadding: Located<RSAPadding>?
        let span: SourceSpan

        init(
            local: Located<AuthMethod>, remote: Located<AuthMethod>, fromShorthand: Bool,
            psk: Located<PresharedKey>?, peerPublicKey: Located<FileReference>?,
            peerCertificate: Located<FileReference>?, signatureHashes: [Located<HashAlgorithm>]?,
            rsaPadding: Located<RSAPadding>?, span: SourceSpan
        ) {
            self.local = local
            self.remote = remote
            self.fromShorthand = fromShorthand
            self.psk = psk
            self.peerPublicKey = peerPublicKey
            self.peerCertificate = peerCertificate
            self.signatureHashes = signatureHashes
            self.rsaPadding = rsaPadding
            self.span = span
        }
    }

    private let storage: Storage

    init(
        local: Located<AuthMethod>, remote: Located<AuthMethod>, fromShorthand: Bool,
        psk: Located<PresharedKey>?, peerPublicKey: Located<FileReference>?,
        peerCertificate: Located<FileReference>?, signatureHashes: [Located<HashAlgorithm>]?,
        rsaPadding: Located<RSAPadding>?, span: SourceSpan
    ) {
        storage = Storage(
            local: local, remote: remote, fromShorthand: fromShorthand, psk: psk,
            peerPublicKey: peerPublicKey, peerCertificate: peerCertificate,
            signatureHashes: signatureHashes, rsaPadding: rsaPadding, span: span)
    }

    /// How we authenticate to the peer (`local:` or `method:`).
    public var local: Located<AuthMethod> { storage.local }
    /// How the peer must authenticate to us (`remote:` or `method:`).
    public var remote: Located<AuthMethod> { storage.remote }
    /// Whether both came from the `method:` shorthand.
    public var fromShorthand: Bool { storage.fromShorthand }
    /// `psk:`, if written.
    public var psk: Located<PresharedKey>? { storage.psk }
    /// `peer-public-key:`: the peer's raw public key.
    public var peerPublicKey: Located<FileReference>? { storage.peerPublicKey }
    /// `peer-certificate:`: the peer's certificate, pinned.
    public var peerCertificate: Located<FileReference>? { storage.peerCertificate }
    /// `signature-hashes:` as written; nil means `defaultSignatureHashes`.
    public var signatureHashes: [Located<HashAlgorithm>]? { storage.signatureHashes }
    /// `rsa-padding:`, if written.
    public var rsaPadding: Located<RSAPadding>? { storage.rsaPadding }
    /// The `auth` key.
    public var span: SourceSpan { storage.span }

    /// The RFC 7427 hashes used when `signature-hashes` is not written.
    public static let defaultSignatureHashes: [HashAlgorithm] = [.sha256, .sha384, .sha512]

    /// The hashes in effect: as written, or the defaults.
    public var effectiveSignatureHashes: [HashAlgorithm] {
        signatureHashes?.map(\.value) ?? Self.defaultSignatureHashes
    }
}
