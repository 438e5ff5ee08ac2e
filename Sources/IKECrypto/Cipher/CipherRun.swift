internal import CCrypto

/// One-shot runs of a cipher over a buffer, without OpenSSL's padding (IKE and ESP pad
/// their own plaintext).
enum CipherRun {
    /// Encrypts or decrypts `input` with a fresh context.
    ///
    /// `keyLength` is set before the key for ciphers whose key length varies (Blowfish).
    static func run(
        _ cipher: OpaquePointer, key: UnsafeRawBufferPointer, keyLength: Int?,
        iv: UnsafeRawBufferPointer, input: [UInt8], encrypt: Bool
    ) throws -> [UInt8] {
        let context = try EVPCipherContext()
        let direction: Int32 = encrypt ? 1 : 0
        let keyPointer = key.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let ivPointer = iv.baseAddress?.assumingMemoryBound(to: UInt8.self)
        if let keyLength {
            try check(
                EVP_CipherInit_ex2(context.pointer, cipher, nil, nil, direction, nil),
                "EVP_CipherInit_ex2")
            try check(
                EVP_CIPHER_CTX_set_key_length(context.pointer, Int32(keyLength)),
                .invalidKeyLength, "EVP_CIPHER_CTX_set_key_length \(keyLength)")
            try check(
                EVP_CipherInit_ex2(context.pointer, nil, keyPointer, ivPointer, direction, nil),
                "EVP_CipherInit_ex2 (key)")
        } else {
            try check(
                EVP_CipherInit_ex2(context.pointer, cipher, keyPointer, ivPointer, direction, nil),
                "EVP_CipherInit_ex2")
        }
        try check(EVP_CIPHER_CTX_set_padding(context.pointer, 0), "EVP_CIPHER_CTX_set_padding")

        var output = [UInt8](repeating: 0, count: input.count + 32)
        var written: Int32 = 0
        if !input.isEmpty {
            try check(
                EVP_CipherUpdate(context.pointer, &output, &written, input, Int32(input.count)),
                "EVP_CipherUpdate")
        }
        var tail: Int32 = 0
        try output.withUnsafeMutableBufferPointer { buffer in
            try check(
                EVP_CipherFinal_ex(context.pointer, buffer.baseAddress! + Int(written), &tail),
                "EVP_CipherFinal_ex")
        }
        output.removeLast(output.count - Int(written + tail))
        return output
    }
}
