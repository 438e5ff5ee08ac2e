import Foundation
import IKECrypto
import IKEDiagnostics
import IKEPolicy

/// Reads the keys and certificates a policy names, collecting one diagnostic per file that
/// cannot be used, with the span of the setting that names it. Messages name files,
/// never their contents.
struct CredentialLoader {
    /// The diagnostics so far.
    private(set) var diagnostics: [Diagnostic] = []

    /// A private key (PEM or DER).
    mutating func privateKey(_ reference: Located<FileReference>) -> PrivateKey? {
        guard let bytes = read(reference, id: .privateKeyUnusable, what: "private key") else {
            return nil
        }
        if let key = try? PrivateKey(pemBytes: bytes) { return key }
        if let key = try? PrivateKey(der: bytes) { return key }
        fail(
            .privateKeyUnusable,
            "private key '\(reference.value)' is not an unencrypted PEM or DER private key",
            at: reference.span)
        return nil
    }

    /// The certificates of a file (PEM, one or more; or one DER), leaf first.
    mutating func certificates(
        _ reference: Located<FileReference>, id: PlanDiagnosticID = .certificateUnusable
    ) -> [Certificate]? {
        let what = id == .trustAnchorUnusable ? "trust anchor" : "certificate"
        guard let bytes = read(reference, id: id, what: what) else { return nil }
        guard let certificates = try? Certificate.load(bytes), !certificates.isEmpty else {
            fail(id, "\(what) '\(reference.value)' does not parse as X.509", at: reference.span)
            return nil
        }
        return certificates
    }

    /// A public key (PEM SubjectPublicKeyInfo, or DER).
    mutating func publicKey(_ reference: Located<FileReference>) -> PublicKey? {
        guard let bytes = read(reference, id: .publicKeyUnusable, what: "public key") else {
            return nil
        }
        if let text = String(validating: bytes, as: UTF8.self),
            let key = try? PublicKey(pem: text)
        {
            return key
        }
        if let key = try? PublicKey(subjectPublicKeyInfo: bytes) { return key }
        fail(
            .publicKeyUnusable, "public key '\(reference.value)' is not a PEM or DER public key",
            at: reference.span)
        return nil
    }

    /// Checks that `key` is the private half of `publicKey`, read from `reference`.
    mutating func checkPair(
        _ key: PrivateKey, _ publicKey: PublicKey, keyFile: Located<FileReference>,
        reference: Located<FileReference>, what: String
    ) -> Bool {
        guard let derived = try? key.publicKey, derived == publicKey else {
            fail(
                .keyCertificateMismatch,
                "private key '\(keyFile.value)' does not belong to \(what) '\(reference.value)'",
                at: reference.span,
                notes: [DiagnosticNote("the private key", at: keyFile.span)])
            return false
        }
        return true
    }

    /// Records a diagnostic.
    mutating func fail(
        _ id: PlanDiagnosticID, _ message: String, at span: SourceSpan?,
        notes: [DiagnosticNote] = []
    ) {
        diagnostics.append(
            Diagnostic(
                id: id.rawValue, severity: .error, message: message, span: span, notes: notes))
    }

    private mutating func read(
        _ reference: Located<FileReference>, id: PlanDiagnosticID, what: String
    ) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: reference.value.resolvedPath) else {
            fail(id, "cannot read \(what) '\(reference.value)'", at: reference.span)
            return nil
        }
        return [UInt8](data)
    }
}
