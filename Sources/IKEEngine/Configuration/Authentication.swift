import IKECore
import IKECrypto

/// How signatures are made when we authenticate with a private key.
public struct SignatureSettings: Sendable, Hashable {
    /// Which AUTH method carries the signature.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// RFC 7427 Digital Signature (method 14): the scheme is named in the payload and
        /// the hash chosen from both peers' SIGNATURE_HASH_ALGORITHMS.
        case digitalSignature
        /// The classic methods: RSA PKCS#1 v1.5 with SHA-1 (method 1) or ECDSA with the
        /// curve's hash (methods 9, 10, 11, RFC 4754).
        case classic
    }

    /// The padding of RSA signatures under RFC 7427.
    public enum RSAPadding: String, Sendable, Hashable, CaseIterable {
        /// RSASSA-PKCS1-v1_5.
        case pkcs1
        /// RSASSA-PSS, MGF1 with the same hash, salt as long as the digest.
        case pss
    }

    /// The AUTH method.
    public var method: Method
    /// Hashes we sign with and accept under RFC 7427, in preference order.
    public var hashes: [HashAlgorithm]
    /// RSA padding under RFC 7427 (the classic RSA method is always PKCS#1 v1.5).
    public var rsaPadding: RSAPadding

    /// Settings; the default is strongSwan's: RFC 7427 with SHA-256, SHA-384 and SHA-512,
    /// PKCS#1 v1.5 padding for RSA.
    public init(
        method: Method = .digitalSignature, hashes: [HashAlgorithm] = [.sha256, .sha384, .sha512],
        rsaPadding: RSAPadding = .pkcs1
    ) {
        self.method = method
        self.hashes = hashes
        self.rsaPadding = rsaPadding
    }
}

/// How we prove our identity.
public enum LocalAuthentication: Sendable {
    /// A pre-shared key (IKEv2 method 2, IKEv1 method 1).
    case preSharedKey(SecretBytes)
    /// A signature with the private key of a certificate; `chain` starts with our
    /// end-entity certificate and may add intermediates to send.
    case certificate(PrivateKey, chain: [Certificate], SignatureSettings)
    /// A signature with a key whose public half the peer has configured (RFC 7670 in
    /// IKEv2: the public key travels in a CERT payload of encoding 15).
    case rawPublicKey(PrivateKey, SignatureSettings)
    /// NULL authentication (RFC 7619, IKEv2 only).
    case null
    /// IKEv1 public key encryption (RFC 2409 section 5.2, or 5.3 when `revised`): our
    /// private key decrypts what the peer encrypted to us.
    case rsaEncryption(PrivateKey, revised: Bool)
}

/// How the peer must prove its identity.
public enum RemoteAuthentication: Sendable {
    /// A pre-shared key.
    case preSharedKey(SecretBytes)
    /// A signature with the key of a certificate that chains to one of `trustAnchors` at
    /// the configuration's validation time; if `pinned` is set, the peer's end-entity
    /// certificate must be exactly that one.
    case certificate(trustAnchors: [Certificate], pinned: Certificate?)
    /// A signature with this public key (RFC 7670 in IKEv2).
    case rawPublicKey(PublicKey)
    /// NULL authentication (RFC 7619).
    case null
    /// IKEv1 public key encryption: what we encrypt to the peer uses its public key.
    case rsaEncryption(peerPublicKey: PublicKey, revised: Bool)
}

/// Which side's order wins when a responder selects a proposal (RFC 7296 section 2.7
/// leaves the choice to the responder).
public enum ProposalPreference: String, Sendable, Hashable, CaseIterable, Codable {
    /// Our configured order first: walk our proposals and take the first the peer offers
    /// (strongSwan's default).
    case local
    /// The initiator's order first: walk the offered proposals and take the first we
    /// accept.
    case peer
}
