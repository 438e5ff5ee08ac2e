import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5: both peers of an ISAKMP SA authenticate with the one method the SA
// payload negotiated. With a pre-shared key or public key encryption (sections 5.2-5.4)
// each side proves itself with HASH_I / HASH_R in a HASH payload; with signatures
// (section 5.1) each signs its hash: RSA with PKCS#1 type 1 padding over the raw hash and
// no DigestInfo (method 3). RFC 4754 section 7 (methods 9, 10, 11 on P-256/384/521), as
// strongSwan implements it: HASH_I / HASH_R are made with the HMAC of the curve's hash
// (SHA-256/384/512) whatever hash was negotiated, and the ECDSA signature, r | s, is over
// that value taken as the digest, not hashed again. The method is fixed by our own
// credential, so both peers' keys must be of one kind.

/// The three families of RFC 2409 section 5, which decide how SKEYID is made and what
/// phase 1 messages carry.
enum IKEv1AuthFamily: Equatable {
    /// A pre-shared key (section 5.4).
    case preSharedKey
    /// Signatures (section 5.1).
    case signature
    /// Public key encryption, original (section 5.2) or revised (section 5.3).
    case encryption(revised: Bool)
}

/// A refusal of the peer's phase 1 authentication, with the notification a real peer
/// sends for it.
struct IKEv1Refusal: Error {
    /// The stable kind.
    let code: NegotiationFailure.Code
    /// The ISAKMP notification.
    let notify: ISAKMPNotifyType
    /// The plain-language reason.
    let reason: String
}

/// The authentication method, our proof, and names.
enum IKEv1Authentication {
    /// Our method, from our credential; nil when IKEv1 has no method for it.
    static func method(for local: LocalAuthentication) -> IKEv1AuthMethod? {
        switch local {
        case .preSharedKey: return .preSharedKey
        case .certificate(let key, _, _), .rawPublicKey(let key, _):
            return signatureMethod(for: key.algorithm)
        case .rsaEncryption(_, let revised): return revised ? .revisedRSAEncryption : .rsaEncryption
        case .null: return nil
        }
    }

    /// The signature method for a key algorithm: RSA 3, ECDSA 9-11.
    static func signatureMethod(for algorithm: KeyAlgorithm) -> IKEv1AuthMethod? {
        switch algorithm {
        case .rsa: return .rsaSignature
        case .ecP256: return .ecdsaSHA256P256
        case .ecP384: return .ecdsaSHA384P384
        case .ecP521: return .ecdsaSHA512P521
        case .ed25519, .ed448: return nil
        }
    }

    /// The family of a method; nil for DSS, which this engine does not implement.
    static func family(of method: IKEv1AuthMethod) -> IKEv1AuthFamily? {
        switch method {
        case .preSharedKey: return .preSharedKey
        case .rsaSignature, .ecdsaSHA256P256, .ecdsaSHA384P384, .ecdsaSHA512P521: return .signature
        case .rsaEncryption: return .encryption(revised: false)
        case .revisedRSAEncryption: return .encryption(revised: true)
        case .dssSignature: return nil
        }
    }

    /// The family the peer must use under our configuration.
    static func family(of remote: RemoteAuthentication) -> IKEv1AuthFamily? {
        switch remote {
        case .preSharedKey: return .preSharedKey
        case .certificate, .rawPublicKey: return .signature
        case .rsaEncryption(_, let revised): return .encryption(revised: revised)
        case .null: return nil
        }
    }

    /// The scheme a signature method is reported as (for ECDSA the signature is over
    /// HASH_I / HASH_R taken as the digest: see the notes above).
    static func scheme(for method: IKEv1AuthMethod) -> SignatureScheme? {
        switch method {
        case .rsaSignature: return .rsaPKCS1Raw
        case .ecdsaSHA256P256: return .ecdsa(.sha256, .raw)
        case .ecdsaSHA384P384: return .ecdsa(.sha384, .raw)
        case .ecdsaSHA512P521: return .ecdsa(.sha512, .raw)
        case .preSharedKey, .dssSignature, .rsaEncryption, .revisedRSAEncryption: return nil
        }
    }

    /// The key algorithm a signature method needs.
    static func keyAlgorithm(for method: IKEv1AuthMethod) -> KeyAlgorithm? {
        switch method {
        case .rsaSignature: return .rsa
        case .ecdsaSHA256P256: return .ecP256
        case .ecdsaSHA384P384: return .ecP384
        case .ecdsaSHA512P521: return .ecP521
        case .preSharedKey, .dssSignature, .rsaEncryption, .revisedRSAEncryption: return nil
        }
    }

    /// The hash of HASH_I / HASH_R's PRF under `method`: the curve's hash for ECDSA, the
    /// negotiated one otherwise.
    static func authenticationHash(_ method: IKEv1AuthMethod, negotiated: HashAlgorithm)
        -> HashAlgorithm
    {
        switch method {
        case .ecdsaSHA256P256: return .sha256
        case .ecdsaSHA384P384: return .sha384
        case .ecdsaSHA512P521: return .sha512
        case .preSharedKey, .dssSignature, .rsaSignature, .rsaEncryption,
            .revisedRSAEncryption:
            return negotiated
        }
    }

