import IKECore
import IKEDiagnostics
import IKEPolicy

/// The secrets file of a compiled configuration. Keys are read here and nowhere else, and
/// only to be written to the 0600 file: the text is built as `SecretBytes`, never as a
/// `String`, and each key is written as hex (`0x...`), which both daemons read back
/// exactly whatever form the policy gave it in.
public enum SecretsFile {
    /// The file's content, or one diagnostic per key that cannot be read (an unset
    /// environment variable, an unreadable or malformed file), naming its source.
    public static func render(_ config: CompiledConfig, gateway: String)
        -> Result<SecretBytes, SecretsUnavailable>
    {
        var resolved: [(SecretEntry, SecretBytes)] = []
        var diagnostics = ExportDiagnostics()
        for entry in config.secrets {
            do {
                resolved.append((entry, try entry.key.value.resolve()))
            } catch {
                diagnostics.add(
                    .secretUnavailable,
                    "the pre-shared key of peer '\(entry.peer)' cannot be read: "
                        + "\(error.context)", at: entry.key.span,
                    notes: [DiagnosticNote("the secrets file is written only when every key is")])
            }
        }
        guard diagnostics.all.isEmpty else {
            return .failure(SecretsUnavailable(diagnostics: diagnostics.all))
        }

        var bytes: [UInt8] = []
        switch config.target {
        case .swanctl: swanctl(resolved, gateway: gateway, into: &bytes)
        case .libreswan: libreswan(resolved, gateway: gateway, into: &bytes)
        }
        let secret = SecretBytes(bytes)
        for index in bytes.indices { bytes[index] = 0 }
        return .success(secret)
    }

    /// swanctl.conf(5) `secrets.ike<suffix>` sections.
    private static func swanctl(
        _ resolved: [(SecretEntry, SecretBytes)], gateway: String, into bytes: inout [UInt8]
    ) {
        append(
            "# Pre-shared keys of gateway '\(gateway)', written by ikec compile. Keep this "
                + "file mode 0600.\nsecrets {\n", to: &bytes)
        for (entry, key) in resolved {
            append("    \(entry.name) {\n", to: &bytes)
            for (index, identity) in entry.identities.enumerated() {
                append("        id-\(index + 1) = \(SettingsText.quoted(identity))\n", to: &bytes)
            }
            append("        secret = 0x", to: &bytes)
            appendHex(key, to: &bytes)
            append("\n    }\n", to: &bytes)
        }
        append("}\n", to: &bytes)
    }

    /// ipsec.secrets(5): `ID ID : PSK 0x...`.
    private static func libreswan(
        _ resolved: [(SecretEntry, SecretBytes)], gateway: String, into bytes: inout [UInt8]
    ) {
        append(
            "# Pre-shared keys of gateway '\(gateway)', written by ikec compile. Keep this "
                + "file mode 0600.\n", to: &bytes)
        for (entry, key) in resolved {
            append(entry.identities.joined(separator: " ") + " : PSK 0x", to: &bytes)
            appendHex(key, to: &bytes)
            append("\n", to: &bytes)
        }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
    }

    private static func appendHex(_ key: SecretBytes, to bytes: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        key.withUnsafeBytes { raw in
            for octet in raw {
                bytes.append(digits[Int(octet >> 4)])
                bytes.append(digits[Int(octet & 0x0F)])
            }
        }
    }
}

/// The keys that could not be read, as diagnostics with the places they were written.
public struct SecretsUnavailable: Error, Sendable {
    /// One `X0001` error per key.
    public let diagnostics: [Diagnostic]
}
