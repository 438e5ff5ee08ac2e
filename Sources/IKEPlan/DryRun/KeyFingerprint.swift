import IKECore
import IKECrypto
import IKEEngine

/// A short, safe name for a set of keys: the first 8 hex digits of SHA-256 over the keys,
/// each preceded by its name and length. It shows whether two ends agree without showing
/// any key; 32 bits reveal nothing usable about keys of 128 bits and more.
enum KeyFingerprint {
    /// The fingerprint of named keys, in the order given.
    static func of(_ keys: [(name: String, key: SecretBytes)]) -> String {
        var input: [UInt8] = []
        for (name, key) in keys {
            input.append(contentsOf: Array(name.utf8))
            input.append(0)
            input.append(UInt8(truncatingIfNeeded: key.count >> 8))
            input.append(UInt8(truncatingIfNeeded: key.count))
            key.withUnsafeBytes { input.append(contentsOf: $0) }
        }
        defer { for index in input.indices { input[index] = 0 } }
        // SHA-256 is always available: the engine could not have run without it.
        guard let digest = try? Hash(.sha256).digest(input) else { return "unavailable" }
        return Array(digest.prefix(4)).hexString
    }

    /// An IKE SA's key set (SK_d, SK_a*, SK_e*, SK_p*; SKEYID_* in IKEv1).
    static func of(_ keys: IKESAKeys) -> String {
        of(keys.named)
    }

    /// The keys of one direction of a Child SA: encryption then integrity.
    static func of(encryption: SecretBytes, integrity: SecretBytes) -> String {
        of([("encryption", encryption), ("integrity", integrity)])
    }
}
