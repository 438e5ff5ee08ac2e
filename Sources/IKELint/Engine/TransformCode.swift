import IKECore

/// A transform as one integer, the key of the linter's memo tables: hashing an `Int` is
/// one combine, where a `Transform` hashes its case, its algorithm and a cipher's optional
/// key length, and the rules look up the same few transforms thousands of times.
enum TransformCode {
    /// The code of `transform`: its type, its Transform ID and a cipher's key length plus
    /// one (0 for none), each in bits of its own, so that different transforms have
    /// different codes. Nil for a key length that does not fit (the caller then does
    /// without the memo).
    static func of(_ transform: Transform) -> Int? {
        var keyField = 0
        if case .encryption(let cipher) = transform, let keyBits = cipher.keyBits {
            guard keyBits >= 0, keyBits < 0xFFFF else { return nil }
            keyField = keyBits + 1
        }
        return Int(transform.type.rawValue) << 40 | Int(transform.transformID) << 16 | keyField
    }
}
