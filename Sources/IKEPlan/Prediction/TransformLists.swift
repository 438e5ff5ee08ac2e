import IKECore

/// The transforms of a proposal type by type, as selection compares them: for a Child SA
/// an empty ESN list means "no ESN" (RFC 7296 section 3.3.2), and an IKE SA carries no ESN
/// at all. With `ignoringGroups` the D-H transforms are left out (a Child SA made in
/// IKE_AUTH takes its keys from the IKE SA's exchange, RFC 7296 section 1.2).
struct TransformLists {
    /// The types in the order IKEv2 lists them.
    static let types: [TransformType] = [.encryption, .prf, .integrity, .dhGroup, .esn]

    private let lists: [TransformType: [Transform]]

    init(_ proposal: Proposal, ignoringGroups: Bool = false) {
        var lists: [TransformType: [Transform]] = [:]
        lists[.encryption] = proposal.encryption.map(Transform.encryption)
        lists[.prf] = proposal.prf.map(Transform.prf)
        lists[.integrity] = proposal.integrity.map(Transform.integrity)
        lists[.dhGroup] = ignoringGroups ? [] : proposal.dhGroups.map(Transform.dhGroup)
        if proposal.protocolID == .ike {
            lists[.esn] = []
        } else {
            let esn = proposal.esn.isEmpty ? [ExtendedSequenceNumbers.disabled] : proposal.esn
            lists[.esn] = esn.map(Transform.esn)
        }
        self.lists = lists
    }

    subscript(type: TransformType) -> [Transform] { lists[type] ?? [] }

    /// Whether two lists of one type can agree: both empty, or one transform in common.
    static func agree(_ first: [Transform], _ second: [Transform]) -> Bool {
        if first.isEmpty || second.isEmpty { return first.isEmpty && second.isEmpty }
        return first.contains { second.contains($0) }
    }
}
