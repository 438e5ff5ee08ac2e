/// Where the engine and the crypto layer get random octets: nonces, SPIs, private values,
/// IVs. The caller chooses: the system generator for real peers, or a seeded deterministic
/// generator so a dry run can be reproduced byte for byte (`--seed`).
public protocol RandomSource: AnyObject {
    /// `count` random octets.
    func bytes(_ count: Int) -> [UInt8]
}

extension RandomSource {
    /// A random 64-bit value.
    public func uint64() -> UInt64 {
        bytes(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A random 32-bit value.
    public func uint32() -> UInt32 {
        bytes(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
