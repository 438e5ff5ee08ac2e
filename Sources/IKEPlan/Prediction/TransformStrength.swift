import IKECore

/// Security strength in bits, as the IKECore registry records it, used to decide which
/// side of a near miss should adopt the other's algorithm: the weaker side moves up.
enum TransformStrength {
    /// The strength of one transform; 0 for those that add none (NULL, no ESN).
    static func bits(_ transform: Transform) -> Int {
        switch transform {
        case .encryption(let cipher):
            let info = cipher.algorithm.info
            guard info.encrypts else { return 0 }
            return info.securityBits(keyBits: cipher.keyBits)
        case .prf(let prf): return prf.info.securityBits
        case .integrity(let integrity): return integrity.info.securityBits
        case .dhGroup(let group): return group.info.securityBits
        case .esn: return 0
        }
    }

    /// The strength of a list: its strongest member (0 for none).
    static func bits(_ transforms: [Transform]) -> Int {
        transforms.map(bits).max() ?? 0
    }

    /// The strength of a proposal: its weakest type among those it has.
    static func bits(_ proposal: Proposal) -> Int {
        let byType = TransformLists.types.compactMap { type -> Int? in
            let listed = proposal.transforms(of: type)
            guard type != .esn, !listed.isEmpty else { return nil }
            return bits(listed)
        }
        return byType.min() ?? 0
    }
}
