import IKEDiagnostics

/// Peers without an `id`.
struct PeerWithoutIdentityRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L028", name: "peer-without-identity",
        summary: "a peer without an 'id'",
        explanation: """
            Without 'id', ikec (like strongSwan) expects the peer to present the IP \
            address identity of its address. That works until the peer moves behind NAT \
            or presents the FQDN its certificate names, and it leaves the peer's identity \
            unstated in a policy that reviewers read. A peer given as a prefix or range \
            without 'id' accepts whatever identity the peer sends, checked only by the \
            authentication method: with a pre-shared key, anyone holding the key.

            Severity: a note for a single address, a warning for a prefix or range.

            Fix: write 'id:' (fqdn:, ipv4:, email:, dn:, keyid:).
            """,
        defaultSeverity: .note)

    func check(_ context: LintContext) -> [Diagnostic] {
        context.policy.peers.compactMap { peer in
            guard peer.remoteIdentity == nil else { return nil }
            if let expected = peer.expectedRemoteIdentity {
                return finding(
                    "peer '\(peer.name.value)' has no 'id'; '\(expected)' is expected",
                    at: peer.name.span,
                    notes: [
                        DiagnosticNote(
                            "write 'id: \(expected)' to say so, or the id it really uses")
                    ])
            }
            return finding(
                "peer '\(peer.name.value)' has no 'id' and accepts any identity",
                at: peer.name.span, severity: .warning,
                notes: [DiagnosticNote("its address is not a single host", at: peer.address.span)])
        }
    }
}
