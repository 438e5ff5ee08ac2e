import IKECore
import Testing

@testable import IKECrypto

@Suite struct BlockCipherTests {
    /// RFC 3602 section 4 cases 1-3 and RFC 3686 section 6 vectors 1-4 and 7.
    @Test(arguments: ["aes-cbc", "aes-ctr"])
    func matchesPublishedVectors(kind: String) throws {
        let vectors = VectorFile("block-ciphers.txt").records(kind: kind)
        #expect(vectors.count >= 3)
        for vector in vectors {
            let algorithm: EncryptionAlgorithm = kind == "aes-cbc" ? .aesCBC : .aesCTR
            let bits = try #require(Int(vector.text("bits-text")))
            let cipher = try BlockCipher(
                Cipher(algorithm, keyBits: bits), keyMaterial: SecretBytes(vector.hex("key")))
            let ciphertext = try cipher.encrypt(vector.hex("plaintext"), iv: vector.hex("iv"))
            #expect(ciphertext == vector.hex("ciphertext"), "\(vector.text("source-text"))")
            #expect(try cipher.decrypt(ciphertext, iv: vector.hex("iv")) == vector.hex("plaintext"))
        }
    }

    /// Every implemented non-AEAD cipher and key size decrypts what it encrypted, and CBC
    /// output differs from its input (the legacy ones come from the legacy provider).
    @Test(arguments: [
        Cipher(.aesCBC, keyBits: 192), Cipher(.aesCBC, keyBits: 256),
        Cipher(.aesCTR, keyBits: 256), Cipher(.tripleDES), Cipher(.camelliaCBC, keyBits: 128),
        Cipher(.camelliaCBC, keyBits: 192), Cipher(.camelliaCBC, keyBits: 256), Cipher(.des),
        Cipher(.blowfish, keyBits: 128), Cipher(.blowfish, keyBits: 256),
        Cipher(.cast, keyBits: 128), Cipher(.null),
    ])
    func roundTrips(cipher: Cipher) throws {
        let keyMaterial = SecretBytes((0..<cipher.keyMaterialLength).map { UInt8($0 * 7 & 0xFF) })
        let transform = try BlockCipher(cipher, keyMaterial: keyMaterial)
        let plaintext: [UInt8] = (0..<48).map { UInt8($0) }
        let iv = [UInt8](repeating: 0xA5, count: transform.ivLength)
        let ciphertext = try transform.encrypt(plaintext, iv: iv)
        #expect(ciphertext.count == plaintext.count)
        #expect(try transform.decrypt(ciphertext, iv: iv) == plaintext)
        #expect((ciphertext == plaintext) == (cipher.algorithm == .null))
    }

    /// DES-CBC (the legacy provider) against the classic FIPS 81 style example: key
    /// 0123456789abcdef, IV 1234567890abcdef, "Now is the time for all " encrypts to
    /// e5c7cdde872bf27c 43e934008c389c0f 683788499a7c05f6.
    @Test func desCBCMatchesTheFIPS81Example() throws {
        let cipher = try BlockCipher(
            Cipher(.des), keyMaterial: SecretBytes([UInt8](hex: "0123456789abcdef")!))
        let ciphertext = try cipher.encrypt(
            Array("Now is the time for all ".utf8), iv: [UInt8](hex: "1234567890abcdef")!)
        #expect(ciphertext.hexString == "e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6")
    }

    /// RFC 3713 appendix A: one block under a zero IV is the block cipher itself.
    @Test(arguments: [
        (128, "0123456789abcdeffedcba9876543210", "67673138549669730857065648eabe43"),
        (
            192, "0123456789abcdeffedcba98765432100011223344556677",
            "b4993401b3e996f84ee5cee7d79b09b9"
        ),
        (
            256, "0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff",
            "9acc237dff16d76c20ef7c919e3a7509"
        ),
    ])
    func camelliaMatchesRFC3713(bits: Int, key: String, expected: String) throws {
        let cipher = try BlockCipher(
            Cipher(.camelliaCBC, keyBits: bits), keyMaterial: SecretBytes([UInt8](hex: key)!))
        let block = [UInt8](hex: "0123456789abcdeffedcba9876543210")!
        let ciphertext = try cipher.encrypt(block, iv: [UInt8](repeating: 0, count: 16))
        #expect(ciphertext.hexString == expected)
    }

