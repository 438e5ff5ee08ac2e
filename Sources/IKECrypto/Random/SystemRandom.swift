internal import CCrypto
import IKECore

/// The operating system's cryptographic generator, through OpenSSL's `RAND_bytes`: the
/// source for real peers.
public final class SystemRandom: RandomSource, Sendable {
    /// A handle on the system generator; all instances draw from the same generator.
    public init() {}

    /// `count` octets from `RAND_bytes`.
    ///
    /// `RAND_bytes` fails only when the generator cannot be seeded, which leaves no safe
    /// way to continue (no key, nonce or SPI could be made), so that failure stops the
    /// process with a precondition instead of returning predictable octets.
    public func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "a negative number of random octets was asked for")
        var out = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return out }
        let result = RAND_bytes(&out, Int32(count))
        precondition(result == 1, "RAND_bytes failed: the system generator is unusable")
        return out
    }
}
