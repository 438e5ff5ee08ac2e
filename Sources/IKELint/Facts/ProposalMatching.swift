import IKECore
import IKEPolicy

/// Proposal comparison in RFC 7296 section 2.7's terms: a proposal offers, for each
/// transform type, a list of choices; two proposals match when every type present in
/// either has a choice in common (a type absent from both, such as integrity with an
/// AEAD cipher or PFS in a Child SA without it, matches).
enum ProposalMatching {
    /// The transform types that take part in matching.
    static let types: [TransformType] = [.encryption, .prf, .integrity, .dhGroup, .esn]

    /// Whether `a` and `b` have a combination in common.
    static func match(_ a: Proposal, _ b: Proposal) -> Bool {
        func common<T: Equatable>(_ left: [T], _ right: [T]) -> Bool {
            if left.isEmpty || right.isEmpty { return left.isEmpty && right.isEmpty }
            return left.contains { right.contains($0) }
        }
        return common(a.encryption, b.encryption) && common(a.prf, b.prf)
            && common(a.integrity, b.integrity) && common(a.dhGroups, b.dhGroups)
            && common(a.esn, b.esn)
    }

    /// The types in which `a` and `b` have no choice in common.
    static func differences(_ a: Proposal, _ b: Proposal) -> [TransformType] {
        types.filter { type in
            let left = a.transforms(of: type)
            let right = b.transforms(of: type)
            if left.isEmpty || right.isEmpty { return left.isEmpty != right.isEmpty }
            return !left.contains { right.contains($0) }
        }
    }

    /// Whether every combination `later` offers is also offered by `earlier`.
    static func covers(_ earlier: Proposal, _ later: Proposal) -> Bool {
        // Compared type by type in the proposals' own lists: the shadowed-proposal rule
        // asks this of every earlier proposal in every list, and `transforms(of:)` would
        // build two arrays per type.
        func covers<T: Equatable>(_ outer: [T], _ inner: [T]) -> Bool {
            if outer.isEmpty || inner.isEmpty { return outer.isEmpty && inner.isEmpty }
            return inner.allSatisfy { outer.contains($0) }
        }
        return covers(earlier.encryption, later.encryption) && covers(earlier.prf, later.prf)
            && covers(earlier.integrity, later.integrity)
            && covers(earlier.dhGroups, later.dhGroups) && covers(earlier.esn, later.esn)
    }

    /// What an IKEv2 responder holding `responder` selects from the initiator's `offered`
    /// list: with `ours`, the responder's proposals are tried in its order and each
    /// transform is the responder's first choice that the initiator offers (strongSwan's
    /// default); with `theirs`, the initiator's order decides both. Nil when nothing
    /// matches (NO_PROPOSAL_CHOSEN).
    static func select(offered: [Proposal], responder: [Proposal], order: ProposalOrder)
        -> Selection?
    {
        switch order {
        case .ours:
            for (r, theirs) in responder.enumerated() {
                for (o, ours) in offered.enumerated() where match(ours, theirs) {
                    return Selection(
                        offeredIndex: o, responderIndex: r,
                        proposal: pick(preferred: theirs, other: ours))
                }
            }
        case .theirs:
            for (o, ours) in offered.enumerated() {
                for (r, theirs) in responder.enumerated() where match(ours, theirs) {
                    return Selection(
                        offeredIndex: o, responderIndex: r,
                        proposal: pick(preferred: ours, other: theirs))
                }
            }
        }
        return nil
    }

    /// One selected proposal.
    struct Selection {
        /// Index of the initiator's proposal that was accepted.
        let offeredIndex: Int
        /// Index of the responder's proposal that matched.
        let responderIndex: Int
        /// The transforms chosen, one per type.
        let proposal: Proposal
    }

    private static func pick(preferred: Proposal, other: Proposal) -> Proposal {
        func first<T: Equatable>(_ mine: [T], _ theirs: [T]) -> [T] {
            mine.first { theirs.contains($0) }.map { [$0] } ?? []
        }
        return Proposal(
            protocolID: preferred.protocolID,
            encryption: first(preferred.encryption, other.encryption),
            prf: first(preferred.prf, other.prf),
            integrity: first(preferred.integrity, other.integrity),
            dhGroups: first(preferred.dhGroups, other.dhGroups),
            esn: first(preferred.esn, other.esn))
    }
}
