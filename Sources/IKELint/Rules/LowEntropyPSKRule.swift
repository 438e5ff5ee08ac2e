import IKEDiagnostics

/// Pre-shared keys that look guessable.
struct LowEntropyPSKRule: LintRule {
    /// The estimate below which a key is reported.
    static let minimumBits = 64

    static let descriptor = RuleDescriptor(
        id: "IKE-L013", name: "low-entropy-psk",
        summary: "a pre-shared key that looks easy to guess",
        explanation: """
            Length alone does not make a key strong: 'aaaaaaaaaaaaaaaaaaaaaaaa' and \
            'password1234567890' are long. ikec estimates the entropy of the key: each \
            character counts log2 of the alphabet its classes span (lower case, upper \
            case, digits, symbols; 8 bits for binary keys), and a character that repeats \
            one of the two before it, or continues a run like 'abc' or '987', counts one \
            bit. Keys estimated below 64 bits are reported. The estimate knows no \
            dictionary, so a passphrase of common words can pass it and still be weak.

            The key is read only to measure it; its value never appears in any output.

            Fix: generate a random key ('openssl rand -base64 33').
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.resolvedKeys.compactMap { key in
            guard key.estimatedBits < Self.minimumBits else { return nil }
            return finding(
                "peer '\(key.peer.name.value)' has a pre-shared key that looks easy to guess",
                at: key.span,
                notes: [
                    DiagnosticNote(
                        "\(key.origin) has an estimated \(key.estimatedBits) bits of "
                            + "entropy; aim for at least \(Self.minimumBits)"
                    )
                ])
        }
    }
}
