/// Secret octets: a pre-shared key, a private value, derived key material.
///
/// The storage is overwritten with zeros when the last reference goes away, equality is
/// decided in constant time, and the value has no printable form: `description` and
/// `debugDescription` say only how long it is, so a secret cannot reach a log or a report
/// by interpolation. Reading the octets takes an explicit `withUnsafeBytes` or `revealed`.
public struct SecretBytes: Sendable, Hashable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    private final class Storage: @unchecked Sendable {
        // Written only in init and deinit; shared immutably in between.
        var bytes: [UInt8]

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        deinit {
            bytes.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices { buffer[index] = 0 }
            }
        }
    }

    private let storage: Storage

    /// Takes ownership of `bytes`; the caller should drop its own copy.
    public init(_ bytes: [UInt8]) { storage = Storage(bytes) }

    /// The UTF-8 octets of a text secret.
    public init(utf8 text: String) { storage = Storage(Array(text.utf8)) }

    /// Length in octets.
    public var count: Int { storage.bytes.count }

    /// Whether the secret is empty.
    public var isEmpty: Bool { storage.bytes.isEmpty }

    /// A copy of the octets, for handing to a cipher or PRF. The name is deliberate: every
    /// use of a secret's value should be easy to find.
    public var revealed: [UInt8] { storage.bytes }

    /// Calls `body` with the octets in place.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.bytes.withUnsafeBytes(body)
    }

    /// The first `length` octets and the rest, as two secrets (key splitting).
    public func split(at length: Int) -> (SecretBytes, SecretBytes) {
        precondition(length <= count, "split beyond the end of a secret")
        let bytes = storage.bytes
        return (SecretBytes(Array(bytes[..<length])), SecretBytes(Array(bytes[length...])))
    }

    /// A sub-range of the octets as a secret of its own.
    public func slice(_ range: Range<Int>) -> SecretBytes {
        SecretBytes(Array(storage.bytes[range]))
    }

    /// Concatenation of two secrets.
    public static func + (lhs: SecretBytes, rhs: SecretBytes) -> SecretBytes {
        SecretBytes(lhs.storage.bytes + rhs.storage.bytes)
    }

    /// Constant-time comparison: the time taken depends only on the lengths.
    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        let left = lhs.storage.bytes
        let right = rhs.storage.bytes
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Hashes only the length, so hashing leaks nothing about the content.
    public func hash(into hasher: inout Hasher) { hasher.combine(count) }

    /// `<secret: N octets>`: never the value.
    public var description: String { "<secret: \(count) octets>" }

    /// The same as `description`.
    public var debugDescription: String { description }
}
