internal import CCrypto
import IKECore

// Making keyed EVP_MAC_CTX objects for HMAC and CMAC without per-call algorithm fetches.

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

/// Keyed CMAC contexts over AES-128-CBC.
enum CMACKey {
    // Unlike HMAC, an unkeyed CMAC context cannot be duplicated, so the cipher is named
    // through a parameter array on each keying.
    private static let parameters = StringParameters([("cipher", "AES-128-CBC")])

    /// A new `EVP_MAC_CTX` for AES-CMAC keyed with a 16-octet `key`.
    static func makeContext(key: UnsafeRawBufferPointer) throws -> EVPMACContext {
        guard key.count == 16 else {
            throw CryptoError(.invalidKeyLength, "AES-CMAC takes a 16-octet key, not \(key.count)")
        }
        let context = try EVPMACContext(try MACs.cmac.get())
        try MACKeying.initialize(context, key: key, parameters: parameters.pointer)
        return context
    }
}

/// A keyed `EVP_MAC_CTX` kept as a template: duplicating it skips the key schedule (HMAC's
/// inner and outer pads, CMAC's subkeys). It is never updated after init, and
/// `EVP_MAC_CTX_dup` only reads it, so one instance serves every thread.
final class KeyedTemplate: @unchecked Sendable {
    private let context: EVPMACContext

    init(_ context: EVPMACContext) { self.context = context }

    /// The untruncated MAC of `data` under the template's key.
    func compute(_ data: UnsafeRawBufferPointer, length: Int) throws -> [UInt8] {
        let mac = EVPKeyedMAC(try context.duplicate(), length)
        try mac.update(data)
        return try mac.finish()
    }
}
