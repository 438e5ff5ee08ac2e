import IKECrypto
import IKEDiagnostics
import IKEPolicy

/// Certificate keys below the profile's size.
struct WeakCertificateKeyRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L031", name: "weak-certificate-key",
        summary: "a certificate key too small for the profile",
        explanation: """
            A signature is as strong as its key. RFC 8247 section 4.1 requires RSA keys \
            of at least 2048 bits for IKEv2 authentication; RFC 9206 (CNSA) requires RSA \
            of at least 3072 bits or ECDSA on P-384.

            ikec checks the gateway's certificate, its trust anchors and pinned peer \
            certificates. Default: RSA under 2048 bits is an error. Legacy: RSA under \
            1024 bits is an error and under 2048 a warning. CNSA: RSA under 3072 bits \
            and any key but ECDSA P-384 (or RSA) is an error.

            Fix: issue a certificate with an ECDSA P-256 or P-384 key, or RSA 3072.
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.namedCertificates.compactMap { named in
            guard let key = try? named.certificate.publicKey,
                let (severity, requirement) = Self.judge(key, profile: context.profile)
            else {
                return nil
            }
            let written = named.reference.value.written
            return finding(
                "\(named.role) '\(written)' has a \(Self.describe(key)) key",
                at: named.reference.span, severity: severity,
                notes: [DiagnosticNote(requirement)])
        }
    }

    private static func judge(_ key: PublicKey, profile: LintProfile) -> (Severity, String)? {
        switch (profile, key.algorithm) {
        case (.cnsa, .rsa) where key.keyBits < RFC9206Requirements.minimumRSABits:
            return (
                .error, "\(RFC9206Requirements.algorithms) requires RSA keys of at least 3072 bits"
            )
        case (.cnsa, .rsa), (.cnsa, .ecP384):
            return nil
        case (.cnsa, _):
            return (
                .error, "\(RFC9206Requirements.algorithms) allows only ECDSA P-384 or RSA 3072 keys"
            )
        case (.legacy, .rsa) where key.keyBits < 1024:
            return (.error, "RSA keys under 1024 bits are broken")
        case (_, .rsa) where key.keyBits < 2048:
            return (
                profile == .legacy ? .warning : .error,
                "\(RFC8247Requirements.rsaKeySize) requires RSA keys of at least 2048 bits"
            )
        default:
            return nil
        }
    }

    private static func describe(_ key: PublicKey) -> String {
        switch key.algorithm {
        case .rsa: return "\(key.keyBits)-bit RSA"
        case .ecP256: return "ECDSA P-256"
        case .ecP384: return "ECDSA P-384"
        case .ecP521: return "ECDSA P-521"
        case .ed25519: return "Ed25519"
        case .ed448: return "Ed448"
        }
    }
}
