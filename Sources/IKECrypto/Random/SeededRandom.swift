internal import CCrypto
import IKECore

/// A deterministic generator for reproducible dry runs (`--seed`): the same seed gives the
/// same octets, in the same order, on every machine.
///
/// The stream is the AES-256-CTR keystream under the key SHA-256(seed), with a zero
/// initial counter block; as long as the seed is secret and unique, its output is as
/// unpredictable as AES. It must not be used for a real peer: anyone who knows the seed
/// knows every private value drawn from it.
///
/// An instance is stateful and not safe to share between threads while drawing.
public final class SeededRandom: RandomSource {
    private let context: EVPCipherContext

    /// A generator keyed by the octets of `seed`.
    public init(seed: [UInt8]) {
        do {
            let key = try Hash(.sha256).digest(seed)
            context = try EVPCipherContext()
            let cipher = try Ciphers.aes256CTR.get()
            let iv = [UInt8](repeating: 0, count: 16)
            try check(
                EVP_EncryptInit_ex2(context.pointer, cipher, key, iv, nil),
                "EVP_EncryptInit_ex2 (seeded generator)")
        } catch {
            // Only a broken libcrypto (no SHA-256 or AES-256-CTR) gets here; ikec cannot
            // run any exchange without them, so this is treated as an invariant.
            preconditionFailure("seeded generator set-up failed: \(error)")
        }
    }

    /// A generator keyed by the UTF-8 octets of `seed`.
    public convenience init(seed: String) {
        self.init(seed: Array(seed.utf8))
    }

    /// The next `count` octets of the keystream.
    public func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "a negative number of random octets was asked for")
        guard count > 0 else { return [] }
        let zeros = [UInt8](repeating: 0, count: count)
        var out = [UInt8](repeating: 0, count: count)
        var written: Int32 = 0
        let result = EVP_EncryptUpdate(context.pointer, &out, &written, zeros, Int32(count))
        // CTR encryption of a buffer we allocated cannot fail once the context is keyed.
        precondition(result == 1 && written == Int32(count), "AES-CTR keystream failed")
        return out
    }
}