    /// Our signature over HASH_I or HASH_R.
    static func sign(_ hash: [UInt8], with key: PrivateKey, method: IKEv1AuthMethod) throws
        -> [UInt8]
    {
        switch method {
        case .ecdsaSHA256P256, .ecdsaSHA384P384, .ecdsaSHA512P521:
            return try key.signPrecomputedDigest(hash, encoding: .raw)
        case .rsaSignature:
            return try key.sign(hash, scheme: .rsaPKCS1Raw)
        case .preSharedKey, .dssSignature, .rsaEncryption, .revisedRSAEncryption:
            throw CryptoError(.keySchemeMismatch, "\(methodName(method)) is not a signature")
        }
    }

    /// Whether `signature` is the peer's signature over HASH_I or HASH_R.
    static func verify(
        _ signature: [UInt8], over hash: [UInt8], with key: PublicKey, method: IKEv1AuthMethod
    ) -> Bool {
        switch method {
        case .ecdsaSHA256P256, .ecdsaSHA384P384, .ecdsaSHA512P521:
            return (try? key.verifyPrecomputedDigest(signature, digest: hash, encoding: .raw))
                ?? false
        case .rsaSignature:
            return (try? key.verify(signature, for: hash, scheme: .rsaPKCS1Raw)) ?? false
        case .preSharedKey, .dssSignature, .rsaEncryption, .revisedRSAEncryption:
            return false
        }
    }

    /// How SKEYID is made under `method`.
    static func skeyidInput(method: IKEv1AuthMethod, local: LocalAuthentication)
        -> IKEv1KeyDerivation.SKEYIDInput
    {
        switch family(of: method) {
        case .preSharedKey:
            if case .preSharedKey(let secret) = local { return .preSharedKey(secret) }
            return .signature
        case .encryption: return .publicKeyEncryption
        case .signature, nil: return .signature
        }
    }

    /// The method's name in summaries and reasons.
    static func methodName(_ method: IKEv1AuthMethod) -> String {
        switch method {
        case .preSharedKey: return "pre-shared key"
        case .dssSignature: return "DSS signature"
        case .rsaSignature: return "RSA signature"
        case .rsaEncryption: return "RSA encryption"
        case .revisedRSAEncryption: return "revised RSA encryption"
        case .ecdsaSHA256P256: return "ECDSA SHA-256 P-256"
        case .ecdsaSHA384P384: return "ECDSA SHA-384 P-384"
        case .ecdsaSHA512P521: return "ECDSA SHA-512 P-521"
        }
    }

    /// The summary of an authentication by `method`; `rawKey` for a signature whose key
    /// was configured rather than certified.
    static func summary(_ method: IKEv1AuthMethod, rawKey: Bool = false) -> AuthenticationSummary {
        switch family(of: method) {
        case .preSharedKey:
            return AuthenticationSummary(kind: .sharedKey, methodName: methodName(method))
        case .encryption:
            return AuthenticationSummary(kind: .rsaEncryption, methodName: methodName(method))
        case .signature, nil:
            return AuthenticationSummary(
                kind: rawKey ? .rawPublicKeySignature : .certificateSignature,
                methodName: methodName(method), signatureScheme: scheme(for: method))
        }
    }

    /// Our proof: a HASH payload, or our certificates and a SIG payload over `hash`. The
    /// certificates go whether or not the peer sent a CR, as Libreswan does by default
    /// (strongSwan sends its own only when asked, and it does ask).
    static func proof(method: IKEv1AuthMethod, local: LocalAuthentication, hash: [UInt8])
        throws -> [ISAKMPPayload]
    {
        guard scheme(for: method) != nil else {
            return [.hash(ISAKMPHashPayload(data: hash))]
        }
        switch local {
        case .certificate(let key, let chain, _):
            let certificates = chain.map { certificate in
                ISAKMPPayload.certificate(
                    ISAKMPCertificatePayload(encoding: .x509Signature, data: certificate.der))
            }
            let signature = try sign(hash, with: key, method: method)
            return certificates + [.signature(ISAKMPSignaturePayload(data: signature))]
        case .rawPublicKey(let key, _):
            let signature = try sign(hash, with: key, method: method)
            return [.signature(ISAKMPSignaturePayload(data: signature))]
        case .preSharedKey, .null, .rsaEncryption:
            throw CryptoError(.keySchemeMismatch, "a signature method needs a private key")
        }
    }

    /// CR payloads asking for certificates of our trust anchors (RFC 2408 section 3.10),
    /// or none when we do not expect a certificate. strongSwan sends its certificate only
    /// when asked.
    static func certificateRequests(for remote: RemoteAuthentication) -> [ISAKMPPayload] {
        guard case .certificate(let anchors, _) = remote else { return [] }
        let names = anchors.compactMap { try? $0.subject.der }
        let requests = names.isEmpty ? [[]] : names
        return requests.map { name in
            .certificateRequest(
                ISAKMPCertificateRequestPayload(
                    encoding: .x509Signature, certificateAuthority: name))
        }
    }
}
