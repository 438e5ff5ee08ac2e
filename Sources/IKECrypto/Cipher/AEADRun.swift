internal import CCrypto
import IKECore

/// One-shot AEAD operations through `EVP_CIPHER_CTX` controls.
enum AEADRun {
    /// GCM, GMAC and ChaCha20-Poly1305: the nonce length is set, AAD fed before the data,
    /// and the tag read after (sealing, `tag` nil: returns ciphertext | tag) or set before
    /// the final call (opening: returns the plaintext or throws `authenticationFailed`).
    static func gcmLike(
        _ cipher: OpaquePointer, key: SecretBytes, nonce: [UInt8], aad: [UInt8],
        input: [UInt8], tag: [UInt8]?, tagLength: Int
    ) throws -> [UInt8] {
        let context = try EVPCipherContext()
        let encrypt: Int32 = tag == nil ? 1 : 0
        try check(
            EVP_CipherInit_ex2(context.pointer, cipher, nil, nil, encrypt, nil),
            "EVP_CipherInit_ex2")
        try check(
            EVP_CIPHER_CTX_ctrl(
                context.pointer, EVP_CTRL_AEAD_SET_IVLEN, Int32(nonce.count), nil),
            .invalidIVLength, "set the AEAD nonce length")
        try key.withUnsafeBytes { key in
            try check(
                EVP_CipherInit_ex2(
                    context.pointer, nil, key.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    nonce, encrypt, nil), "EVP_CipherInit_ex2 (key)")
        }
        try feedAAD(context, aad)

        var output = [UInt8](repeating: 0, count: input.count + 16)
        var written: Int32 = 0
        if !input.isEmpty {
            try check(
                EVP_CipherUpdate(context.pointer, &output, &written, input, Int32(input.count)),
                "EVP_CipherUpdate")
        }
        if var tag {
            try check(
                EVP_CIPHER_CTX_ctrl(
                    context.pointer, EVP_CTRL_AEAD_SET_TAG, Int32(tag.count), &tag),
                "set the expected tag")
        }
        var tail: Int32 = 0
        let finalResult = output.withUnsafeMutableBufferPointer { buffer in
            EVP_CipherFinal_ex(context.pointer, buffer.baseAddress! + Int(written), &tail)
        }
        guard finalResult == 1 else {
            if tag != nil {
                ErrorQueue.clear()
                throw CryptoError(.authenticationFailed, "the AEAD tag does not verify")
            }
            throw ErrorQueue.error(.libraryFailure, "EVP_CipherFinal_ex")
        }
        output.removeLast(output.count - Int(written + tail))
        guard tag == nil else { return output }

        var computed = [UInt8](repeating: 0, count: tagLength)
        try check(
            EVP_CIPHER_CTX_ctrl(
                context.pointer, EVP_CTRL_AEAD_GET_TAG, Int32(tagLength), &computed),
            "read the AEAD tag")
        return output + computed
    }

    /// CCM (RFC 4309): nonce and tag lengths are set before the key, the total data length
    /// before the AAD, and the tag is checked by the update call when opening.
    static func ccm(
        _ cipher: OpaquePointer, key: SecretBytes, nonce: [UInt8], aad: [UInt8],
        input: [UInt8], tag: [UInt8]?, tagLength: Int
    ) throws -> [UInt8] {
        let context = try EVPCipherContext()
        let encrypt: Int32 = tag == nil ? 1 : 0
        try check(
            EVP_CipherInit_ex2(context.pointer, cipher, nil, nil, encrypt, nil),
            "EVP_CipherInit_ex2")
        try check(
            EVP_CIPHER_CTX_ctrl(
                context.pointer, EVP_CTRL_AEAD_SET_IVLEN, Int32(nonce.count), nil),
            .invalidIVLength, "set the CCM nonce length")
        if var tag {
            try check(
                EVP_CIPHER_CTX_ctrl(
                    context.pointer, EVP_CTRL_AEAD_SET_TAG, Int32(tag.count), &tag),
                "set the expected CCM tag")
        } else {
            try check(
                EVP_CIPHER_CTX_ctrl(
                    context.pointer, EVP_CTRL_AEAD_SET_TAG, Int32(tagLength), nil),
                "set the CCM tag length")
        }
        try key.withUnsafeBytes { key in
            try check(
                EVP_CipherInit_ex2(
                    context.pointer, nil, key.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    nonce, encrypt, nil), "EVP_CipherInit_ex2 (key)")
        }

        var written: Int32 = 0
        try check(
            EVP_CipherUpdate(context.pointer, nil, &written, nil, Int32(input.count)),
            "set the CCM message length")
        try feedAAD(context, aad)

        var output = [UInt8](repeating: 0, count: input.count + 16)
        let updateResult = output.withUnsafeMutableBufferPointer { buffer in
            input.withUnsafeBufferPointer { inputBuffer in
                EVP_CipherUpdate(
                    context.pointer, buffer.baseAddress, &written, inputBuffer.baseAddress,
                    Int32(input.count))
            }
        }
        guard updateResult == 1 else {
            if tag != nil {
                ErrorQueue.clear()
                throw CryptoError(.authenticationFailed, "the CCM tag does not verify")
            }
            throw ErrorQueue.error(.libraryFailure, "EVP_CipherUpdate (CCM)")
        }
        output.removeLast(output.count - Int(written))
        guard tag == nil else { return output }

        var tail: Int32 = 0
        var scratch = [UInt8](repeating: 0, count: 16)
        try check(EVP_CipherFinal_ex(context.pointer, &scratch, &tail), "EVP_CipherFinal_ex")
        var computed = [UInt8](repeating: 0, count: tagLength)
        try check(
            EVP_CIPHER_CTX_ctrl(
                context.pointer, EVP_CTRL_AEAD_GET_TAG, Int32(tagLength), &computed),
            "read the CCM tag")
        return output + computed
    }

    private static func feedAAD(_ context: EVPCipherContext, _ aad: [UInt8]) throws {
        guard !aad.isEmpty else { return }
        var ignored: Int32 = 0
        try check(
            EVP_CipherUpdate(context.pointer, nil, &ignored, aad, Int32(aad.count)),
            "EVP_CipherUpdate (AAD)")
    }
}
