import IKECore
import IKEDiagnostics
import IKEPolicy

/// Phase 2 entries whose traffic selectors overlap.
struct OverlappingSelectorsRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L027", name: "overlapping-selectors",
        summary: "two phase 2 entries cover some of the same traffic",
        explanation: """
            Each phase 2 entry becomes security policies in the kernel's SPD (RFC 4301 \
            section 4.4.1). When two entries match the same packets (their local \
            selectors overlap and so do their remote ones), which SA the packets take \
            depends on policy order or priority: traffic may go to the wrong peer, or \
            through the wrong SA. Across peers it usually means two remote sites claim \
            the same network.

            Entries whose remote selectors are dynamic (a peer at 'any' without \
            'remote-ts') are not compared.

            Fix: make the selectors disjoint, or merge the entries.
            """,
        defaultSeverity: .warning)

    private struct Item {
        let peer: Peer
        let entry: Phase2Entry
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        let items = context.policy.peers.flatMap { peer in
            peer.phase2.map { Item(peer: peer, entry: $0) }
        }
        var out: [Diagnostic] = []
        for (index, later) in items.enumerated() {
            for earlier in items[..<index] {
                guard let overlap = Self.overlap(earlier.entry, later.entry) else { continue }
                let whose =
                    earlier.peer.name.value == later.peer.name.value
                    ? "entry '\(earlier.entry.name.value)'"
                    : "entry '\(earlier.entry.name.value)' of peer '\(earlier.peer.name.value)'"
                out.append(
                    finding(
                        "phase 2 entry '\(later.entry.name.value)' overlaps \(whose): traffic from \(overlap.local) to \(overlap.remote) matches both",
                        at: later.entry.name.span,
                        notes: [DiagnosticNote("\(whose) is here", at: earlier.entry.name.span)]))
            }
        }
        return out
    }

    /// The first overlapping traffic of two entries, if any.
    static func overlap(_ a: Phase2Entry, _ b: Phase2Entry)
        -> (local: TrafficSelector, remote: TrafficSelector)?
    {
        for l1 in a.localSelectors.selectors {
            for l2 in b.localSelectors.selectors {
                guard let local = l1.value.intersection(l2.value) else { continue }
                for r1 in a.remoteSelectors.selectors {
                    for r2 in b.remoteSelectors.selectors {
                        if let remote = r1.value.intersection(r2.value) {
                            return (local, remote)
                        }
                    }
                }
            }
        }
        return nil
    }
}
