import IKECore

/// The smallest change that turns a near miss into a match.
///
/// When the two proposals differ in one or two transform types and the change keeps the
/// proposal valid (no AEAD cipher beside an integrity algorithm), the weaker side adopts
/// the stronger side's first choice in those types; otherwise the stronger proposal is
/// added, whole, to the weaker side's list. Equal strength changes the responder's side.
enum ProposalChangeAdvisor {
    /// One end's side of a near miss: who it is and where its proposals are.
    struct Side {
        let label: String
        let list: ProposalListProfile
    }

    /// The change for `miss` between the initiator's and the responder's lists.
    static func change(for miss: NearestMiss, initiator: Side, responder: Side) -> SuggestedChange?
    {
        guard !miss.differences.isEmpty,
            miss.offeredIndex < initiator.list.proposals.count,
            miss.configuredIndex < responder.list.proposals.count
        else { return nil }
        let offered = initiator.list.proposals[miss.offeredIndex]
        let configured = responder.list.proposals[miss.configuredIndex]

        if perTypeChangeIsValid(miss) {
            let offeredBits = miss.differences.map { TransformStrength.bits($0.offered) }.reduce(
                0, +)
            let configuredBits = miss.differences.map { TransformStrength.bits($0.configured) }
                .reduce(0, +)
            let toResponder = offeredBits >= configuredBits
            let additions = miss.differences.compactMap { difference -> Transform? in
                (toResponder ? difference.offered : difference.configured).first
            }
            let target = toResponder ? configured : offered
            let words = additions.map { "'\($0.keyword)'" }
            return SuggestedChange(
                summary: "add \(NearestMiss.joinedList(words)) to proposal '\(target.text)' in "
                    + "\((toResponder ? responder : initiator).list.location)",
                location: target.location,
                replacement: target.written.map { insert(additions, into: $0) })
        }

        let toResponder =
            TransformStrength.bits(offered.proposal) >= TransformStrength.bits(configured.proposal)
        let source = toResponder ? offered : configured
        let list = (toResponder ? responder : initiator).list
        return SuggestedChange(
            summary: "add the proposal '\(source.text)' to \(list.location)",
            location: list.location)
    }

    /// Adds the stronger side's first proposal to the other side's list: the change for
    /// IKEv1, whose transforms do not map back to one written proposal each.
    static func wholeProposal(initiator: Side, responder: Side) -> SuggestedChange? {
        guard let offered = initiator.list.proposals.first,
            let configured = responder.list.proposals.first
        else { return nil }
        let toResponder =
            TransformStrength.bits(offered.proposal) >= TransformStrength.bits(configured.proposal)
        let source = toResponder ? offered : configured
        let list = (toResponder ? responder : initiator).list
        return SuggestedChange(
            summary: "add the proposal '\(source.text)' to \(list.location)",
            location: list.location)
    }

    /// Whether adopting the other side's transforms type by type keeps a valid proposal:
    /// at most two types, and neither an integrity list that one side leaves empty (an
    /// AEAD cipher) nor a cipher change across AEAD and non-AEAD.
    private static func perTypeChangeIsValid(_ miss: NearestMiss) -> Bool {
        guard miss.differences.count <= 2 else { return false }
        for difference in miss.differences {
            switch difference.type {
            case .integrity, .prf:
                if difference.offered.isEmpty || difference.configured.isEmpty { return false }
            case .encryption:
                if miss.offered.isAEAD != miss.configured.isAEAD { return false }
            case .dhGroup, .esn:
                break
            }
        }
        return true
    }

    /// A keyword proposal with `additions` inserted after the last keyword of the same
    /// type (or appended).
    static func insert(_ additions: [Transform], into written: String) -> String {
        var words = written.split(separator: "-").map(String.init)
        for addition in additions {
            let last = words.lastIndex { word in
                AlgorithmKeywords.transform(forKeyword: word)?.type == addition.type
            }
            if let last {
                words.insert(addition.keyword, at: last + 1)
            } else {
                words.append(addition.keyword)
            }
        }
        return words.joined(separator: "-")
    }
}
