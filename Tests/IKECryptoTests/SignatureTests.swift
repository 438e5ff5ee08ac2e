import IKECore
import Testing

@testable import IKECrypto

@Suite struct SignatureTests {
    static let message = Array("IKE_SA_INIT octets | Nr | prf(SK_pi, IDi')".utf8)

    static let keyedSchemes: [(String, SignatureScheme)] = [
        ("leaf-rsa", .rsaPKCS1(.sha1)), ("leaf-rsa", .rsaPKCS1(.sha256)),
        ("leaf-rsa", .rsaPKCS1(.sha384)), ("leaf-rsa", .rsaPKCS1(.sha512)),
        ("leaf-rsa", .rsaPKCS1Raw), ("leaf-rsa", .rsaPSS(.sha256)),
        ("leaf-rsa", .rsaPSS(.sha384)), ("leaf-rsa", .rsaPSS(.sha512)),
        ("leaf-ec256", .ecdsa(.sha256, .der)), ("leaf-ec256", .ecdsa(.sha256, .raw)),
        ("leaf-ec384", .ecdsa(.sha384, .der)), ("leaf-ec384", .ecdsa(.sha384, .raw)),
        ("leaf-ec521", .ecdsa(.sha512, .der)), ("leaf-ec521", .ecdsa(.sha512, .raw)),
        ("leaf-ec256-traditional", .ecdsa(.sha512, .der)), ("leaf-ed25519", .ed25519),
        ("leaf-ed448", .ed448),
    ]

    @Test(arguments: keyedSchemes)
    func signatureVerifiesAndFailsOnAModifiedMessage(keyName: String, scheme: SignatureScheme)
        throws
    {
        let key = try PKIFixtures.privateKey(keyName)
        let publicKey = try key.publicKey
        let signature = try key.sign(Self.message, scheme: scheme)
        #expect(try publicKey.verify(signature, for: Self.message, scheme: scheme))

        var modified = Self.message
        modified[0] ^= 1
        #expect(try !publicKey.verify(signature, for: modified, scheme: scheme))
        var damaged = signature
        damaged[damaged.count / 2] ^= 0x10
        #expect(try !publicKey.verify(damaged, for: Self.message, scheme: scheme))
        #expect(try !publicKey.verify([], for: Self.message, scheme: scheme))
    }

    /// RFC 4754 section 7: r | s, each as long as the curve's order.
    @Test(arguments: [
        ("leaf-ec256", 64, HashAlgorithm.sha256), ("leaf-ec384", 96, .sha384),
        ("leaf-ec521", 132, .sha512),
    ])
    func rawECDSASignaturesHaveTheFixedSize(keyName: String, length: Int, hash: HashAlgorithm)
        throws
    {
        let key = try PKIFixtures.privateKey(keyName)
        for _ in 0..<8 {
            #expect(try key.sign(Self.message, scheme: .ecdsa(hash, .raw)).count == length)
        }
    }

