import IKEDiagnostics

/// Peers at many addresses that authenticate with one pre-shared key.
struct WildcardPeerPSKRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L034", name: "wildcard-peer-psk",
        summary: "a peer at any address, a prefix or a range authenticated by a pre-shared key",
        explanation: """
            A pre-shared key for a peer that may connect from anywhere (or from a whole \
            prefix) is in practice a group key: every client that has it can \
            authenticate as any other, and can impersonate the gateway to them (in IKEv2 \
            the responder's PSK authentication proves only knowledge of the shared key). \
            Losing one device means rekeying all of them.

            Fix: use certificates (pubkey) or EAP for road warriors, or one peer entry \
            with its own key per remote site.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.policy.peers.compactMap { peer in
            guard peer.auth.local.value == .psk || peer.auth.remote.value == .psk else {
                return nil
            }
            let described: String
            switch peer.address.value {
            case .any:
                described = "any address"
            case .entries(let entries):
                guard let wide = entries.first(where: { $0.value.first != $0.value.last }) else {
                    return nil
                }
                described = "'\(wide.value)'"
            }
            var notes = [DiagnosticNote("everyone holding the key can pose as any of them")]
            if let psk = peer.auth.psk {
                notes.append(DiagnosticNote("the shared key is configured here", at: psk.span))
            }
            return finding(
                "peer '\(peer.name.value)' accepts \(described) with a pre-shared key",
                at: peer.address.span, notes: notes)
        }
    }
}
