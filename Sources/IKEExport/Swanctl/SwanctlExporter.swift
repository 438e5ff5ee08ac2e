import IKECore
import IKEDiagnostics
import IKEPolicy

/// Compiles a checked policy into strongSwan 5.9's swanctl.conf(5).
///
/// One `connections.<peer>` section per peer, one `children.<entry>` per phase 2 entry.
/// The file `include`s `secrets.conf` for the pre-shared keys and never holds one itself;
/// certificates and keys are named inside swanctl's folders (`x509/`, `x509ca/`,
/// `private/`, `pubkey/`) next to the file, where `ikec compile -o` links them.
///
/// Lifetimes (see `LifetimeSplit`): a policy lifetime L is the SA's hard limit. An IKEv2
/// IKE SA gets `rekey_time` = 90% of L and `over_time` = the other 10%, so it never
/// outlives L; an IKEv1 ISAKMP SA, which strongSwan does not rekey, gets `reauth_time`
/// and `over_time` the same way (strongSwan proposes their sum, L, on the wire). A Child
/// SA gets `life_time`/`life_bytes`/`life_packets` = the policy's limits and the
/// `rekey_*` values at 90% of each (IKEv1 quick mode proposes the `life_*` values).
public enum SwanctlExporter {
    /// The swanctl.conf for `policy`, with every diagnostic about what it cannot express.
    public static func compile(_ policy: CheckedPolicy) -> CompiledConfig {
        var diagnostics = ExportDiagnostics()
        var layout = CredentialLayout()
        var body = SettingsText()
        var secrets: [SecretEntry] = []
        let names = SectionNames(policy: policy, diagnostics: &diagnostics)

        body.section("connections") { connections in
            for (index, peer) in policy.peers.enumerated() {
                if index > 0 { connections.blank() }
                SwanctlLimits(peer: peer).check(into: &diagnostics)
                connection(
                    peer, named: names.peer(peer), policy: policy, names: names,
                    into: &connections, layout: &layout)
                if let entry = secret(for: peer, named: names.peer(peer), policy: policy) {
                    secrets.append(entry)
                }
            }
        }
        body.blank()
        body.line("include " + ExportTarget.swanctl.secretsFileName)

        let text = header(policy, links: layout.links, files: layout.files) + body.text
        return CompiledConfig(
            target: .swanctl, configuration: text, secrets: secrets, links: layout.links,
            files: layout.files, diagnostics: Diagnostic.sorted(diagnostics.all))
    }

    private static func connection(
        _ peer: Peer, named name: String, policy: CheckedPolicy, names: SectionNames,
        into text: inout SettingsText, layout: inout CredentialLayout
    ) {
        let version = peer.ikeVersion
        let auth = SwanctlAuth(policy: policy, peer: peer)
        text.section(name) { conn in
            conn.set("version", version == .v1 ? "1" : "2")
            conn.set("local_addrs", list: policy.gateway.addresses.map { $0.value.description })
            conn.set("remote_addrs", list: remoteAddresses(peer.address.value))
            conn.set(
                "proposals", list: SwanctlProposals.ike(peer.phase1.proposals, version: version))
            if peer.phase1.exchangeMode == .aggressive { conn.set("aggressive", "yes") }
            let lifetime = UInt64(peer.phase1.lifetimeSeconds)
            conn.set(
                version == .v1 ? "reauth_time" : "rekey_time", seconds(LifetimeSplit.soft(lifetime))
            )
            conn.set("over_time", seconds(LifetimeSplit.margin(lifetime)))
            conn.section("local") { auth.local(into: &$0, layout: &layout) }
            conn.section("remote") { auth.remote(into: &$0, layout: &layout) }
            conn.section("children") { children in
                for entry in peer.phase2 {
                    child(
                        entry, named: names.entry(entry, of: peer), version: version,
                        into: &children)
                }
            }
        }
    }

    private static func child(
        _ entry: Phase2Entry, named name: String, version: IKEVersion, into text: inout SettingsText
    ) {
        text.section(name) { child in
            child.set(
                "local_ts", list: SwanctlSelectors.render(entry.localSelectors, version: version))
            child.set(
                "remote_ts", list: SwanctlSelectors.render(entry.remoteSelectors, version: version))
            let key = entry.effectiveProtocol == .ah ? "ah_proposals" : "esp_proposals"
            child.set(key, list: SwanctlProposals.child(entry.proposals, version: version))
            child.set("mode", entry.effectiveMode.rawValue)

            let time = UInt64(entry.lifetimeSeconds)
            child.set("rekey_time", seconds(LifetimeSplit.soft(time)))
            child.set("life_time", seconds(time))
            if let bytes = entry.lifetime.bytes?.value {
                child.set("rekey_bytes", String(LifetimeSplit.soft(bytes)))
                child.set("life_bytes", String(bytes))
            }
            if let packets = entry.lifetime.packets?.value {
                child.set("rekey_packets", String(LifetimeSplit.soft(packets)))
                child.set("life_packets", String(packets))
            }
            child.set("start_action", "none")
        }
    }

    /// `remote_addrs`: hosts, prefixes and ranges as written, or `%any`.
    static func remoteAddresses(_ address: PeerAddress) -> [String] {
        switch address {
        case .any: return ["%any"]
        case .entries(let entries): return entries.map { $0.value.description }
        }
    }

    private static func seconds(_ value: UInt64) -> String { DurationText.render(seconds: value) }

    /// The PSK entry of a peer that authenticates either way with a pre-shared key.
    private static func secret(for peer: Peer, named name: String, policy: CheckedPolicy)
        -> SecretEntry?
    {
        guard let key = peer.auth.psk,
            peer.auth.local.value == .psk || peer.auth.remote.value == .psk
        else { return nil }
        var identities = [SwanctlIdentity.render(policy.localIdentity(for: peer).value)]
        if let remote = peer.expectedRemoteIdentity {
            identities.append(SwanctlIdentity.render(remote))
        }
        return SecretEntry(
            peer: peer.name.value, name: "ike-" + name, identities: identities, key: key)
    }

    /// What the file is and what it expects beside it.
    private static func header(
        _ policy: CheckedPolicy, links: [CredentialLink], files: [CredentialFile]
    ) -> String {
        var text = SettingsText()
        text.comment(
            "swanctl.conf for gateway '\(policy.gateway.name.value)', compiled by ikec from "
                + "\(CredentialLayout.baseName(policy.source.path)) for strongSwan 5.9.")
        text.comment(
            "Pre-shared keys are in \(ExportTarget.swanctl.secretsFileName), which only "
                + "'ikec compile -o DIR' writes")
        text.comment("(mode 0600); this file never holds a secret.")
        if !links.isEmpty {
            text.comment("Credentials, as links in swanctl's folders next to this file:")
            let width = links.map(\.path.count).max() ?? 0
            for link in links {
                let padding = String(repeating: " ", count: width - link.path.count)
                text.comment("  \(link.path)\(padding)  -> \(link.written)")
            }
        }
        if !files.isEmpty {
            text.comment("Certificates after the first of a file, which swanctl would not load,")
            text.comment("as files of their own:")
            let width = files.map(\.path.count).max() ?? 0
            for file in files {
                let padding = String(repeating: " ", count: width - file.path.count)
                text.comment(
                    "  \(file.path)\(padding)  <- certificate \(file.position) of \(file.written)")
            }
        }
        text.blank()
        return text.text
    }
}
