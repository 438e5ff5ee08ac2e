import IKECore

/// The closest pair of proposals between two lists that do not intersect: the pair that
/// differs in the fewest transform types, with what each side has in those types.
///
/// Distance is counted per transform type (encryption, PRF, integrity, D-H group, ESN): a
/// type counts once when the two proposals list no common transform of it, or when one
/// lists some and the other none.
public struct NearestMiss: Sendable, Hashable {
    /// One transform type in which the two proposals cannot agree.
    public struct Difference: Sendable, Hashable {
        /// The type.
        public let type: TransformType
        /// What the initiator's proposal lists for it (empty: none).
        public let offered: [Transform]
        /// What the responder's proposal lists for it (empty: none).
        public let configured: [Transform]
    }

    /// The index of the initiator's proposal.
    public let offeredIndex: Int
    /// The index of the responder's proposal.
    public let configuredIndex: Int
    /// The initiator's proposal.
    public let offered: Proposal
    /// The responder's proposal.
    public let configured: Proposal
    /// The types in which they differ, in IKEv2 order.
    public let differences: [Difference]
    /// Whether D-H groups were left out of the comparison (a Child SA in IKE_AUTH).
    public let ignoringGroups: Bool

    /// The nearest miss between `offered` and `configured`, or nil when either is empty.
    /// Ties go to the earlier proposal of the initiator, then of the responder.
    public static func find(
        offered: [Proposal], configured: [Proposal], ignoringGroups: Bool = false
    ) -> NearestMiss? {
        var best: NearestMiss?
        for (offeredIndex, first) in offered.enumerated() {
            let left = TransformLists(first, ignoringGroups: ignoringGroups)
            for (configuredIndex, second) in configured.enumerated() {
                let right = TransformLists(second, ignoringGroups: ignoringGroups)
                let differences = TransformLists.types.compactMap { type -> Difference? in
                    guard !TransformLists.agree(left[type], right[type]) else { return nil }
                    return Difference(type: type, offered: left[type], configured: right[type])
                }
                if let current = best, current.differences.count <= differences.count {
                    continue
                }
                best = NearestMiss(
                    offeredIndex: offeredIndex, configuredIndex: configuredIndex,
                    offered: first, configured: second, differences: differences,
                    ignoringGroups: ignoringGroups)
            }
        }
        return best
    }

    /// "proposals differ only in the DH group: ecp384 vs modp2048", or "proposals differ in
    /// encryption (aes256gcm16 vs aes128), integrity (none vs sha256) and DH group (ecp384
    /// vs modp2048)". Values are the initiator's first, then the responder's.
    public var summary: String {
        let groupName = offered.protocolID == .ike ? "DH group" : "PFS group"
        func name(_ type: TransformType) -> String {
            switch type {
            case .encryption: return "encryption"
            case .prf: return "PRF"
            case .integrity: return "integrity"
            case .dhGroup: return groupName
            case .esn: return "ESN"
            }
        }
        func values(_ transforms: [Transform]) -> String {
            transforms.isEmpty ? "none" : transforms.map(\.keyword).joined(separator: "/")
        }
        guard !differences.isEmpty else { return "the proposals agree" }
        if differences.count == 1, let only = differences.first {
            return "proposals differ only in the \(name(only.type)): "
                + "\(values(only.offered)) vs \(values(only.configured))"
        }
        let parts = differences.map {
            "\(name($0.type)) (\(values($0.offered)) vs \(values($0.configured)))"
        }
        return "proposals differ in \(Self.joinedList(parts))"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func joinedList(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }
}
