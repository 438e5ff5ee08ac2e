import IKECore
import IKEPolicy

// RFC 7296 sections 2.7 and 3.3.6: the responder accepts one of the offered proposals and
// takes one transform of each type from it; a proposal is acceptable when, for every
// transform type, both sides list none or share one. The RFC leaves the order to the
// responder: `ours` walks the responder's proposals first and picks each transform in
// the responder's order (strongSwan's default), `theirs` walks the initiator's.
//
// This predictor is the plan's own and shares no code with the engine's selection, so
// that `ikec negotiate` compares two independent answers.

/// The plan's prediction of an IKEv2 responder's proposal selection.
public enum ProposalPredictor {
    /// A predicted selection.
    public struct Selection: Sendable, Hashable {
        /// One transform of each negotiated type.
        public let proposal: Proposal
        /// The index of the accepted proposal in the initiator's list.
        public let offeredIndex: Int
        /// The index of the responder's proposal it matched.
        public let configuredIndex: Int
    }

    /// What a responder holding `configured` with preference `order` selects from
    /// `offered`; nil when nothing is acceptable (NO_PROPOSAL_CHOSEN).
    public static func select(
        offered: [Proposal], configured: [Proposal], order: ProposalOrder,
        ignoringGroups: Bool = false
    ) -> Selection? {
        let theirs = offered.map { TransformLists($0, ignoringGroups: ignoringGroups) }
        let ours = configured.map { TransformLists($0, ignoringGroups: ignoringGroups) }
        switch order {
        case .ours:
            for (configuredIndex, mine) in ours.enumerated() {
                for (offeredIndex, other) in theirs.enumerated()
                where offered[offeredIndex].protocolID == configured[configuredIndex].protocolID {
                    if let chosen = combine(
                        preferred: mine, other: other, like: configured[configuredIndex])
                    {
                        return Selection(
                            proposal: chosen, offeredIndex: offeredIndex,
                            configuredIndex: configuredIndex)
                    }
                }
            }
        case .theirs:
            for (offeredIndex, other) in theirs.enumerated() {
                for (configuredIndex, mine) in ours.enumerated()
                where offered[offeredIndex].protocolID == configured[configuredIndex].protocolID {
                    if let chosen = combine(
                        preferred: other, other: mine, like: offered[offeredIndex])
                    {
                        return Selection(
                            proposal: chosen, offeredIndex: offeredIndex,
                            configuredIndex: configuredIndex)
                    }
                }
            }
        }
        return nil
    }

    /// The first transform of `preferred` that `other` also lists, per type; nil when a
    /// type cannot agree.
    private static func combine(
        preferred: TransformLists, other: TransformLists, like template: Proposal
    ) -> Proposal? {
        var chosen = Proposal(protocolID: template.protocolID)
        for type in TransformLists.types {
            let mine = preferred[type]
            let theirs = other[type]
            guard TransformLists.agree(mine, theirs) else { return nil }
            guard let pick = mine.first(where: theirs.contains) else { continue }
            switch pick {
            case .encryption(let cipher): chosen.encryption = [cipher]
            case .prf(let prf): chosen.prf = [prf]
            case .integrity(let integrity): chosen.integrity = [integrity]
            case .dhGroup(let group): chosen.dhGroups = [group]
            case .esn(let esn): chosen.esn = [esn]
            }
        }
        return chosen
    }
}
