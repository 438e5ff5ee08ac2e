import IKEDiagnostics
import IKEPolicy

/// A gateway certificate that does not vouch for the identity the gateway presents.
struct CertificateIdentityMismatchRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L029", name: "certificate-identity-mismatch",
        summary: "the gateway's certificate does not vouch for the identity it presents",
        explanation: """
            A peer that authenticates us with a certificate checks that the certificate \
            binds the identity in our IDi/IDr payload (RFC 7296 section 3.5, RFC 4945 \
            section 3.1): an FQDN must be a dNSName subjectAltName, an email address an \
            rfc822Name, an IP address an iPAddress subjectAltName, a DN the subject. \
            strongSwan and most gateways refuse the authentication otherwise \
            (AUTHENTICATION_FAILED), however valid the signature.

            ikec checks the identity presented to each peer that we sign for ('id' of \
            the gateway, or the peer's 'local-id') against 'credentials.certificate'. \
            A keyid: identity is never vouched for by a certificate.

            Fix: present an identity the certificate names, or issue a certificate with \
            the identity as a subjectAltName.
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let own = context.gatewayCertificate else { return [] }
        var out: [Diagnostic] = []
        for peer in context.policy.peers where peer.auth.local.value.isSignature {
            let identity = context.policy.localIdentity(for: peer)
            guard !own.certificate.vouches(for: identity.value) else { continue }
            let names = own.certificate.subjectAltNames.map(\.description)
            let subject = (try? own.certificate.subject.text) ?? "an unreadable subject"
            let listed = names.isEmpty ? "no subjectAltName" : names.joined(separator: ", ")
            out.append(
                finding(
                    "certificate '\(own.reference.value.written)' does not vouch for "
                        + "identity '\(identity.value)'",
                    at: identity.span,
                    notes: [
                        DiagnosticNote(
                            "the certificate names \(listed); subject '\(subject)'",
                            at: own.reference.span),
                        DiagnosticNote("peer '\(peer.name.value)' would fail our authentication"),
                    ]))
        }
        return out
    }
}
