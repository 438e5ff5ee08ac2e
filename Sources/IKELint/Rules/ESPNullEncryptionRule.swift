import IKEDiagnostics

/// ESP proposals with ENCR_NULL: integrity only, no confidentiality.
struct ESPNullEncryptionRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L008", name: "esp-null-encryption",
        summary: "an ESP proposal with NULL encryption sends traffic in the clear",
        explanation: """
            ENCR_NULL (RFC 2410) makes ESP authenticate packets without encrypting them: \
            anyone on the path reads the traffic. RFC 8221 section 5 keeps it for \
            deployments that want integrity only and say so; it is easy to pick by \
            accident, and a policy rarely means it.

            The checker already rejects NULL without an integrity algorithm (RFC 4303 \
            section 3.2); this rule flags NULL with one.

            Fix: use a real cipher (aes256gcm16). If integrity-only ESP is intended, \
            suppress the finding with a reason: '# ikec: ignore[esp-null-encryption] \
            monitoring link, integrity only by design'.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for site in context.sites where site.use == .esp {
            for transform in site.proposal.transforms {
                guard case .encryption(let cipher) = transform.value, cipher.algorithm == .null
                else { continue }
                out.append(
                    finding(
                        "\(site.placeName) offers ESP without encryption ('null')",
                        at: transform.span,
                        severity: context.profile == .cnsa ? .error : nil,
                        notes: [
                            DiagnosticNote(
                                "\(RFC8221Requirements.nullEncryption): ENCR_NULL protects "
                                    + "integrity only; traffic is readable on the path"
                            )
                        ]))
            }
        }
        return out
    }
}
