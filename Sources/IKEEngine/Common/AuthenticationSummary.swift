import IKECore
import IKECrypto

/// How one peer authenticated, in either IKE version: the kind of method, the wire
/// method's name and, for signatures, the scheme.
public struct AuthenticationSummary: Sendable, Hashable, CustomStringConvertible {
    /// The family of authentication methods.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A pre-shared key.
        case sharedKey = "shared key"
        /// A signature with a certificate's key.
        case certificateSignature = "certificate signature"
        /// A signature with a raw public key (RFC 7670).
        case rawPublicKeySignature = "raw public key signature"
        /// NULL authentication (RFC 7619).
        case null = "null"
        /// IKEv1 public key encryption (RFC 2409 sections 5.2, 5.3).
        case rsaEncryption = "rsa encryption"
    }

    /// The family.
    public var kind: Kind
    /// The method as the wire names it (`shared key`, `ECDSA SHA-256 P-256`,
    /// `digital signature`, `RSA signature`...).
    public var methodName: String
    /// The signature scheme, for signature methods.
    public var signatureScheme: SignatureScheme?

    /// A summary from its parts.
    public init(kind: Kind, methodName: String, signatureScheme: SignatureScheme? = nil) {
        self.kind = kind
        self.methodName = methodName
        self.signatureScheme = signatureScheme
    }

    /// `shared key`, or `digital signature (ecdsa-sha256-der)`.
    public var description: String {
        signatureScheme.map { "\(methodName) (\($0))" } ?? methodName
    }
}
