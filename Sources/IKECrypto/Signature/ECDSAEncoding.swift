internal import CCrypto
internal import CCryptoShim

/// Converting ECDSA signatures between DER `Ecdsa-Sig-Value` and RFC 4754 r | s.
enum ECDSAEncoding {
    /// DER to r | s, each padded to `length` octets.
    static func raw(fromDER der: [UInt8], length: Int) throws -> [UInt8] {
        let signature = try der.withUnsafeBufferPointer { buffer -> OpaquePointer in
            var cursor = buffer.baseAddress
            return try checkPointer(
                d2i_ECDSA_SIG(nil, &cursor, buffer.count), "d2i_ECDSA_SIG", .malformedSignature)
        }
        defer { ECDSA_SIG_free(signature) }
        var r: OpaquePointer?
        var s: OpaquePointer?
        ECDSA_SIG_get0(signature, &r, &s)
        var out = [UInt8](repeating: 0, count: 2 * length)
        guard BN_bn2binpad(r, &out, Int32(length)) == Int32(length) else {
            throw ErrorQueue.error(.malformedSignature, "ECDSA r is too long")
        }
        let written = out.withUnsafeMutableBufferPointer { buffer in
            BN_bn2binpad(s, buffer.baseAddress! + length, Int32(length))
        }
        guard written == Int32(length) else {
            throw ErrorQueue.error(.malformedSignature, "ECDSA s is too long")
        }
        return out
    }

    /// r | s to DER; nil when the length is not twice `length` (such a signature cannot
    /// verify).
    static func der(fromRaw raw: [UInt8], length: Int) throws -> [UInt8]? {
        guard raw.count == 2 * length else { return nil }
        let signature = try checkPointer(ECDSA_SIG_new(), "ECDSA_SIG_new")
        defer { ECDSA_SIG_free(signature) }
        let r = raw.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32(length), nil) }
        let s = raw.withUnsafeBufferPointer {
            BN_bin2bn($0.baseAddress! + length, Int32(length), nil)
        }
        guard let r, let s, ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            throw ErrorQueue.error(.libraryFailure, "ECDSA_SIG_set0")
        }
        var buffer: UnsafeMutablePointer<UInt8>?
        let count = i2d_ECDSA_SIG(signature, &buffer)
        guard count > 0, let buffer else {
            throw ErrorQueue.error(.libraryFailure, "i2d_ECDSA_SIG")
        }
        defer { ikec_openssl_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(count)))
    }
}
