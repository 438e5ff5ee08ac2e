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

/// Keyed HMAC contexts, duplicated from one unkeyed template per hash.
enum HMACKey {
    private static let md5 = MACTemplate(MACs.hmac, [("digest", "MD5")])
    private static let sha1 = MACTemplate(MACs.hmac, [("digest", "SHA1")])
    private static let sha256 = MACTemplate(MACs.hmac, [("digest", "SHA2-256")])
    private static let sha384 = MACTemplate(MACs.hmac, [("digest", "SHA2-384")])
    private static let sha512 = MACTemplate(MACs.hmac, [("digest", "SHA2-512")])

    /// A new `EVP_MAC_CTX` for HMAC with `hash`, keyed with `key`.
    static func makeContext(hash: HashAlgorithm, key: UnsafeRawBufferPointer) throws
        -> EVPMACContext
    {
        let template: MACTemplate
        switch hash {
        case .md5: template = md5
        case .sha1: template = sha1
        case .sha256: template = sha256
        case .sha384: template = sha384
        case .sha512: template = sha512
        }
        return try template.keyed(key)
    }
}

/// An unkeyed `EVP_MAC_CTX` whose algorithm parameters (the digest or cipher) are set once.
///
/// Setting the digest of an HMAC context fetches the digest by name, which is slow; a
/// duplicate of a configured context skips that. The template is never keyed nor changed
/// after init, and `EVP_MAC_CTX_dup` only reads it, so one instance serves every thread.
final class MACTemplate: @unchecked Sendable {
    private let template: Result<EVPMACContext, CryptoError>

    init(_ mac: Fetched, _ parameters: [(key: String, value: String)]) {
        template = Result {
            let context = try EVPMACContext(try mac.get())
            try withStringParameters(parameters) { params in
                try check(EVP_MAC_CTX_set_params(context.pointer, params), "EVP_MAC_CTX_set_params")
            }
            return context
        }.mapError { $0 as? CryptoError ?? CryptoError(.libraryFailure, "\($0)") }
    }

    /// A copy of the template keyed with `key` (which may be empty).
    func keyed(_ key: UnsafeRawBufferPointer) throws -> EVPMACContext {
        let context = try template.get().duplicate()
        try MACKeying.initialize(context, key: key, parameters: nil)
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
