internal import CCrypto
import Foundation

/// Validates a peer's certificate chain against configured trust anchors at a time the
/// caller chooses (dry runs pass a fixed time, so results do not change with the clock).
///
/// Path building and checking are libcrypto's (`X509_verify_cert`): signatures, validity
/// periods, basic constraints and key usage of CA certificates. Revocation is not
/// checked: no CRL or OCSP data is consulted.
public struct CertificateChainValidator: Sendable {
    /// The trusted CA certificates.
    public let trustAnchors: [Certificate]

    /// A validator trusting `trustAnchors`.
    public init(trustAnchors: [Certificate]) {
        self.trustAnchors = trustAnchors
    }

    /// The validated chain, leaf first and trust anchor last, or a `CryptoError` naming
    /// the first failure: `certificateExpired`, `certificateNotYetValid`,
    /// `certificateUntrusted`, `certificateBadSignature`, `certificateInvalidCA` or
    /// `certificateRejected`. `intermediates` are untrusted certificates that may
    /// complete the path (those a peer sent in CERT payloads).
    public func validate(
        _ leaf: Certificate, intermediates: [Certificate] = [], at time: Date
    ) throws -> [Certificate] {
        let store = try checkPointer(X509_STORE_new(), "X509_STORE_new")
        defer { X509_STORE_free(store) }
        for anchor in trustAnchors {
            try check(X509_STORE_add_cert(store, anchor.x509), "X509_STORE_add_cert")
        }
        let untrusted = try checkPointer(OPENSSL_sk_new_null(), "OPENSSL_sk_new_null")
        defer { OPENSSL_sk_free(untrusted) }
        for certificate in intermediates {
            guard OPENSSL_sk_push(untrusted, UnsafeRawPointer(certificate.x509)) > 0 else {
                throw ErrorQueue.error(.libraryFailure, "OPENSSL_sk_push")
            }
        }
        let context = try checkPointer(X509_STORE_CTX_new(), "X509_STORE_CTX_new")
        defer { X509_STORE_CTX_free(context) }

        // The stack holds borrowed pointers: keep the certificates alive until the end.
        return try withExtendedLifetime((leaf, intermediates)) {
            try check(
                X509_STORE_CTX_init(context, store, leaf.x509, untrusted),
                "X509_STORE_CTX_init")
            X509_STORE_CTX_set_time(context, 0, time_t(time.timeIntervalSince1970))
            guard X509_verify_cert(context) == 1 else {
                ErrorQueue.clear()
                throw Self.failure(context)
            }
            return try Self.chain(context)
        }
    }

    /// The verified chain as libcrypto built it.
    private static func chain(_ context: OpaquePointer) throws -> [Certificate] {
        guard let stack = X509_STORE_CTX_get0_chain(context) else { return [] }
        var certificates: [Certificate] = []
        for index in 0..<max(0, Int(OPENSSL_sk_num(stack))) {
            guard let element = OPENSSL_sk_value(stack, Int32(index)) else { continue }
            certificates.append(try Certificate.referencing(OpaquePointer(element)))
        }
        return certificates
    }

    /// libcrypto's verification error as one of this module's codes, with the depth and
    /// subject of the certificate at fault.
    private static func failure(_ context: OpaquePointer) -> CryptoError {
        let reason = X509_STORE_CTX_get_error(context)
        let depth = X509_STORE_CTX_get_error_depth(context)
        let code: CryptoError.Code
        switch reason {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            code = .certificateExpired
        case X509_V_ERR_CERT_NOT_YET_VALID:
            code = .certificateNotYetValid
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
            X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_CERT_UNTRUSTED:
            code = .certificateUntrusted
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE,
            X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
            code = .certificateBadSignature
        case X509_V_ERR_INVALID_CA, X509_V_ERR_PATH_LENGTH_EXCEEDED,
            X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
            code = .certificateInvalidCA
        default:
            code = .certificateRejected
        }
        var subject = "unknown subject"
        if let current = X509_STORE_CTX_get_current_cert(context),
            let name = try? NameHandle(copying: X509_get_subject_name(current)),
            let text = try? name.printed(reversed: false)
        {
            subject = text
        }
        let reasonText = String(cString: X509_verify_cert_error_string(Int(reason)))
        return CryptoError(
            code, "certificate at depth \(depth) (\(subject)): \(reasonText)",
            detail: "X509_V_ERR \(reason)")
    }
}
