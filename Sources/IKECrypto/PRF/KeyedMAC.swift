internal import CCrypto
import IKECore

/// The MAC constructions under IKE's PRFs and integrity transforms.
enum MACAlgorithm: Sendable, Hashable {
    /// HMAC (RFC 2104) with a hash.
    case hmac(HashAlgorithm)
    /// AES-XCBC-MAC (RFC 3566), 128-bit key.
    case aesXCBC
    /// AES-CMAC (NIST SP 800-38B, RFC 4493), 128-bit key.
    case aesCMAC

    /// The untruncated output length in octets.
    var outputLength: Int {
        switch self {
        case .hmac(let hash): return hash.digestLength
        case .aesXCBC, .aesCMAC: return 16
        }
    }

    /// A MAC computation keyed with `key`, ready for `update`.
    func keyed(_ key: UnsafeRawBufferPointer) throws -> KeyedMAC {
        switch self {
        case .hmac(let hash):
            return EVPKeyedMAC(try HMACKey.makeContext(hash: hash, key: key), hash.digestLength)
        case .aesCMAC:
            return EVPKeyedMAC(try CMACKey.makeContext(key: key), 16)
        case .aesXCBC:
            return try XCBCKeyedMAC(key: key)
        }
    }

    /// A keyed context to duplicate for each message under a fixed key (HMAC and CMAC), or
    /// nil for XCBC, which is computed in Swift.
    func keyedTemplate(_ key: UnsafeRawBufferPointer) throws -> KeyedTemplate? {
        switch self {
        case .hmac(let hash): return KeyedTemplate(try HMACKey.makeContext(hash: hash, key: key))
        case .aesCMAC: return KeyedTemplate(try CMACKey.makeContext(key: key))
        case .aesXCBC: return nil
        }
    }

    /// The MAC of `data` under `key`, untruncated.
    func compute(key: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer) throws -> [UInt8] {
        let mac = try keyed(key)
        try mac.update(data)
        return try mac.finish()
    }
}

/// A keyed MAC computation. After `finish` the same object computes a new MAC under the
/// same key, which is what prf+ iterations want.
protocol KeyedMAC: AnyObject {
    /// Adds octets.
    func update(_ data: UnsafeRawBufferPointer) throws
    /// The untruncated MAC of everything added since the last `finish`.
    func finish() throws -> [UInt8]
}

/// HMAC or CMAC through an `EVP_MAC_CTX`.
final class EVPKeyedMAC: KeyedMAC {
    private let context: EVPMACContext
    private let length: Int
    private var finished = false

    init(_ context: EVPMACContext, _ length: Int) {
        self.context = context
        self.length = length
    }

    func update(_ data: UnsafeRawBufferPointer) throws {
        try restartIfFinished()
        guard data.count > 0 else { return }
        try check(
            EVP_MAC_update(
                context.pointer, data.baseAddress!.assumingMemoryBound(to: UInt8.self),
                data.count), "EVP_MAC_update")
    }

    func finish() throws -> [UInt8] {
        try restartIfFinished()
        var out = [UInt8](repeating: 0, count: length)
        var written = 0
        try check(EVP_MAC_final(context.pointer, &out, &written, length), "EVP_MAC_final")
        guard written == length else {
            throw CryptoError(.libraryFailure, "MAC produced \(written) octets, not \(length)")
        }
        finished = true
        return out
    }

    /// `EVP_MAC_init` with a null key starts a new computation under the same key.
    private func restartIfFinished() throws {
        guard finished else { return }
        try check(EVP_MAC_init(context.pointer, nil, 0, nil), "EVP_MAC_init (restart)")
        finished = false
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
