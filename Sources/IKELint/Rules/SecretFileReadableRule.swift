import IKEDiagnostics
import IKEPolicy

/// Pre-shared key files and private keys that group or others may read.
struct SecretFileReadableRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L014", name: "secret-file-readable",
        summary: "a pre-shared key file or private key readable by group or others",
        explanation: """
            A pre-shared key file or the gateway's private key that other users of the \
            machine can read is a key they can use to impersonate the gateway. Daemons \
            such as strongSwan's charon expect such files to be readable by their owner \
            only.

            ikec looks at the permission bits of 'psk: { file: ... }' files and of \
            'gateway.credentials.private-key': any bit for group or others is reported.

            Fix: 'chmod 600 FILE' (and keep the file out of git; a clone gets whatever \
            mode the checkout's umask gives).
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for peer in context.policy.peers {
            guard let psk = peer.auth.psk, case .file(let file) = psk.value.source else {
                continue
            }
            out += report(file, what: "pre-shared key file", at: psk.span, context)
        }
        if let key = context.policy.gateway.credentials?.privateKey {
            out += report(key.value, what: "private key", at: key.span, context)
        }
        return out
    }

    private func report(
        _ file: FileReference, what: String, at span: SourceSpan, _ context: LintContext
    ) -> [Diagnostic] {
        guard let mode = context.system.permissions(file.resolvedPath), mode & 0o077 != 0 else {
            return []
        }
        let who = mode & 0o007 != 0 ? "others" : "its group"
        return [
            finding(
                "\(what) '\(file.written)' is readable by \(who) (mode \(Self.octal(mode)))",
                at: span, notes: [DiagnosticNote("run 'chmod 600 \(file.written)'")])
        ]
    }

    private static func octal(_ mode: UInt32) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
