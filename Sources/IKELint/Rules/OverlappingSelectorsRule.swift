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

    /// One phase 2 entry and its peer's position.
    private struct Item {
        let peer: Int
        let entry: Phase2Entry
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        let peers = context.policy.peers
        var items: [Item] = []
        for (position, peer) in peers.enumerated() {
            for entry in peer.phase2 { items.append(Item(peer: position, entry: entry)) }
        }
        var out: [Diagnostic] = []
        for (earlier, later) in Self.candidatePairs(items) {
            guard let overlap = Self.overlap(items[earlier].entry, items[later].entry) else {
                continue
            }
            let first = items[earlier]
            let second = items[later]
            let firstPeer = peers[first.peer].name.value
            let whose =
                firstPeer == peers[second.peer].name.value
                ? MessageText.joined(["entry '", first.entry.name.value, "'"])
                : MessageText.joined([
                    "entry '", first.entry.name.value, "' of peer '", firstPeer, "'",
                ])
            out.append(
                finding(
                    MessageText.joined([
                        "phase 2 entry '", second.entry.name.value, "' overlaps ", whose,
                        ": traffic from ", overlap.local.description, " to ",
                        overlap.remote.description, " matches both",
                    ]),
                    at: second.entry.name.span,
                    notes: [
                        DiagnosticNote(
                            MessageText.joined([whose, " is here"]), at: first.entry.name.span)
                    ]))
        }
        return out
    }

    /// Index pairs (earlier, later) of entries whose remote selectors overlap somewhere,
    /// found by a sweep over the remote ranges sorted by start address: O(n log n) plus
    /// the pairs found, where comparing every pair would be quadratic in the entries.
    private static func candidatePairs(_ items: [Item]) -> [(Int, Int)] {
        var ranges: [(start: Bound, end: Bound, item: Int)] = []
        for (index, item) in items.enumerated() {
            for selector in item.entry.remoteSelectors.selectors {
                let value = selector.value
                ranges.append((Bound(value.startAddress), Bound(value.endAddress), index))
            }
        }
        ranges.sort { $0.start < $1.start }

        var pairs = Set<Pair>()
        var active: [(end: Bound, item: Int)] = []
        for range in ranges {
            active.removeAll { $0.end.isIPv4 == range.start.isIPv4 && $0.end < range.start }
            for open in active
            where open.end.isIPv4 == range.start.isIPv4 && open.item != range.item {
                pairs.insert(Pair(min(open.item, range.item), max(open.item, range.item)))
            }
            active.append((range.end, range.item))
        }
        return pairs.sorted { ($0.later, $0.earlier) < ($1.later, $1.earlier) }
            .map { ($0.earlier, $0.later) }
    }

    /// An address as a number that orders as addresses do (IPv4 before IPv6, then by
    /// value), so that the sweep sorts plain integers.
    private struct Bound: Comparable {
        let isIPv4: Bool
        let high: UInt64
        let low: UInt64

        init(_ address: IPAddress) {
            isIPv4 = address.isIPv4
            var high: UInt64 = 0
            var low: UInt64 = 0
            for octet in address.octets {
                high = high << 8 | low >> 56
                low = low << 8 | UInt64(octet)
            }
            self.high = high
            self.low = low
        }

        static func < (lhs: Bound, rhs: Bound) -> Bool {
            if lhs.isIPv4 != rhs.isIPv4 { return lhs.isIPv4 }
            return (lhs.high, lhs.low) < (rhs.high, rhs.low)
        }
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
    private static func overlap(_ a: Phase2Entry, _ b: Phase2Entry)
        -> (local: TrafficSelector, remote: TrafficSelector)?
    {
        for l1 in a.localSelectors.selectors {
            for l2 in b.localSelectors.selectors {
                guard let local = l1.value.intersection(l2.value) else { continue }
                for r1 in a.remoteSelectors.selectors {
                    for r2 in b.remoteSelectors.selectors {
                        if let remote = r1.value.intersection(r2.value) { return (local, remote) }
                    }
                }
            }
        }
        return nil
    }
}
