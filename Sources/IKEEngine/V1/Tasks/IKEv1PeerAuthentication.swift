import Foundation
import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5: the peer proves itself with HASH_I / HASH_R (pre-shared key, public
// key encryption) or a signature over it (section 5.1, RFC 4754). RFC 4945 section 3.1:
// a certificate must vouch for the identity in the ID payload. The checks run in the
// order a reader of the failure needs: identity, then credential, then the proof, so a
// wrong identity, an untrusted certificate and a wrong key each get their own reason and
// the notification a real peer sends for it.

/// Verification of the peer's phase 1 authentication.
enum IKEv1PeerAuthentication {
    /// What the peer presented.
    struct Presented {
        /// Its ID payload.
        var identification: IdentificationData
        /// Its HASH payload data, if any.
        var hash: [UInt8]?
        /// Its SIG payload data, if any.
        var signature: [UInt8]?
        /// Its CERT payloads, in order.
        var certificates: [ISAKMPCertificatePayload]
    }

    /// Checks the peer's identity against the configured one; nil when it fits.
    static func identityRefusal(_ identification: IdentificationData, expected: Identity?)
        -> IKEv1Refusal?
    {
        guard let expected else {
            if case .failure(let error) = IdentityTask.identity(of: identification) {
                return IKEv1Refusal(
                    code: .identityMismatch, notify: .invalidIDInformation,
                    reason: "peer sent \(error.text)")
            }
            return nil
        }
        guard IdentityTask.matches(identification, expected: expected) else {
            return IKEv1Refusal(
                code: .identityMismatch, notify: .invalidIDInformation,
                reason: "peer identified as \(IdentityTask.describe(identification)), expected "
                    + "'\(expected)'"
                    + IdentityTask.reversedOrderNote(identification, expected: expected))
        }
        return nil
    }

    /// How the peer authenticated, or an `IKEv1Refusal`. `expectedHash` is the peer's
    /// HASH_I or HASH_R as we compute it.
    static func verify(
        _ presented: Presented, method: IKEv1AuthMethod, expectedHash: [UInt8],
        expected: RemoteAuthentication, validationTime: Double
    ) throws(IKEv1Refusal) -> AuthenticationSummary {
        switch expected {
        case .preSharedKey, .rsaEncryption:
            guard let hash = presented.hash else {
                throw IKEv1Refusal(
                    code: .invalidSyntax, notify: .payloadMalformed,
                    reason: "peer's authentication message has no HASH payload")
            }
            guard constantTimeEqual(hash, expectedHash) else {
                let preShared = IKEv1Authentication.family(of: method) == .preSharedKey
                throw IKEv1Refusal(
                    code: preShared ? .sharedKeyMismatch : .authenticationFailed,
                    notify: .invalidHashInformation,
                    reason: preShared
                        ? "peer's HASH does not verify with the configured pre-shared key"
                        : "peer's HASH does not verify: its nonce was not encrypted to our key")
            }
            return IKEv1Authentication.summary(method)
        case .certificate(let anchors, let pinned):
            let key = try certificateKey(
                presented, anchors: anchors, pinned: pinned, validationTime: validationTime)
            try verifySignature(presented, key: key, method: method, expectedHash: expectedHash)
            return IKEv1Authentication.summary(method)
        case .rawPublicKey(let key):
            try verifySignature(presented, key: key, method: method, expectedHash: expectedHash)
            return IKEv1Authentication.summary(method, rawKey: true)
        case .null:
            throw IKEv1Refusal(
                code: .invalidConfiguration, notify: .authenticationFailed,
                reason: "NULL authentication exists only in IKEv2")
        }
    }

    /// The peer's end-entity key, after the pin, chain and identity checks.
    private static func certificateKey(
        _ presented: Presented, anchors: [Certificate], pinned: Certificate?,
        validationTime: Double
    ) throws(IKEv1Refusal) -> PublicKey {
        let x509 = presented.certificates.filter { $0.encoding == .x509Signature }
        guard let leafPayload = x509.first else {
            throw IKEv1Refusal(
                code: .certificateMissing, notify: .authenticationFailed,
                reason: "peer sent no X.509 certificate")
        }
        let leaf: Certificate
        let intermediates: [Certificate]
        do {
            leaf = try Certificate(der: leafPayload.data)
            intermediates = try x509.dropFirst().map { try Certificate(der: $0.data) }
        } catch {
            throw IKEv1Refusal(
                code: .certificateMissing, notify: .invalidCertificate,
                reason: "peer's certificate does not parse")
        }
        if let pinned, pinned != leaf {
            throw IKEv1Refusal(
                code: .certificateUntrusted, notify: .authenticationFailed,
                reason: "peer's certificate is not the pinned certificate")
        }
        do {
            _ = try CertificateChainValidator(trustAnchors: anchors).validate(
                leaf, intermediates: intermediates,
                at: Date(timeIntervalSince1970: validationTime))
        } catch let error as CryptoError {
            throw IKEv1Refusal(
                code: .certificateUntrusted, notify: .authenticationFailed,
                reason: "peer's certificate is not trusted: \(error.context)")
        } catch {
            throw IKEv1Refusal(
                code: .certificateUntrusted, notify: .authenticationFailed,
                reason: "peer's certificate is not trusted")
        }

        let claimed = IdentityTask.identity(of: presented.identification)
        guard case .success(let identity?) = claimed, leaf.vouches(for: identity) else {
            throw IKEv1Refusal(
                code: .certificateIdentityMismatch, notify: .invalidIDInformation,
                reason: "peer's certificate does not vouch for its identity "
                    + IdentityTask.describe(presented.identification))
        }
        do {
            return try leaf.publicKey
        } catch {
            throw IKEv1Refusal(
                code: .certificateMissing, notify: .invalidCertificate,
                reason: "peer's certificate key cannot be read")
        }
    }

    /// Checks the SIG payload over the expected hash with `key`.
    private static func verifySignature(
        _ presented: Presented, key: PublicKey, method: IKEv1AuthMethod, expectedHash: [UInt8]
    ) throws(IKEv1Refusal) {
        guard let scheme = IKEv1Authentication.scheme(for: method),
            IKEv1Authentication.keyAlgorithm(for: method) == key.algorithm
        else {
            throw IKEv1Refusal(
                code: .authMethodMismatch, notify: .authenticationFailed,
                reason: "peer used \(IKEv1Authentication.methodName(method)) with a "
                    + "\(key.algorithm) key")
        }
        guard let signature = presented.signature else {
            throw IKEv1Refusal(
                code: .invalidSyntax, notify: .payloadMalformed,
                reason: "peer's authentication message has no SIG payload")
        }
        guard IKEv1Authentication.verify(signature, over: expectedHash, with: key, method: method)
        else {
            throw IKEv1Refusal(
                code: .signatureInvalid, notify: .invalidSignature,
                reason: "peer's \(scheme) signature does not verify with its public key")
        }
    }

    /// Equality whose time depends only on the lengths.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
