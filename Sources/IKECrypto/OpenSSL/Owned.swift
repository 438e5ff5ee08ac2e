internal import CCrypto

// Each libcrypto object this module creates is owned by one of these final classes, whose
// deinit frees it. None is shared between threads while it is being mutated: contexts are
// created per operation (or duplicated from an immutable template) by their users.

/// Owns an `EVP_CIPHER_CTX`.
final class EVPCipherContext {
    let pointer: OpaquePointer

    init() throws {
        pointer = try checkPointer(EVP_CIPHER_CTX_new(), "EVP_CIPHER_CTX_new")
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }
}

/// Owns an `EVP_MD_CTX`.
final class EVPDigestContext {
    let pointer: OpaquePointer

    init() throws {
        pointer = try checkPointer(EVP_MD_CTX_new(), "EVP_MD_CTX_new")
    }

    deinit { EVP_MD_CTX_free(pointer) }
}

/// Owns an `EVP_MAC_CTX`.
final class EVPMACContext {
    let pointer: OpaquePointer

    init(_ mac: OpaquePointer) throws {
        pointer = try checkPointer(EVP_MAC_CTX_new(mac), "EVP_MAC_CTX_new")
    }

    private init(owning pointer: OpaquePointer) { self.pointer = pointer }

    /// A copy in the same state (keyed, if this one is keyed). Only reads `self`.
    func duplicate() throws -> EVPMACContext {
        EVPMACContext(owning: try checkPointer(EVP_MAC_CTX_dup(pointer), "EVP_MAC_CTX_dup"))
    }

    deinit { EVP_MAC_CTX_free(pointer) }
}

/// Owns an `EVP_PKEY`.
final class EVPKey {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }
}

/// Owns an `EVP_PKEY_CTX`.
final class EVPKeyContext {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    /// A context for operations with `key`.
    convenience init(key: OpaquePointer) throws {
        self.init(
            owning: try checkPointer(
                EVP_PKEY_CTX_new_from_pkey(nil, key, nil), "EVP_PKEY_CTX_new_from_pkey"))
    }

    deinit { EVP_PKEY_CTX_free(pointer) }
}

/// Owns a `BIGNUM`, cleared before it is freed because many hold secrets.
final class BigNumber {
    let pointer: OpaquePointer

    init() throws {
        pointer = try checkPointer(BN_new(), "BN_new")
    }

    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    /// A big-endian unsigned integer.
    convenience init(bigEndian bytes: UnsafeRawBufferPointer) throws {
        let value = BN_bin2bn(
            bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(bytes.count), nil)
        self.init(owning: try checkPointer(value, "BN_bin2bn"))
    }

    /// A big-endian unsigned integer.
    convenience init(bigEndian bytes: [UInt8]) throws {
        let value = bytes.withUnsafeBufferPointer { buffer in
            BN_bin2bn(buffer.baseAddress, Int32(buffer.count), nil)
        }
        self.init(owning: try checkPointer(value, "BN_bin2bn"))
    }

    /// Big-endian, left-padded with zeros to `length` octets.
    func bytes(paddedTo length: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let written = BN_bn2binpad(pointer, &out, Int32(length))
        guard written == Int32(length) else {
            throw ErrorQueue.error(.libraryFailure, "BN_bn2binpad to \(length) octets")
        }
        return out
    }

    /// The number of significant bits.
    var bitCount: Int { Int(BN_num_bits(pointer)) }

    deinit { BN_clear_free(pointer) }
}

/// Owns a `BN_CTX`, the scratch space of big number arithmetic.
final class BigNumberContext {
    let pointer: OpaquePointer

    init() throws {
        pointer = try checkPointer(BN_CTX_new(), "BN_CTX_new")
    }

    deinit { BN_CTX_free(pointer) }
}
