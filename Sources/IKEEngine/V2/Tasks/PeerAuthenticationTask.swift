import Foundation
import IKECore
import IKECrypto
import IKEWire

// RFC 7296 sections 2.15 and 3.8, RFC 4945 section 3.1 (the certificate must vouch for
// the identity the peer claims), RFC 7670 (raw public keys in CERT encoding 15), RFC
// 7427 section 3 (the AlgorithmIdentifier names the scheme, which must fit the key).
// Checks run in the order a reader of the failure needs: the method first, then the
// credential, then the AUTH data, so a wrong key, a wrong method and an untrusted
// certificate each get their own reason.

/// Verification of the peer's AUTH payload.
enum PeerAuthenticationTask {
    /// What the peer presented.
    struct Presented {
        /// The AUTH payload.
        var auth: IKEv2AuthenticationPayload
        /// Its CERT payloads, in order.
        var certificates: [IKEv2CertificatePayload]
        /// Its identification.
        var identification: IdentificationData
    }

    /// How the peer authenticated, or an `AuthenticationRefusal`.
    static func verify(
        _ presented: Presented, expected: RemoteAuthentication, signedOctets: [UInt8],
        prf: PRF, peerAuthKey: SecretBytes, validationTime: Double
    ) throws -> AuthenticationSummary {
        let method = presented.auth.method
        let methodText = AuthenticationTask.methodName(method)
        func wrongMethod() -> AuthenticationRefusal {
            AuthenticationRefusal(
                code: .authMethodMismatch,
                reason: "peer used auth method \(methodText), expected "
                    + AuthenticationTask.expectedMethodName(expected))
        }

        switch expected {
        case .preSharedKey(let secret):
            guard method == .sharedKey else { throw wrongMethod() }
            let mac = try AuthenticationTask.sharedKeyMAC(
                secret: secret, prf: prf, signedOctets: signedOctets)
            guard constantTimeEqual(mac, presented.auth.data) else {
                throw AuthenticationRefusal(
                    code: .sharedKeyMismatch,
                    reason: "AUTH payload does not verify with the configured pre-shared key")
            }
            return AuthenticationSummary(kind: .sharedKey, methodName: methodText)

        case .null:
            guard method == .null else { throw wrongMethod() }
            let mac = try AuthenticationTask.sharedKeyMAC(
                secret: peerAuthKey, prf: prf, signedOctets: signedOctets)
            guard constantTimeEqual(mac, presented.auth.data) else {
                throw AuthenticationRefusal(
                    code: .signatureInvalid,
                    reason: "NULL authentication data does not verify with SK_p")
            }
            return AuthenticationSummary(kind: .null, methodName: methodText)

        case .certificate(let anchors, let pinned):
            guard isSignatureMethod(method) else { throw wrongMethod() }
            let key = try certificateKey(
                presented, anchors: anchors, pinned: pinned, validationTime: validationTime)
            let scheme = try verifySignature(presented.auth, key: key, signedOctets: signedOctets)
            return AuthenticationSummary(
                kind: .certificateSignature, methodName: methodText, signatureScheme: scheme)

        case .rawPublicKey(let key):
            guard isSignatureMethod(method) else { throw wrongMethod() }
            let raw = presented.certificates.first { $0.encoding == .rawPublicKey }
            if let raw, raw.data != key.subjectPublicKeyInfo {
                throw AuthenticationRefusal(
                    code: .certificateIdentityMismatch,
                    reason: "peer sent a raw public key other than the configured one")
            }
            let scheme = try verifySignature(presented.auth, key: key, signedOctets: signedOctets)
            return AuthenticationSummary(
                kind: .rawPublicKeySignature, methodName: methodText, signatureScheme: scheme)

        case .rsaEncryption:
            throw AuthenticationRefusal(
                code: .invalidConfiguration,
                reason: "RSA encryption authentication exists only in IKEv1")
        }
    }

    private static func isSignatureMethod(_ method: IKEv2AuthMethod?) -> Bool {
        switch method {
        case .rsaSignature, .ecdsaSHA256P256, .ecdsaSHA384P384, .ecdsaSHA512P521,
            .digitalSignature:
            return true
        case .sharedKey, .dssSignature, .genericSecurePassword, .null, nil:
            return false
        }
    }

