import IKEDiagnostics

/// Pre-shared keys shorter than 20 octets.
struct ShortPSKRule: LintRule {
    /// The shortest key accepted: 160 bits of raw material.
    static let minimumOctets = 20

    static let descriptor = RuleDescriptor(
        id: "IKE-L012", name: "short-psk",
        summary: "a pre-shared key shorter than 20 octets",
        explanation: """
            An attacker who records one IKEv2 exchange authenticated with a pre-shared \
            key can test guesses of the key offline (RFC 7296 section 2.15 warns that \
            the key must be hard to guess for that reason); in IKEv1 aggressive mode \
            anyone can. A short key bounds how much entropy it can hold. ikec asks for \
            at least 20 octets, which random keys reach with room to spare.

            The key is read (literal, file, or a set environment variable) only to \
            measure it; its value never appears in any output.

            Fix: generate a random key, for example 'openssl rand -base64 33', or \
            authenticate with certificates.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.resolvedKeys.compactMap { key in
            guard key.length < Self.minimumOctets else { return nil }
            return finding(
                "peer '\(key.peer.name.value)' has a pre-shared key of only \(key.length) octets",
                at: key.span,
                severity: context.profile == .cnsa ? .error : nil,
                notes: [
                    DiagnosticNote(
                        "\(key.origin) is \(key.length) octets; use at least "
                            + "\(Self.minimumOctets) random octets"
                    )
                ])
        }
    }
}
