/// The one error type of IKECrypto: a stable `code` to compare against, a short context
/// naming what was being done, and the OpenSSL error queue text when libcrypto failed.
///
/// Neither `context` nor `detail` ever contains key material: contexts are written by this
/// module from algorithm names and lengths, and OpenSSL's queue holds only reason strings.
public struct CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases; tests and callers compare these.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The algorithm is known to the registry but not implemented (`info.implemented`).
        case unsupportedAlgorithm = "unsupported-algorithm"
        /// A key or key material has the wrong length for the algorithm.
        case invalidKeyLength = "invalid-key-length"
        /// An IV or nonce has the wrong length.
        case invalidIVLength = "invalid-iv-length"
        /// An input has a length the operation cannot take (for example CBC input that is
        /// not a whole number of blocks, or a prf+ request beyond 255 blocks).
        case invalidInputLength = "invalid-input-length"
        /// An AEAD tag did not verify: the data or its associated data were modified.
        case authenticationFailed = "authentication-failed"
        /// A peer's Diffie-Hellman public value is malformed or unsafe.
        case invalidPublicValue = "invalid-public-value"
        /// A Diffie-Hellman exchange produced an unsafe shared secret (all zero).
        case invalidSharedSecret = "invalid-shared-secret"
        /// A private or public key could not be read.
        case invalidKey = "invalid-key"
        /// The key cannot be used with the requested signature scheme or operation.
        case keySchemeMismatch = "key-scheme-mismatch"
        /// A signature is malformed (wrong length, bad DER).
        case malformedSignature = "malformed-signature"
        /// An RFC 7427 AlgorithmIdentifier is unknown or has parameters ikec does not accept.
        case unknownAlgorithmIdentifier = "unknown-algorithm-identifier"
        /// RSA decryption failed (bad padding or wrong key).
        case decryptionFailed = "decryption-failed"
        /// A certificate could not be parsed.
        case invalidCertificate = "invalid-certificate"
        /// Chain validation: a certificate of the chain has expired at the validation time.
        case certificateExpired = "certificate-expired"
        /// Chain validation: a certificate of the chain is not yet valid at that time.
        case certificateNotYetValid = "certificate-not-yet-valid"
        /// Chain validation: no path leads to a trust anchor.
        case certificateUntrusted = "certificate-untrusted"
        /// Chain validation: a signature in the chain does not verify.
        case certificateBadSignature = "certificate-bad-signature"
        /// Chain validation: a CA certificate may not sign (basic constraints, key usage).
        case certificateInvalidCA = "certificate-invalid-ca"
        /// Chain validation failed for another reason; `detail` names OpenSSL's reason.
        case certificateRejected = "certificate-rejected"
        /// A distinguished name's text or DER could not be read.
        case invalidDistinguishedName = "invalid-distinguished-name"
        /// libcrypto reported a failure that no other code describes.
        case libraryFailure = "library-failure"
    }

    /// The stable code.
    public let code: Code
    /// What was being done, in this module's words (never secret).
    public let context: String
    /// The OpenSSL error queue text at the time of failure, or empty.
    public let detail: String

    /// An error with its code, context and library detail.
    public init(_ code: Code, _ context: String, detail: String = "") {
        self.code = code
        self.context = context
        self.detail = detail
    }

    /// `code: context (detail)`.
    public var description: String {
        detail.isEmpty ? "\(code.rawValue): \(context)" : "\(code.rawValue): \(context) (\(detail))"
    }
}
