import IKECore
import IKEDiagnostics
import IKEPolicy

/// Compiles a checked policy into Libreswan 4.10's ipsec.conf(5).
///
/// One `conn <peer>` per peer with one phase 2 entry; a peer with several entries gets
/// `conn <peer>-<entry>` per entry, which Libreswan joins into one IKE SA. `left` is us,
/// `right` the peer. `auto=add` loads without starting, like swanctl's
/// `start_action = none`. Lifetimes map directly: Libreswan's `ikelifetime` and
/// `salifetime` are hard limits and it rekeys `rekeymargin` (9 minutes, with fuzz) before
/// them, which is the meaning of a policy lifetime. Certificates are NSS nicknames (the
/// file's stem): import them with `ipsec import` or `certutil` first. Pre-shared keys go
/// to ipsec.secrets, written only with `ikec compile -o DIR`.
///
/// The algorithm names were checked against Libreswan 4.10's own parser (`ipsec
/// algparse`) and the settings against `readwriteconf`, but the tests do not run pluto:
/// unlike swanctl.conf, no test loads this output into the real daemon.
public enum LibreswanExporter {
    /// The ipsec.conf for `policy`.
    public static func compile(_ policy: CheckedPolicy) -> CompiledConfig {
        var diagnostics = ExportDiagnostics()
        var text =
            "# ipsec.conf for gateway '\(policy.gateway.name.value)', compiled by ikec from "
            + "\(CredentialLayout.baseName(policy.source.path)) for Libreswan 4.10.\n"
            + "# Pre-shared keys are in ipsec.secrets, which only 'ikec compile -o DIR' writes "
            + "(mode 0600).\n# Certificates are NSS nicknames: import them into pluto's NSS "
            + "database first.\n\n"
        if policy.peers.contains(where: { $0.ikeVersion == .v1 }) {
            text += "config setup\n\tikev1-policy=accept\n\n"
        }
        var secrets: [SecretEntry] = []
        for peer in policy.peers {
            var conn = LibreswanConnection(policy: policy, peer: peer, diagnostics: diagnostics)
            text += conn.render()
            diagnostics = conn.diagnostics
            if let key = peer.auth.psk,
                peer.auth.local.value == .psk || peer.auth.remote.value == .psk
            {
                secrets.append(
                    SecretEntry(
                        peer: peer.name.value, name: peer.name.value,
                        identities: [conn.localID, conn.remoteID], key: key))
            }
        }
        return CompiledConfig(
            target: .libreswan, configuration: text, secrets: secrets, links: [], files: [],
            diagnostics: Diagnostic.sorted(diagnostics.all))
    }
}
