internal import CCrypto

/// AES-XCBC-MAC (RFC 3566 section 4), computed block by block with AES-128-ECB, since
/// libcrypto has no XCBC mode.
final class XCBCKeyedMAC: KeyedMAC {
    private let cipher: EVPCipherContext
    private let k2: [UInt8]
    private let k3: [UInt8]
    private var state = [UInt8](repeating: 0, count: 16)
    /// Up to 16 octets not yet processed: the last block is treated specially, so a full
    /// block is held back until more data shows it is not the last.
    private var pending: [UInt8] = []

    /// RFC 3566 section 4, step 1: K1, K2 and K3 are the AES encryptions under K of the
    /// constant blocks 0x01.., 0x02.. and 0x03...
    init(key: UnsafeRawBufferPointer) throws {
        guard key.count == 16 else {
            throw CryptoError(.invalidKeyLength, "AES-XCBC takes a 16-octet key, not \(key.count)")
        }
        let derive = try XCBCKeyedMAC.ecb(key: key)
        let k1 = try XCBCKeyedMAC.encryptBlock(derive, [UInt8](repeating: 1, count: 16))
        k2 = try XCBCKeyedMAC.encryptBlock(derive, [UInt8](repeating: 2, count: 16))
        k3 = try XCBCKeyedMAC.encryptBlock(derive, [UInt8](repeating: 3, count: 16))
        cipher = try k1.withUnsafeBytes { try XCBCKeyedMAC.ecb(key: $0) }
        pending.reserveCapacity(32)
    }

    /// Step 2 and 3: chain every block but the last through E(K1, M[i] ^ E[i-1]).
    func update(_ data: UnsafeRawBufferPointer) throws {
        for byte in data {
            if pending.count == 16 {
                try absorb(pending)
                pending.removeAll(keepingCapacity: true)
            }
            pending.append(byte)
        }
    }

    /// Step 4 and 5: a complete last block is XORed with K2, a short (or empty) one padded
    /// with 0x80 and zeros and XORed with K3; the output is E(K1, that ^ E[n-1]).
    func finish() throws -> [UInt8] {
        var last = pending
        let mask: [UInt8]
        if last.count == 16 {
            mask = k2
        } else {
            last.append(0x80)
            last.append(contentsOf: repeatElement(0, count: 16 - last.count))
            mask = k3
        }
        for index in 0..<16 { last[index] ^= mask[index] }
        try absorb(last)
        let out = state

        state = [UInt8](repeating: 0, count: 16)
        pending.removeAll(keepingCapacity: true)
        return out
    }

    private func absorb(_ block: [UInt8]) throws {
        var input = block
        for index in 0..<16 { input[index] ^= state[index] }
        state = try XCBCKeyedMAC.encryptBlock(cipher, input)
    }

    private static func ecb(key: UnsafeRawBufferPointer) throws -> EVPCipherContext {
        let context = try EVPCipherContext()
        try check(
            EVP_EncryptInit_ex2(
                context.pointer, try Ciphers.aes128ECB.get(),
                key.baseAddress!.assumingMemoryBound(to: UInt8.self), nil, nil),
            "EVP_EncryptInit_ex2 AES-128-ECB")
        try check(EVP_CIPHER_CTX_set_padding(context.pointer, 0), "EVP_CIPHER_CTX_set_padding")
        return context
    }

    private static func encryptBlock(_ context: EVPCipherContext, _ block: [UInt8]) throws
        -> [UInt8]
    {
        var out = [UInt8](repeating: 0, count: 16)
        var written: Int32 = 0
        try check(
            EVP_EncryptUpdate(context.pointer, &out, &written, block, 16), "AES block encrypt")
        return out
    }
}