    /// PKCS#1 v1.5 signatures are deterministic; the expected ones were made by
    /// `openssl dgst -sha256 -sign` and `openssl pkeyutl -sign` (no digest) in make-pki.sh.
    @Test func rsaSignaturesMatchTheOpenSSLCommandLine() throws {
        let key = try PKIFixtures.privateKey("leaf-rsa")
        let message = Fixtures.bytes("pki/message.bin")
        let hash36 = Fixtures.bytes("pki/hash36.bin")
        #expect(
            try key.sign(message, scheme: .rsaPKCS1(.sha256))
                == PKIFixtures.expected.hex("rsa-pkcs1-sha256"))
        #expect(
            try key.sign(hash36, scheme: .rsaPKCS1Raw) == PKIFixtures.expected.hex("rsa-pkcs1-raw"))
    }

    @Test(arguments: [
        ("leaf-rsa", SignatureScheme.ecdsa(.sha256, .der)), ("leaf-ec256", .rsaPKCS1(.sha256)),
        ("leaf-ed25519", .ed448), ("leaf-ed448", .rsaPSS(.sha256)),
    ])
    func schemeThatDoesNotFitTheKeyIsATypedError(keyName: String, scheme: SignatureScheme) throws {
        let key = try PKIFixtures.privateKey(keyName)
        let error = #expect(throws: CryptoError.self) { try key.sign(Self.message, scheme: scheme) }
        #expect(error?.code == .keySchemeMismatch)
        let verifyError = #expect(throws: CryptoError.self) {
            try key.publicKey.verify([1, 2, 3], for: Self.message, scheme: scheme)
        }
        #expect(verifyError?.code == .keySchemeMismatch)
    }

    @Test(arguments: [
        ("leaf-rsa", KeyAlgorithm.rsa, 2048), ("leaf-ec256", .ecP256, 256),
        ("leaf-ec384", .ecP384, 384),
        ("leaf-ec521", .ecP521, 521), ("leaf-ed25519", .ed25519, 256), ("leaf-ed448", .ed448, 456),
        ("ca", .rsa, 2048), ("leaf-ec256-traditional", .ecP256, 256),
    ])
    func keysLoadWithTheirAlgorithmAndSize(name: String, algorithm: KeyAlgorithm, bits: Int) throws
    {
        let key = try PKIFixtures.privateKey(name)
        #expect(key.algorithm == algorithm)
        #expect(key.keyBits == bits)
    }

    @Test func publicKeyFromPEMEqualsTheCertificatesKey() throws {
        let fromPEM = try PublicKey(pem: PKIFixtures.text("leaf-rsa.pub"))
        let fromCertificate = try PKIFixtures.certificate("leaf-rsa").publicKey
        let fromPrivate = try PKIFixtures.privateKey("leaf-rsa").publicKey
        #expect(fromPEM == fromCertificate)
        #expect(fromPEM == fromPrivate)
        #expect(try PublicKey(subjectPublicKeyInfo: fromPEM.subjectPublicKeyInfo) == fromPEM)
    }

    @Test func encryptedAndMalformedKeysAreTypedErrors() {
        let encrypted = #expect(throws: CryptoError.self) {
            try PrivateKey(pem: PKIFixtures.text("encrypted.key"))
        }
        #expect(encrypted?.code == .invalidKey)
        let garbage = #expect(throws: CryptoError.self) { try PrivateKey(pem: "not a key") }
        #expect(garbage?.code == .invalidKey)
        let der = #expect(throws: CryptoError.self) {
            try PrivateKey(der: [0x30, 0x03, 0x02, 0x01])
        }
        #expect(der?.code == .invalidKey)
        let publicKey = #expect(throws: CryptoError.self) {
            try PublicKey(subjectPublicKeyInfo: [0x30, 0x00])
        }
        #expect(publicKey?.code == .invalidKey)
    }

    /// RFC 2409 section 5.2: PKCS#1 v1.5 encryption of nonces and identities, padded with
    /// octets from the caller's random source.
    @Test func rsaEncryptionRoundTripsAndIsReproducibleUnderASeed() throws {
        let key = try PKIFixtures.privateKey("leaf-rsa")
        let publicKey = try key.publicKey
        let nonce: [UInt8] = Array(0..<32)
        let first = try publicKey.encryptPKCS1(nonce, random: SeededRandom(seed: "rsa"))
        let second = try publicKey.encryptPKCS1(nonce, random: SeededRandom(seed: "rsa"))
        #expect(first == second)
        #expect(first.count == 256)
        #expect(try key.decryptPKCS1(first).revealed == nonce)
        #expect(try publicKey.encryptPKCS1(nonce, random: SystemRandom()) != first)

        let tooLong = #expect(throws: CryptoError.self) {
            try publicKey.encryptPKCS1([UInt8](repeating: 1, count: 246), random: SystemRandom())
        }
        #expect(tooLong?.code == .invalidInputLength)
        let notRSA = #expect(throws: CryptoError.self) {
            try PKIFixtures.privateKey("leaf-ec256").decryptPKCS1(first)
        }
        #expect(notRSA?.code == .keySchemeMismatch)
    }

    /// The PSS encoding ikec does itself (to take the salt from a RandomSource) is checked
    /// by libcrypto's PSS verification, and a seed makes it reproducible.
    @Test(arguments: [HashAlgorithm.sha256, .sha384, .sha512])
    func pssWithASeededSaltVerifiesAndIsReproducible(hash: HashAlgorithm) throws {
        let key = try PKIFixtures.privateKey("leaf-rsa")
        let first = try key.sign(
            Self.message, scheme: .rsaPSS(hash), random: SeededRandom(seed: "pss"))
        let second = try key.sign(
            Self.message, scheme: .rsaPSS(hash), random: SeededRandom(seed: "pss"))
        #expect(first == second)
        #expect(try key.publicKey.verify(first, for: Self.message, scheme: .rsaPSS(hash)))
        let other = try key.sign(
            Self.message, scheme: .rsaPSS(hash), random: SeededRandom(seed: "x"))
        #expect(other != first)
        #expect(try !key.publicKey.verify(first, for: Self.message + [0], scheme: .rsaPSS(hash)))
    }

    @Test func signingWithARandomSourceLeavesOtherSchemesAsTheyAre() throws {
        let key = try PKIFixtures.privateKey("leaf-rsa")
        let random = SeededRandom(seed: "r")
        #expect(
            try key.sign(Self.message, scheme: .rsaPKCS1(.sha256), random: random)
                == key.sign(Self.message, scheme: .rsaPKCS1(.sha256)))
        let ec = try PKIFixtures.privateKey("leaf-ec256")
        let signature = try ec.sign(Self.message, scheme: .ecdsa(.sha256, .raw), random: random)
        #expect(
            try ec.publicKey.verify(signature, for: Self.message, scheme: .ecdsa(.sha256, .raw)))
        let mismatch = #expect(throws: CryptoError.self) {
            try ec.sign(Self.message, scheme: .rsaPSS(.sha256), random: random)
        }
        #expect(mismatch?.code == .keySchemeMismatch)
    }

    @Test func ikev2AuthMethodsMapToTheirFixedSchemes() {
        #expect(SignatureScheme(ikev2AuthMethod: .rsaSignature) == .rsaPKCS1(.sha1))
        #expect(SignatureScheme(ikev2AuthMethod: .ecdsaSHA384P384) == .ecdsa(.sha384, .raw))
        #expect(SignatureScheme(ikev2AuthMethod: .digitalSignature) == nil)
    }
}
