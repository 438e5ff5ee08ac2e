import IKEDiagnostics

/// Peers that use IKEv1.
struct IKEv1InUseRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L009", name: "ikev1-in-use",
        summary: "a peer uses IKEv1, which RFC 9395 deprecates",
        explanation: """
            RFC 9395 section 2 deprecates IKEv1 and moves RFCs 2407, 2408 and 2409 to \
            Historic: IKEv1 gets no new algorithms (no AEAD ciphers, no Curve25519), its \
            aggressive mode leaks pre-shared key hashes, and implementations are being \
            removed. IKEv2 (RFC 7296) has been the standard since 2005.

            Severity: a warning under 'default', a note under 'legacy', and an error \
            under 'cnsa' (RFC 9206 requires IKEv2).

            Fix: set 'ike: v2' (or remove 'ike:'), and move the peer to IKEv2.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        let severity: Severity
        var notes = [DiagnosticNote("\(RFC9395Requirements.ikev1): IKEv1 is deprecated")]
        switch context.profile {
        case .default: severity = .warning
        case .legacy: severity = .note
        case .cnsa:
            severity = .error
            notes.append(
                DiagnosticNote("\(RFC9206Requirements.ikeVersion): the CNSA suite requires IKEv2"))
        }
        return context.policy.peers.compactMap { peer in
            guard let version = peer.version, version.value == .v1 else { return nil }
            return finding(
                "peer '\(peer.name.value)' uses IKEv1", at: version.span, severity: severity,
                notes: notes, fixIts: [FixIt("use IKEv2", span: version.span, replacement: "v2")])
        }
    }
}
