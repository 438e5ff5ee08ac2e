import Foundation
import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 2.15: each side signs (or MACs) the octets of its own IKE_SA_INIT
// message, the peer's nonce, and the PRF of its ID payload body under SK_p:
//
//   InitiatorSignedOctets = RealMessage1 | NonceRData | prf(SK_pi, RestOfInitIDPayload)
//   ResponderSignedOctets = RealMessage2 | NonceIData | prf(SK_pr, RestOfRespIDPayload)
//
// With a shared key, AUTH = prf(prf(Shared Secret, "Key Pad for IKEv2"), SignedOctets).
// NULL authentication (RFC 7619) computes the same with SK_pi/SK_pr as the secret.
// Signatures sign the octets themselves: RSA PKCS#1 v1.5 with SHA-1 (method 1), ECDSA
// with the curve's hash as r | s (methods 9-11, RFC 4754), or any scheme named by an
// AlgorithmIdentifier (method 14, RFC 7427) with a hash both peers announced.

/// A refusal of the peer's authentication, before it becomes a NegotiationFailure.
struct AuthenticationRefusal: Error {
    /// The stable kind.
    let code: NegotiationFailure.Code
    /// The plain-language reason.
    let reason: String
}

/// What our side of IKE_AUTH sends: CERT payloads and the AUTH payload.
struct OurAuthentication {
    /// CERT payloads (end-entity first), if any.
    var certificates: [IKEv2Payload]
    /// The AUTH payload.
    var auth: IKEv2AuthenticationPayload
    /// How we authenticated.
    var summary: AuthenticationSummary
}

/// The AUTH computation and its checks.
enum AuthenticationTask {
    private static let keyPad = Array("Key Pad for IKEv2".utf8)

    /// The octets an AUTH payload covers.
    static func signedOctets(
        realMessage: [UInt8], peerNonce: [UInt8], prf: PRF, authKey: SecretBytes,
        idBody: [UInt8]
    ) throws -> [UInt8] {
        let macedID = try prf(key: authKey, data: idBody)
        var octets = realMessage
        octets.reserveCapacity(realMessage.count + peerNonce.count + macedID.count)
        octets.append(contentsOf: peerNonce)
        macedID.withUnsafeBytes { octets.append(contentsOf: $0) }
        return octets
    }

    /// prf(prf(secret, "Key Pad for IKEv2"), signedOctets).
    static func sharedKeyMAC(secret: SecretBytes, prf: PRF, signedOctets: [UInt8]) throws
        -> [UInt8]
    {
        let padded = try prf(key: secret, data: keyPad)
        return try prf(key: padded, data: SecretBytes(signedOctets)).revealed
    }

    /// Our certificates and AUTH payload.
    static func authenticate(
        with method: LocalAuthentication, signedOctets: [UInt8], prf: PRF,
        ourAuthKey: SecretBytes, peerHashes: [IKEv2HashAlgorithm]?
    ) throws -> OurAuthentication {
        switch method {
        case .preSharedKey(let secret):
            let mac = try sharedKeyMAC(secret: secret, prf: prf, signedOctets: signedOctets)
            return OurAuthentication(
                certificates: [], auth: IKEv2AuthenticationPayload(method: .sharedKey, data: mac),
                summary: AuthenticationSummary(kind: .sharedKey, methodName: "shared key"))
        case .null:
            let mac = try sharedKeyMAC(secret: ourAuthKey, prf: prf, signedOctets: signedOctets)
            return OurAuthentication(
                certificates: [], auth: IKEv2AuthenticationPayload(method: .null, data: mac),
                summary: AuthenticationSummary(kind: .null, methodName: "null"))
        case .certificate(let key, let chain, let settings):
            let certificates = chain.map { certificate in
                IKEv2Payload.certificate(
                    IKEv2CertificatePayload(encoding: .x509Signature, data: certificate.der))
            }
            return try sign(
                key: key, settings: settings, signedOctets: signedOctets, peerHashes: peerHashes,
                certificates: certificates, kind: .certificateSignature)
        case .rawPublicKey(let key, let settings):
            let spki = try key.publicKey.subjectPublicKeyInfo
            let certificate = IKEv2Payload.certificate(
                IKEv2CertificatePayload(encoding: .rawPublicKey, data: spki))
            return try sign(
                key: key, settings: settings, signedOctets: signedOctets, peerHashes: peerHashes,
                certificates: [certificate], kind: .rawPublicKeySignature)
        case .rsaEncryption:
            throw CryptoError(
                .unsupportedAlgorithm, "RSA encryption authentication exists only in IKEv1")
        }
    }

