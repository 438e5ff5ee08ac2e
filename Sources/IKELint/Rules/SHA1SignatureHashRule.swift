import IKECore
import IKEDiagnostics

/// SHA-1 (or, under CNSA, anything but SHA-384) in `signature-hashes`.
struct SHA1SignatureHashRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L032", name: "sha1-signature-hash",
        summary: "SHA-1 offered for RFC 7427 digital signatures",
        explanation: """
            With the digital-signature method (RFC 7427) the peers announce the hashes \
            they accept in SIGNATURE_HASH_ALGORITHMS. SHA-1 collisions are practical \
            (SHAttered, 2017), and RFC 8247 section 4.2 says SHA-1 MUST NOT be used for \
            these signatures. Under 'cnsa', RFC 9206 allows SHA-384 only.

            Fix: remove sha1 from 'signature-hashes' (the default is sha256, sha384, \
            sha512).
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for peer in context.policy.peers {
            for hash in peer.auth.signatureHashes ?? [] {
                if hash.value == .sha1 {
                    out.append(
                        finding(
                            "'sha1' must not be used for digital signatures", at: hash.span,
                            notes: [
                                DiagnosticNote(
                                    "\(RFC8247Requirements.sha1Signatures) lists SHA1 as MUST NOT")
                            ]))
                } else if context.profile == .cnsa, hash.value != .sha384 {
                    out.append(
                        finding(
                            "'\(hash.value.rawValue)' is not allowed by the CNSA suite",
                            at: hash.span,
                            notes: [
                                DiagnosticNote(
                                    "\(RFC9206Requirements.algorithms) allows only SHA-384")
                            ]))
                }
            }
        }
        return out
    }
}
