import IKEDiagnostics

/// Transport mode entries whose selectors are networks.
struct TransportModeSubnetsRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L026", name: "transport-mode-subnets",
        summary: "transport mode with selectors that are networks, not hosts",
        explanation: """
            Transport mode protects traffic between the two IPsec endpoints themselves \
            (RFC 4301 section 4.1): the packets keep their own IP header, so their \
            addresses must be the gateways'. Selectors naming whole networks in transport \
            mode either never match or, with some implementations, lead to traffic sent \
            unprotected or dropped. Networks behind the gateways need tunnel mode.

            Fix: use 'mode: tunnel', or narrow the selectors to the two hosts.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for peer in context.policy.peers {
            for entry in peer.phase2 where entry.effectiveMode == .transport {
                let selectors =
                    entry.localSelectors.selectors + entry.remoteSelectors.selectors
                for selector in selectors where !selector.value.isSingleHost {
                    out.append(
                        finding(
                            "transport mode entry '\(entry.name.value)' has network "
                                + "selector '\(selector.value)'",
                            at: selector.span,
                            notes: entry.mode.map {
                                [DiagnosticNote("transport mode is set here", at: $0.span)]
                            } ?? [],
                            fixIts: entry.mode.map {
                                [FixIt("use tunnel mode", span: $0.span, replacement: "tunnel")]
                            } ?? []))
                }
            }
        }
        return out
    }
}
