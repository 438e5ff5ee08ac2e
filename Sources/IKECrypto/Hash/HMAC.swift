internal import CCrypto
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

/// Keyed HMAC contexts, with the digest named through cached parameter arrays.
enum HMACKey {
    private static let md5 = StringParameters([("digest", "MD5")])
    private static let sha1 = StringParameters([("digest", "SHA1")])
    private static let sha256 = StringParameters([("digest", "SHA2-256")])
    private static let sha384 = StringParameters([("digest", "SHA2-384")])
    private static let sha512 = StringParameters([("digest", "SHA2-512")])

    private static func parameters(_ hash: HashAlgorithm) -> StringParameters {
        switch hash {
        case .md5: return md5
        case .sha1: return sha1
        case .sha256: return sha256
        case .sha384: return sha384
        case .sha512: return sha512
        }
    }

    /// A new `EVP_MAC_CTX` for HMAC with `hash`, keyed with `key`.
    static func makeContext(hash: HashAlgorithm, key: UnsafeRawBufferPointer) throws
        -> EVPMACContext
    {
        let context = try EVPMACContext(try MACs.hmac.get())
        try MACKeying.initialize(context, key: key, parameters: parameters(hash).pointer)
        return context
    }
}

/// Keying a MAC context.
enum MACKeying {
    /// `EVP_MAC_init` with `key` (which may be empty) and `parameters`.
    @inline(__always)
    static func initialize(
        _ context: EVPMACContext, key: UnsafeRawBufferPointer,
        parameters: UnsafeMutablePointer<OSSL_PARAM>?
    ) throws {
        // An empty HMAC key is legal; OpenSSL reads a null key as "keep the old key", so an
        // empty key is passed as a valid pointer with length zero.
        var empty: UInt8 = 0
        let result = withUnsafeMutablePointer(to: &empty) { emptyPointer in
            EVP_MAC_init(
                context.pointer,
                key.count > 0
                    ? key.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    : UnsafePointer(emptyPointer),
                key.count, parameters)
        }
        try check(result, "EVP_MAC_init")
    }
}