    /// The peer's end-entity key, after validating its chain, the pin and the identity.
    private static func certificateKey(
        _ presented: Presented, anchors: [Certificate], pinned: Certificate?,
        validationTime: Double
    ) throws -> PublicKey {
        let x509 = presented.certificates.filter { $0.encoding == .x509Signature }
        guard let leafPayload = x509.first else {
            throw AuthenticationRefusal(
                code: .certificateMissing, reason: "peer sent no X.509 certificate")
        }
        let leaf: Certificate
        let intermediates: [Certificate]
        do {
            leaf = try Certificate(der: leafPayload.data)
            intermediates = try x509.dropFirst().map { try Certificate(der: $0.data) }
        } catch {
            throw AuthenticationRefusal(
                code: .certificateMissing, reason: "peer's certificate does not parse")
        }
        if let pinned, pinned != leaf {
            throw AuthenticationRefusal(
                code: .certificateUntrusted,
                reason: "peer's certificate is not the pinned certificate")
        }
        do {
            _ = try CertificateChainValidator(trustAnchors: anchors).validate(
                leaf, intermediates: intermediates,
                at: Date(timeIntervalSince1970: validationTime))
        } catch let error as CryptoError {
            throw AuthenticationRefusal(
                code: .certificateUntrusted,
                reason: "peer's certificate is not trusted: \(error.context)")
        }

        let claimed = IdentityTask.identity(of: presented.identification)
        guard case .success(let identity?) = claimed, leaf.vouches(for: identity) else {
            throw AuthenticationRefusal(
                code: .certificateIdentityMismatch,
                reason: "peer's certificate does not vouch for its identity "
                    + IdentityTask.describe(presented.identification))
        }
        do {
            return try leaf.publicKey
        } catch {
            throw AuthenticationRefusal(
                code: .certificateMissing, reason: "peer's certificate key cannot be read")
        }
    }

    /// Verifies a signature AUTH payload with `key`; returns the scheme used.
    private static func verifySignature(
        _ auth: IKEv2AuthenticationPayload, key: PublicKey, signedOctets: [UInt8]
    ) throws -> SignatureScheme {
        let methodText = AuthenticationTask.methodName(auth.method)
        let scheme: SignatureScheme
        let signature: [UInt8]
        switch auth.method {
        case .digitalSignature:
            do {
                let parsed = try IKEv2DigitalSignature(authenticationData: auth.data)
                scheme = try SignatureScheme(algorithmIdentifier: parsed.algorithmIdentifier)
                signature = parsed.signature
            } catch {
                throw AuthenticationRefusal(
                    code: .signatureInvalid,
                    reason: "peer's RFC 7427 signature names no scheme ikec accepts")
            }
        case .rsaSignature, .ecdsaSHA256P256, .ecdsaSHA384P384, .ecdsaSHA512P521:
            guard let method = auth.method, let fixed = SignatureScheme(ikev2AuthMethod: method)
            else { preconditionFailure("the fixed methods all have a scheme") }
            scheme = fixed
            signature = auth.data
            let curveFits: Bool
            switch method {
            case .ecdsaSHA256P256: curveFits = key.algorithm == .ecP256
            case .ecdsaSHA384P384: curveFits = key.algorithm == .ecP384
            case .ecdsaSHA512P521: curveFits = key.algorithm == .ecP521
            default: curveFits = key.algorithm == .rsa
            }
            guard curveFits else {
                throw AuthenticationRefusal(
                    code: .authMethodMismatch,
                    reason: "peer used auth method \(methodText) with a \(key.algorithm) key")
            }
        default:
            throw AuthenticationRefusal(
                code: .authMethodMismatch, reason: "peer used auth method \(methodText)")
        }

        guard scheme.accepts(key.algorithm) else {
            throw AuthenticationRefusal(
                code: .authMethodMismatch,
                reason: "peer signed with \(scheme), which a \(key.algorithm) key cannot make")
        }
        let valid = (try? key.verify(signature, for: signedOctets, scheme: scheme)) ?? false
        guard valid else {
            throw AuthenticationRefusal(
                code: .signatureInvalid,
                reason: "peer's \(scheme) signature does not verify with its public key")
        }
        return scheme
    }

    /// Equality whose time depends only on the lengths.
    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
