import IKECore
import Testing

@testable import IKECrypto

@Suite struct AEADCipherTests {
    /// McGrew-Viega GCM test cases 2, 3, 4, 15 and 16, with the 12-octet nonce split into
    /// RFC 4106's salt (4, carried in the key material) and IV (8).
    @Test func aesGCMMatchesTheGCMSpecificationTestCases() throws {
        let vectors = VectorFile("aead.txt").records(kind: "gcm")
        #expect(vectors.count == 5)
        for vector in vectors {
            let bits = try #require(Int(vector.text("bits-text")))
            let cipher = try AEADCipher(
                Cipher(.aesGCM16, keyBits: bits), keyMaterial: SecretBytes(vector.hex("key")))
            let sealed = try cipher.seal(
                vector.hex("plaintext"), additionalData: vector.hex("aad"), iv: vector.hex("iv"))
            #expect(
                sealed == vector.hex("ciphertext") + vector.hex("tag"),
                "\(vector.text("source-text"))")
            let opened = try cipher.open(
                sealed, additionalData: vector.hex("aad"), iv: vector.hex("iv"))
            #expect(opened == vector.hex("plaintext"))
        }
    }

    /// RFC 4106 section 6: the 8- and 12-octet ICVs are the leading octets of the 16-octet
    /// GCM tag (checked on test case 4).
    @Test(arguments: [(EncryptionAlgorithm.aesGCM8, 8), (.aesGCM12, 12)])
    func truncatedGCMICVIsThePrefixOfTheTag(algorithm: EncryptionAlgorithm, length: Int) throws {
        let vector = VectorFile("aead.txt").records(kind: "gcm")[2]
        let cipher = try AEADCipher(
            Cipher(algorithm, keyBits: 128), keyMaterial: SecretBytes(vector.hex("key")))
        let sealed = try cipher.seal(
            vector.hex("plaintext"), additionalData: vector.hex("aad"), iv: vector.hex("iv"))
        #expect(sealed == vector.hex("ciphertext") + vector.hex("tag").prefix(length))
        #expect(
            try cipher.open(sealed, additionalData: vector.hex("aad"), iv: vector.hex("iv"))
                == vector.hex("plaintext"))
    }

    /// RFC 8439 section 2.8.2, whose nonce is RFC 7634's salt | IV.
    @Test func chacha20Poly1305MatchesRFC8439() throws {
        let vector = try #require(VectorFile("aead.txt").records(kind: "chacha20-poly1305").first)
        let cipher = try AEADCipher(
            Cipher(.chacha20Poly1305), keyMaterial: SecretBytes(vector.hex("key")))
        let sealed = try cipher.seal(
            vector.hex("plaintext"), additionalData: vector.hex("aad"), iv: vector.hex("iv"))
        #expect(sealed == vector.hex("ciphertext") + vector.hex("tag"))
        #expect(
            try cipher.open(sealed, additionalData: vector.hex("aad"), iv: vector.hex("iv"))
                == vector.hex("plaintext"))
    }

    /// RFC 3610 packet vectors 1-3 through the CCM engine that AES-CCM ESP/IKE uses. They
    /// have 13-octet nonces; RFC 4309's 11-octet nonce (3-octet salt | 8-octet IV) is
    /// covered by the round-trip and tamper tests below.
    @Test func ccmEngineMatchesRFC3610() throws {
        let vectors = VectorFile("aead.txt").records(kind: "ccm-engine")
        #expect(vectors.count == 3)
        let cipher = try Ciphers.aes128CCM.get()
        for vector in vectors {
            let key = SecretBytes(vector.hex("key"))
            let sealed = try AEADRun.ccm(
                cipher, key: key, nonce: vector.hex("nonce"), aad: vector.hex("aad"),
                input: vector.hex("plaintext"), tag: nil, tagLength: 8)
            #expect(
                sealed == vector.hex("ciphertext") + vector.hex("tag"),
                "\(vector.text("source-text"))")
            let opened = try AEADRun.ccm(
                cipher, key: key, nonce: vector.hex("nonce"), aad: vector.hex("aad"),
                input: vector.hex("ciphertext"), tag: vector.hex("tag"), tagLength: 8)
            #expect(opened == vector.hex("plaintext"))
        }
    }

    static let aeads: [Cipher] = [
        Cipher(.aesGCM8, keyBits: 128), Cipher(.aesGCM12, keyBits: 192),
        Cipher(.aesGCM16, keyBits: 256),
        Cipher(.aesCCM8, keyBits: 128), Cipher(.aesCCM12, keyBits: 192),
        Cipher(.aesCCM16, keyBits: 256),
        Cipher(.chacha20Poly1305), Cipher(.nullAuthAESGMAC, keyBits: 128),
        Cipher(.nullAuthAESGMAC, keyBits: 256),
    ]

    @Test(arguments: aeads)
    func sealThenOpenGivesThePlaintextBack(cipher: Cipher) throws {
        let transform = try AEADCipher(cipher, keyMaterial: material(cipher))
        let plaintext: [UInt8] = Array(0..<37)
        let aad: [UInt8] = Array(200..<220)
        let iv: [UInt8] = Array(1...8)
        let sealed = try transform.seal(plaintext, additionalData: aad, iv: iv)
        #expect(sealed.count == plaintext.count + cipher.algorithm.info.icvLength)
        #expect(try transform.open(sealed, additionalData: aad, iv: iv) == plaintext)
        #expect(
            try transform.open(
                transform.seal([], additionalData: aad, iv: iv), additionalData: aad, iv: iv
            ).isEmpty)
        // NULL_AUTH_AES_GMAC authenticates without encrypting (RFC 4543).
        #expect(
            (Array(sealed.prefix(plaintext.count)) == plaintext) == !cipher.algorithm.info.encrypts)
    }

    @Test(arguments: aeads)
    func anyChangeFailsAuthentication(cipher: Cipher) throws {
        let transform = try AEADCipher(cipher, keyMaterial: material(cipher))
        let aad: [UInt8] = Array(200..<220)
        let iv: [UInt8] = Array(1...8)
        let sealed = try transform.seal(Array(0..<32), additionalData: aad, iv: iv)

        var changedBody = sealed
        changedBody[5] ^= 1
        var changedTag = sealed
        changedTag[sealed.count - 1] ^= 0x80
        var changedAAD = aad
        changedAAD[0] ^= 1
        let cases: [([UInt8], [UInt8], [UInt8])] = [
            (changedBody, aad, iv), (changedTag, aad, iv), (sealed, changedAAD, iv),
            (sealed, aad, iv.reversed()), (Array(sealed.prefix(3)), aad, iv),
        ]
        for (input, data, nonce) in cases {
            let error = #expect(throws: CryptoError.self) {
                try transform.open(input, additionalData: data, iv: nonce)
            }
            #expect(error?.code == .authenticationFailed)
        }
        let otherKey = try AEADCipher(cipher, keyMaterial: material(cipher, fill: 9))
        let error = #expect(throws: CryptoError.self) {
            try otherKey.open(sealed, additionalData: aad, iv: iv)
        }
        #expect(error?.code == .authenticationFailed)
    }

    @Test(arguments: aeads)
    func emptyPlaintextIsStillAuthenticated(cipher: Cipher) throws {
        let transform = try AEADCipher(cipher, keyMaterial: material(cipher))
        let aad: [UInt8] = Array(1...12)
        let iv: [UInt8] = Array(1...8)
        let sealed = try transform.seal([], additionalData: aad, iv: iv)
        #expect(sealed.count == cipher.algorithm.info.icvLength)
        var changedTag = sealed
        changedTag[0] ^= 1
        var changedAAD = aad
        changedAAD[11] ^= 1
        for (input, data) in [(changedTag, aad), (sealed, changedAAD)] {
            let error = #expect(throws: CryptoError.self) {
                try transform.open(input, additionalData: data, iv: iv)
            }
            #expect(error?.code == .authenticationFailed)
        }
    }

    @Test func wrongIVLengthIsATypedError() throws {
        let cipher = Cipher(.aesGCM16, keyBits: 128)
        let transform = try AEADCipher(cipher, keyMaterial: material(cipher))
        let error = #expect(throws: CryptoError.self) {
            try transform.seal([1], additionalData: [], iv: [UInt8](repeating: 0, count: 12))
        }
        #expect(error?.code == .invalidIVLength)
    }

    @Test(arguments: [
        (Cipher(.aesGCM16, keyBits: 128), 16), (Cipher(.aesCCM8, keyBits: 128), 20),
        (Cipher(.chacha20Poly1305), 32),
    ])
    func wrongKeyMaterialLengthIsATypedError(cipher: Cipher, length: Int) {
        let error = #expect(throws: CryptoError.self) {
            try AEADCipher(cipher, keyMaterial: SecretBytes([UInt8](repeating: 1, count: length)))
        }
        #expect(error?.code == .invalidKeyLength)
    }

    @Test(arguments: [
        Cipher(.camelliaCCM16, keyBits: 128), Cipher(.aesGCM16IIV, keyBits: 128),
        Cipher(.aesCBC, keyBits: 128),
    ])
    func unimplementedOrNonAEADCipherIsUnsupportedHere(cipher: Cipher) {
        let error = #expect(throws: CryptoError.self) {
            try AEADCipher(
                cipher,
                keyMaterial: SecretBytes([UInt8](repeating: 1, count: cipher.keyMaterialLength)))
        }
        #expect(error?.code == .unsupportedAlgorithm)
    }

    private func material(_ cipher: Cipher, fill: UInt8 = 3) -> SecretBytes {
        SecretBytes((0..<cipher.keyMaterialLength).map { UInt8($0) &+ fill })
    }
}
