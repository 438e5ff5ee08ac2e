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

    /// One phase 2 entry, by reference so that the sweep below moves pointers only.
    private final class Item {
        let peer: String
        let entry: Phase2Entry
        let local: [TrafficSelector]
        let remote: [TrafficSelector]

        init(peer: String, entry: Phase2Entry) {
            self.peer = peer
            self.entry = entry
            local = entry.localSelectors.selectors.map(\.value)
            remote = entry.remoteSelectors.selectors.map(\.value)
        }
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        let items = context.policy.peers.flatMap { peer in
            peer.phase2.map { Item(peer: peer.name.value, entry: $0) }
        }
        var out: [Diagnostic] = []
        for (earlier, later) in Self.candidatePairs(items) {
            guard let overlap = Self.overlap(items[earlier], items[later]) else { continue }
            let first = items[earlier]
            let second = items[later]
            let whose =
                first.peer == second.peer
                ? "entry '\(first.entry.name.value)'"
                : "entry '\(first.entry.name.value)' of peer '\(first.peer)'"
            out.append(
                finding(
                    "phase 2 entry '\(second.entry.name.value)' overlaps \(whose): traffic "
                        + "from \(overlap.local) to \(overlap.remote) matches both",
                    at: second.entry.name.span,
                    notes: [DiagnosticNote("\(whose) is here", at: first.entry.name.span)]))
        }
        return out
    }

    /// Index pairs (earlier, later) of entries whose remote selectors overlap somewhere,
    /// found by a sweep over the remote ranges sorted by start address: O(n log n) plus
    /// the pairs found, where comparing every pair would be quadratic in the entries.
    private static func candidatePairs(_ items: [Item]) -> [(Int, Int)] {
        var ranges: [(start: IPAddress, end: IPAddress, item: Int)] = []
        for (index, item) in items.enumerated() {
            for selector in item.remote {
                ranges.append((selector.startAddress, selector.endAddress, index))
            }
        }
        ranges.sort { $0.start < $1.start }

        var pairs = Set<Pair>()
        var active: [(end: IPAddress, item: Int, isIPv4: Bool)] = []
        for range in ranges {
            active.removeAll { $0.isIPv4 == range.start.isIPv4 && $0.end < range.start }
            for open in active where open.isIPv4 == range.start.isIPv4 && open.item != range.item {
                pairs.insert(Pair(min(open.item, range.item), max(open.item, range.item)))
            }
            active.append((range.end, range.item, range.start.isIPv4))
        }
        return pairs.sorted { ($0.later, $0.earlier) < ($1.later, $1.earlier) }
            .map { ($0.earlier, $0.later) }
    }

    private struct Pair: Hashable {
        let earlier: Int
        let later: Int
        init(_ earlier: Int, _ later: Int) {
            self.earlier = earlier
            self.later = later
        }
    }

    /// The first overlapping traffic of two entries, if any.
    private static func overlap(_ a: Item, _ b: Item)
        -> (local: TrafficSelector, remote: TrafficSelector)?
    {
        for l1 in a.local {
            for l2 in b.local {
                guard let local = l1.intersection(l2) else { continue }
                for r1 in a.remote {
                    for r2 in b.remote {
                        if let remote = r1.intersection(r2) { return (local, remote) }
                    }
                }
            }
        }
        return nil
    }
}
