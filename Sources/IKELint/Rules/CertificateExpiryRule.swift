import Foundation
import IKEDiagnostics

/// Certificates that are expired, not yet valid, or expire within 30 days.
struct CertificateExpiryRule: LintRule {
    /// How soon an expiry is worth a warning.
    static let warningDays = 30

    static let descriptor = RuleDescriptor(
        id: "IKE-L030", name: "certificate-expiry",
        summary: "a certificate that is expired, not yet valid, or expires within 30 days",
        explanation: """
            A peer rejects a certificate outside its validity period (RFC 5280 section \
            4.1.2.5); an expired trust anchor fails every peer it vouches for. ikec \
            checks the gateway's certificate, its trust anchors and pinned peer \
            certificates against the current time.

            Severity: expired or not yet valid is an error; expiring within 30 days a \
            warning.

            Fix: renew the certificate (and deploy it before the old one expires).
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for named in context.namedCertificates {
            let written = named.reference.value.written
            guard let notAfter = try? named.certificate.notAfter,
                let notBefore = try? named.certificate.notBefore
            else { continue }
            if notAfter < context.now {
                out.append(
                    finding(
                        "\(named.role) '\(written)' expired on \(CalendarDate.text(notAfter))",
                        at: named.reference.span))
            } else if notBefore > context.now {
                out.append(
                    finding(
                        "\(named.role) '\(written)' is not valid before "
                            + "\(CalendarDate.text(notBefore))",
                        at: named.reference.span))
            } else {
                let days = Int(notAfter.timeIntervalSince(context.now) / 86_400)
                guard days < Self.warningDays else { continue }
                out.append(
                    finding(
                        "\(named.role) '\(written)' expires on "
                            + "\(CalendarDate.text(notAfter)), in \(days) days",
                        at: named.reference.span, severity: .warning))
            }
        }
        return out
    }
}