    private static func sign(
        key: PrivateKey, settings: SignatureSettings, signedOctets: [UInt8],
        peerHashes: [IKEv2HashAlgorithm]?, certificates: [IKEv2Payload],
        kind: AuthenticationSummary.Kind
    ) throws -> OurAuthentication {
        if settings.method == .digitalSignature, let peerHashes,
            let scheme = digitalSignatureScheme(key: key, settings: settings, peer: peerHashes),
            let identifier = scheme.algorithmIdentifier
        {
            let signature = try key.sign(signedOctets, scheme: scheme)
            let data = try IKEv2DigitalSignature(
                algorithmIdentifier: identifier, signature: signature
            ).authenticationData()
            return OurAuthentication(
                certificates: certificates,
                auth: IKEv2AuthenticationPayload(method: .digitalSignature, data: data),
                summary: AuthenticationSummary(
                    kind: kind, methodName: "digital signature", signatureScheme: scheme))
        }
        guard let (method, scheme) = classicMethod(for: key.algorithm) else {
            throw CryptoError(
                .keySchemeMismatch,
                "a \(key.algorithm) key signs only with RFC 7427, which the peer did not offer")
        }
        let signature = try key.sign(signedOctets, scheme: scheme)
        return OurAuthentication(
            certificates: certificates,
            auth: IKEv2AuthenticationPayload(method: method, data: signature),
            summary: AuthenticationSummary(
                kind: kind, methodName: methodName(method), signatureScheme: scheme))
    }

    /// The RFC 7427 scheme: our first hash the peer also announced, in the padding our
    /// settings ask for. EdDSA needs the peer to announce "Identity".
    private static func digitalSignatureScheme(
        key: PrivateKey, settings: SignatureSettings, peer: [IKEv2HashAlgorithm]
    ) -> SignatureScheme? {
        switch key.algorithm {
        case .ed25519: return peer.contains(.identity) ? .ed25519 : nil
        case .ed448: return peer.contains(.identity) ? .ed448 : nil
        case .rsa, .ecP256, .ecP384, .ecP521:
            let usable = settings.hashes.filter { hash in
                hash != .md5 && hash != .sha1
                    && peer.contains { $0.hashAlgorithm == hash }
            }
            guard let hash = usable.first else { return nil }
            if key.algorithm == .rsa {
                return settings.rsaPadding == .pss ? .rsaPSS(hash) : .rsaPKCS1(hash)
            }
            return .ecdsa(hash, .der)
        }
    }

    /// The classic method for a key: RSA method 1, ECDSA 9, 10 or 11.
    private static func classicMethod(for key: KeyAlgorithm)
        -> (IKEv2AuthMethod, SignatureScheme)?
    {
        switch key {
        case .rsa: return (.rsaSignature, .rsaPKCS1(.sha1))
        case .ecP256: return (.ecdsaSHA256P256, .ecdsa(.sha256, .raw))
        case .ecP384: return (.ecdsaSHA384P384, .ecdsa(.sha384, .raw))
        case .ecP521: return (.ecdsaSHA512P521, .ecdsa(.sha512, .raw))
        case .ed25519, .ed448: return nil
        }
    }

    /// The hashes we announce in SIGNATURE_HASH_ALGORITHMS (RFC 7427 section 4).
    static func announcedHashes(_ configuration: IKEPeerConfiguration) -> [IKEv2HashAlgorithm]? {
        var hashes: [HashAlgorithm] = []
        var identity = false
        switch configuration.localAuthentication {
        case .certificate(let key, _, let settings), .rawPublicKey(let key, let settings):
            hashes = settings.hashes
            identity = key.algorithm == .ed25519 || key.algorithm == .ed448
        case .preSharedKey, .null, .rsaEncryption:
            break
        }
        switch configuration.remoteAuthentication {
        case .certificate, .rawPublicKey:
            for hash in [HashAlgorithm.sha256, .sha384, .sha512] where !hashes.contains(hash) {
                hashes.append(hash)
            }
            identity = true
        case .preSharedKey, .null, .rsaEncryption:
            break
        }
        guard !hashes.isEmpty || identity else { return nil }
        var announced = hashes.filter { $0 != .md5 && $0 != .sha1 }.compactMap(
            IKEv2HashAlgorithm.init)
        if identity { announced.append(.identity) }
        return announced
    }

    /// The name of a method as reasons and summaries spell it.
    static func methodName(_ method: IKEv2AuthMethod?) -> String {
        switch method {
        case .rsaSignature: return "RSA signature"
        case .sharedKey: return "shared key"
        case .dssSignature: return "DSS signature"
        case .ecdsaSHA256P256: return "ECDSA SHA-256 P-256"
        case .ecdsaSHA384P384: return "ECDSA SHA-384 P-384"
        case .ecdsaSHA512P521: return "ECDSA SHA-512 P-521"
        case .genericSecurePassword: return "generic secure password"
        case .null: return "null"
        case .digitalSignature: return "digital signature"
        case nil: return "an unknown method"
        }
    }

    /// What the configuration expects, as reasons spell it.
    static func expectedMethodName(_ remote: RemoteAuthentication) -> String {
        switch remote {
        case .preSharedKey: return "shared key"
        case .certificate: return "a certificate signature"
        case .rawPublicKey: return "a raw public key signature"
        case .null: return "null"
        case .rsaEncryption: return "RSA encryption"
        }
    }
}
