import IKECore
import IKEWire

// RFC 7296 section 2.7 and 3.3.6: the responder picks one proposal of the offer and, in
// it, one transform of each type. A proposal fits when, for every transform type, both
// sides list none or share at least one; a Child SA without ESN listed counts as "no
// ESN". Which side's order wins is an explicit preference: ours (strongSwan's default)
// or the initiator's.

/// The outcome of a successful selection: the chosen transforms and the offered
/// proposal's number.
struct ProposalChoice {
    /// The chosen transforms, one per type.
    var proposal: Proposal
    /// The offered proposal's Proposal Num, echoed in the answer.
    var number: UInt8
    /// The initiator's SPI in the chosen proposal (Child SAs and IKE rekeys).
    var peerSPI: [UInt8]
}

/// Proposal selection with an explicit preference.
enum ProposalSelection {
    /// Selects from `offered` against `configured`; nil when nothing fits. Offered
    /// proposals of another protocol, or with unknown transform types, never fit.
    /// With `ignoringGroups`, D-H transforms on both sides are left out (a Child SA made
    /// in IKE_AUTH).
    static func select(
        offered: [IKEv2Proposal], configured: [Proposal], preference: ProposalPreference,
        ignoringGroups: Bool = false
    ) -> ProposalChoice? {
        let decoded = offered.map { wire in
            (wire, wire.proposal.map { ignoringGroups ? withoutGroups($0) : $0 })
        }
        let configured = ignoringGroups ? configured.map(withoutGroups) : configured
        switch preference {
        case .local:
            for ours in configured {
                for (wire, theirs) in decoded {
                    guard let theirs, theirs.protocolID == ours.protocolID,
                        let chosen = intersect(first: ours, second: theirs)
                    else { continue }
                    return ProposalChoice(proposal: chosen, number: wire.number, peerSPI: wire.spi)
                }
            }
        case .peer:
            for (wire, theirs) in decoded {
                guard let theirs else { continue }
                for ours in configured where ours.protocolID == theirs.protocolID {
                    guard let chosen = intersect(first: theirs, second: ours) else { continue }
                    return ProposalChoice(proposal: chosen, number: wire.number, peerSPI: wire.spi)
                }
            }
        }
        return nil
    }

    /// The proposals an offer contained, for failure reports (undecodable ones left out).
    static func offeredProposals(_ offered: [IKEv2Proposal]) -> [Proposal] {
        offered.compactMap(\.proposal)
    }

    /// One transform of each type, taken in `first`'s order among those `second` also
    /// lists; nil when some type has no common transform.
    static func intersect(first: Proposal, second: Proposal) -> Proposal? {
        guard let encryption = pick(first.encryption, second.encryption),
            let prf = pick(first.prf, second.prf),
            let integrity = pick(first.integrity, second.integrity),
            let dhGroups = pick(first.dhGroups, second.dhGroups),
            let esn = pick(esnList(first), esnList(second))
        else { return nil }
        return Proposal(
            protocolID: first.protocolID, encryption: encryption, prf: prf, integrity: integrity,
            dhGroups: dhGroups, esn: first.protocolID == .ike ? [] : esn)
    }

    /// The first of `preferred` that `other` lists, as a one-element list; empty when
    /// both are empty; nil when they share nothing.
    private static func pick<T: Equatable>(_ preferred: [T], _ other: [T]) -> [T]? {
        if preferred.isEmpty && other.isEmpty { return [] }
        guard let common = preferred.first(where: other.contains) else { return nil }
        return [common]
    }

    /// A Child SA proposal without ESN transforms means 32-bit sequence numbers.
    private static func esnList(_ proposal: Proposal) -> [ExtendedSequenceNumbers] {
        guard proposal.protocolID != .ike else { return [] }
        return proposal.esn.isEmpty ? [.disabled] : proposal.esn
    }

    /// The wire SA payload of `proposals`, numbered from 1, each with `spi`.
    static func wirePayload(_ proposals: [Proposal], spi: [UInt8]) -> IKEv2SAPayload {
        IKEv2SAPayload(
            proposals: proposals.enumerated().map { index, proposal in
                IKEv2Proposal(
                    number: UInt8(truncatingIfNeeded: index + 1), proposal: proposal, spi: spi)
            })
    }

    /// The responder's answer: the choice with our SPI.
    static func answer(_ choice: ProposalChoice, spi: [UInt8]) -> IKEv2SAPayload {
        IKEv2SAPayload(proposals: [
            IKEv2Proposal(number: choice.number, proposal: choice.proposal, spi: spi)
        ])
    }

    /// Checks the responder's one-proposal answer against what we offered: one proposal,
    /// one transform of each type we offered, each one we offered. Returns the chosen
    /// transforms and the responder's SPI, or nil when the answer is not acceptable.
    static func acceptAnswer(_ answer: IKEv2SAPayload, offered: [Proposal])
        -> (proposal: Proposal, spi: [UInt8])?
    {
        guard answer.proposals.count == 1, let wire = answer.proposals.first,
            let selected = IKEv2SelectedProposal(wire), wire.number >= 1,
            Int(wire.number) <= offered.count
        else { return nil }
        let chosen = selected.proposal
        let original = offered[Int(wire.number) - 1]
        // The answer must be a subset of the numbered proposal, and complete.
        guard chosen.protocolID == original.protocolID,
            let checked = intersect(first: chosen, second: original),
            checked == normalised(chosen)
        else { return nil }
        return (checked, wire.spi)
    }

    private static func normalised(_ proposal: Proposal) -> Proposal {
        var copy = proposal
        if copy.protocolID != .ike && copy.esn.isEmpty { copy.esn = [.disabled] }
        return copy
    }

    /// The proposals with their D-H groups removed: a Child SA made in IKE_AUTH takes its
    /// keys from the IKE SA's exchange (RFC 7296 section 1.2), as strongSwan sends them.
    static func withoutGroups(_ proposals: [Proposal]) -> [Proposal] {
        var seen: [Proposal] = []
        for proposal in proposals.map(withoutGroups) where !seen.contains(proposal) {
            seen.append(proposal)
        }
        return seen
    }

    /// One proposal without its D-H groups.
    static func withoutGroups(_ proposal: Proposal) -> Proposal {
        var copy = proposal
        copy.dhGroups = []
        return copy
    }
}