    @Test func legacyCiphersLeaveDefaultAlgorithmsWorking() throws {
        _ = try BlockCipher(
            Cipher(.blowfish, keyBits: 128),
            keyMaterial: SecretBytes([UInt8](repeating: 1, count: 16))
        )
        .encrypt([UInt8](repeating: 0, count: 8), iv: [UInt8](repeating: 0, count: 8))
        let aes = try BlockCipher(
            Cipher(.aesCBC, keyBits: 128),
            keyMaterial: SecretBytes([UInt8](repeating: 1, count: 16)))
        #expect(
            try aes.encrypt([UInt8](repeating: 0, count: 16), iv: [UInt8](repeating: 0, count: 16))
                .count == 16)
        #expect(try Hash(.sha256).digest([1]).count == 32)
    }

    @Test func cbcInputThatIsNotWholeBlocksIsATypedError() throws {
        let cipher = try BlockCipher(
            Cipher(.aesCBC, keyBits: 128),
            keyMaterial: SecretBytes([UInt8](repeating: 1, count: 16)))
        let error = #expect(throws: CryptoError.self) {
            try cipher.decrypt(
                [UInt8](repeating: 0, count: 17), iv: [UInt8](repeating: 0, count: 16))
        }
        #expect(error?.code == .invalidInputLength)
    }

    @Test func wrongIVLengthIsATypedError() throws {
        let cipher = try BlockCipher(
            Cipher(.aesCTR, keyBits: 128),
            keyMaterial: SecretBytes([UInt8](repeating: 1, count: 20)))
        let error = #expect(throws: CryptoError.self) {
            try cipher.encrypt([1, 2, 3], iv: [UInt8](repeating: 0, count: 16))
        }
        #expect(error?.code == .invalidIVLength)
    }

    @Test(arguments: [
        (Cipher(.aesCBC, keyBits: 128), 15), (Cipher(.aesCBC, keyBits: 256), 16),
        (Cipher(.aesCTR, keyBits: 128), 16), (Cipher(.tripleDES), 16),
    ])
    func wrongKeyMaterialLengthIsATypedError(cipher: Cipher, length: Int) {
        let error = #expect(throws: CryptoError.self) {
            try BlockCipher(cipher, keyMaterial: SecretBytes([UInt8](repeating: 1, count: length)))
        }
        #expect(error?.code == .invalidKeyLength)
    }

    @Test func keySizeTheAlgorithmDoesNotHaveIsATypedError() {
        let error = #expect(throws: CryptoError.self) {
            try BlockCipher(
                Cipher(.aesCBC, keyBits: 160),
                keyMaterial: SecretBytes([UInt8](repeating: 1, count: 20)))
        }
        #expect(error?.code == .invalidKeyLength)
    }

    @Test(arguments: [
        Cipher(.camelliaCTR, keyBits: 128), Cipher(.idea), Cipher(.aesGCM16, keyBits: 128),
    ])
    func unimplementedOrAEADCipherIsUnsupportedHere(cipher: Cipher) {
        let error = #expect(throws: CryptoError.self) {
            try BlockCipher(
                cipher,
                keyMaterial: SecretBytes([UInt8](repeating: 1, count: cipher.keyMaterialLength)))
        }
        #expect(error?.code == .unsupportedAlgorithm)
    }

    @Test func cipherContextPicksTheKindFromTheAlgorithm() throws {
        let block = try CipherContext(
            Cipher(.aesCBC, keyBits: 128),
            keyMaterial: SecretBytes([UInt8](repeating: 1, count: 16)))
        let aead = try CipherContext(
            Cipher(.aesGCM16, keyBits: 128),
            keyMaterial: SecretBytes([UInt8](repeating: 1, count: 20)))
        guard case .block = block, case .aead = aead else {
            Issue.record("wrong cipher kinds")
            return
        }
        #expect(block.ivLength == 16)
        #expect(aead.ivLength == 8)
    }
}
