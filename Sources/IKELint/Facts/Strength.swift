import IKECore

/// Security strength in bits of each transform, as the IKECore registry records it (NIST
/// SP 800-57 part 1 for groups; key length for ciphers; the registry's figure for PRFs and
/// integrity algorithms). Nil for transforms that add no strength (NULL, ESN).
enum Strength {
    static func bits(of transform: Transform) -> Int? {
        switch transform {
        case .encryption(let cipher):
            let info = cipher.algorithm.info
            guard info.encrypts else { return nil }
            return info.securityBits(keyBits: cipher.keyBits)
        case .prf(let prf): return prf.info.securityBits
        case .integrity(let integrity): return integrity.info.securityBits
        case .dhGroup(let group): return group.info.securityBits
        case .esn: return nil
        }
    }
}
