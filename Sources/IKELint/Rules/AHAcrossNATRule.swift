import IKECore
import IKEDiagnostics
import IKEPolicy

/// AH where address translation is likely between the peers.
struct AHAcrossNATRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L025", name: "ah-across-nat",
        summary: "AH with a peer that is likely behind NAT",
        explanation: """
            AH authenticates the outer IP header, addresses included (RFC 4302 section \
            3.3.3); a NAT rewrites them, so every packet fails verification. AH also \
            cannot be carried in UDP (RFC 3948 defines UDP encapsulation for ESP only). \
            AH works only where no translation happens.

            ikec cannot see the network, so it reports AH entries where translation is \
            likely: a peer at 'any' (road warriors sit behind home and mobile NATs), a \
            peer given as a prefix or range (a dynamic or pooled address), or a peer \
            address and a gateway address of which one is private (RFC 1918, RFC 6598 \
            shared space, IPv6 ULA) and the other public. The policy language has no \
            setting to force UDP encapsulation yet; when it does, AH with it will be \
            reported too.

            Fix: use ESP; for integrity without encryption, ESP with 'null' encryption \
            and an integrity algorithm.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for peer in context.policy.peers {
            guard let reason = Self.natReason(peer, gateway: context.policy.gateway) else {
                continue
            }
            for entry in peer.phase2 where entry.effectiveProtocol == .ah {
                let span = entry.ipsecProtocol?.span ?? entry.span
                out.append(
                    finding(
                        "phase 2 entry '\(entry.name.value)' uses AH, which does not survive NAT",
                        at: span,
                        notes: [DiagnosticNote(reason.text, at: reason.span)],
                        fixIts: entry.ipsecProtocol.map {
                            [FixIt("use ESP", span: $0.span, replacement: "esp")]
                        } ?? []))
            }
        }
        return out
    }

    /// Why NAT is likely between us and `peer`, with the place that shows it.
    static func natReason(_ peer: Peer, gateway: Gateway) -> (text: String, span: SourceSpan)? {
        switch peer.address.value {
        case .any:
            return (
                "peer '\(peer.name.value)' may connect from any address, often through NAT",
                peer.address.span
            )
        case .entries(let entries):
            if let pooled = entries.first(where: {
                if case .host = $0.value { return false }
                return true
            }) {
                return (
                    "peer addresses '\(pooled.value)' are a pool, often behind NAT", pooled.span
                )
            }
            for entry in entries {
                guard case .host(let address) = entry.value else { continue }
                let peerPrivate = AddressFacts.isPrivate(address)
                if let ours = gateway.addresses.first(where: {
                    AddressFacts.isPrivate($0.value) != peerPrivate
                }) {
                    let (privateOne, publicOne) =
                        peerPrivate ? (address, ours.value) : (ours.value, address)
                    return (
                        "\(privateOne) is a private address and \(publicOne) a public one: "
                            + "NAT sits between them",
                        entry.span
                    )
                }
            }
            return nil
        }
    }
}
