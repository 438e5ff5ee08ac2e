internal import CCrypto
import IKECore

/// EMSA-PSS encoding (RFC 8017 section 9.1.1) with MGF1 over the same hash and a salt as
/// long as the digest, so that the salt can come from the caller's `RandomSource`; the
/// encoded message is then signed with raw RSA. Verification is libcrypto's own PSS check.
enum PSSEncoding {
    /// The RSA-PSS signature of `message` with `key` and a salt drawn from `random`.
    static func sign(
        _ key: OpaquePointer, _ message: [UInt8], hash: HashAlgorithm, random: RandomSource
    ) throws -> [UInt8] {
        let modulusBits = Int(EVP_PKEY_get_bits(key))
        let modulusLength = (modulusBits + 7) / 8
        let encoded = try encode(
            message, hash: hash, salt: random.bytes(hash.digestLength),
            emBits: modulusBits - 1)
        let block = [UInt8](repeating: 0, count: modulusLength - encoded.count) + encoded
        return try rawSign(key, block, modulusLength)
    }

    /// EMSA-PSS-ENCODE(M, emBits) with the given salt.
    static func encode(_ message: [UInt8], hash: HashAlgorithm, salt: [UInt8], emBits: Int)
        throws -> [UInt8]
    {
        let function = Hash(hash)
        let hashLength = hash.digestLength
        let emLength = (emBits + 7) / 8
        guard emLength >= hashLength + salt.count + 2 else {
            throw CryptoError(.invalidKey, "the RSA key is too small for PSS with \(hash)")
        }

        // Steps 2-6: H = Hash(0x00 * 8 | Hash(M) | salt).
        let messageHash = try function.digest(message)
        let h = try function.digest([UInt8](repeating: 0, count: 8) + messageHash + salt)

        // Steps 7-10: DB = PS | 0x01 | salt, masked with MGF1(H).
        var db = [UInt8](repeating: 0, count: emLength - salt.count - hashLength - 2)
        db.append(0x01)
        db.append(contentsOf: salt)
        let mask = try mgf1(seed: h, length: db.count, hash: function)
        for index in db.indices { db[index] ^= mask[index] }

        // Steps 11-12: clear the bits above emBits, then maskedDB | H | 0xbc.
        db[0] &= 0xFF >> (8 * emLength - emBits)
        return db + h + [0xBC]
    }

    /// MGF1 (RFC 8017 appendix B.2.1): Hash(seed | counter) for counter = 0, 1, ...
    private static func mgf1(seed: [UInt8], length: Int, hash: Hash) throws -> [UInt8] {
        var output: [UInt8] = []
        var counter: UInt32 = 0
        while output.count < length {
            let counterOctets = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
            output += try hash.digest(seed + counterOctets)
            counter += 1
        }
        return Array(output.prefix(length))
    }

    /// RSASP1 on a block as long as the modulus.
    private static func rawSign(_ key: OpaquePointer, _ block: [UInt8], _ length: Int) throws
        -> [UInt8]
    {
        let context = try EVPKeyContext(key: key)
        try check(EVP_PKEY_sign_init(context.pointer), "EVP_PKEY_sign_init")
        try check(
            EVP_PKEY_CTX_set_rsa_padding(context.pointer, RSA_NO_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding")
        var signature = [UInt8](repeating: 0, count: length)
        var written = length
        try check(
            EVP_PKEY_sign(context.pointer, &signature, &written, block, block.count),
            "EVP_PKEY_sign (raw RSA)")
        return Array(signature.prefix(written))
    }
}
