import IKECore

/// HMAC (RFC 2104) over one of the hash functions, untruncated.
public struct HMAC: Sendable, Hashable {
    /// The hash underneath.
    public let hash: HashAlgorithm

    /// HMAC with `hash`.
    public init(_ hash: HashAlgorithm) {
        self.hash = hash
    }

    /// The MAC length in octets (the digest length).
    public var outputLength: Int { hash.digestLength }

    /// HMAC(key, data).
    public func callAsFunction(key: [UInt8], data: [UInt8]) throws -> [UInt8] {
        try key.withUnsafeBytes { key in
            try data.withUnsafeBytes { data in try authenticate(key: key, data: data) }
        }
    }

    /// HMAC(key, data) with a secret key.
    public func callAsFunction(key: SecretBytes, data: [UInt8]) throws -> [UInt8] {
        try key.withUnsafeBytes { key in
            try data.withUnsafeBytes { data in try authenticate(key: key, data: data) }
        }
    }

    /// HMAC over raw buffers.
    func authenticate(key: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer) throws
        -> [UInt8]
    {
        try MACAlgorithm.hmac(hash).compute(key: key, data: data)
    }
}
