internal import CCrypto
import IKECore

/// A hash function (MD5, SHA-1, SHA-2), computed in one call.
public struct Hash: Sendable, Hashable {
    /// The algorithm.
    public let algorithm: HashAlgorithm

    /// The hash function `algorithm`.
    public init(_ algorithm: HashAlgorithm) {
        self.algorithm = algorithm
    }

    /// The digest length in octets.
    public var digestLength: Int { algorithm.digestLength }

    /// The digest of `data`.
    public func digest(_ data: [UInt8]) throws -> [UInt8] {
        try data.withUnsafeBytes { try digest($0) }
    }

    /// The digest of the octets in `data`.
    public func digest(_ data: UnsafeRawBufferPointer) throws -> [UInt8] {
        let md = try Digests.of(algorithm).get()
        var out = [UInt8](repeating: 0, count: algorithm.digestLength)
        var length: UInt32 = 0
        try check(
            EVP_Digest(data.baseAddress, data.count, &out, &length, md, nil),
            "EVP_Digest \(algorithm)")
        return out
    }
}

/// A hash computed over data given in pieces.
///
/// Mutable and not thread-safe: one instance per computation.
public final class IncrementalHash {
    /// The algorithm.
    public let algorithm: HashAlgorithm
    private let context: EVPDigestContext

    /// Starts a computation of `algorithm`.
    public init(_ algorithm: HashAlgorithm) throws {
        self.algorithm = algorithm
        context = try EVPDigestContext()
        try check(
            EVP_DigestInit_ex2(context.pointer, try Digests.of(algorithm).get(), nil),
            "EVP_DigestInit_ex2 \(algorithm)")
    }

    /// Adds `data` to the computation.
    public func update(_ data: [UInt8]) throws {
        try check(EVP_DigestUpdate(context.pointer, data, data.count), "EVP_DigestUpdate")
    }

    /// Ends the computation and returns the digest; the instance starts over afterwards.
    public func finalize() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: algorithm.digestLength)
        var length: UInt32 = 0
        try check(EVP_DigestFinal_ex(context.pointer, &out, &length), "EVP_DigestFinal_ex")
        try check(
            EVP_DigestInit_ex2(context.pointer, nil, nil), "EVP_DigestInit_ex2 (restart)")
        return out
    }
}
