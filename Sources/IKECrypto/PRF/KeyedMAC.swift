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
