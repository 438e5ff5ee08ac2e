import IKECore
import Testing

@testable import IKECrypto

@Suite struct IntegrityTransformTests {
    /// RFC 3566 section 4.6: AES-XCBC-MAC-96 is the first 96 bits of each test case.
    @Test func aesXCBC96MatchesRFC3566() throws {
        let vectors = VectorFile("xcbc-cmac.txt").records(kind: "xcbc")
        #expect(vectors.count == 7)
        for vector in vectors {
            let transform = try IntegrityTransform(.aesXCBC96, key: SecretBytes(vector.hex("key")))
            let icv = try transform.icv(for: vector.hex("message"))
            #expect(icv == Array(vector.hex("mac").prefix(12)), "\(vector.text("source-text"))")
        }
    }

    /// RFC 4494 section 4 reuses the RFC 4493 examples truncated to 96 bits.
    @Test func aesCMAC96MatchesRFC4494() throws {
        let vectors = VectorFile("xcbc-cmac.txt").records(kind: "cmac")
        #expect(vectors.count == 4)
        for vector in vectors {
            let transform = try IntegrityTransform(.aesCMAC96, key: SecretBytes(vector.hex("key")))
            let icv = try transform.icv(for: vector.hex("message"))
            #expect(icv == Array(vector.hex("mac").prefix(12)), "\(vector.text("source-text"))")
        }
    }

    /// RFC 4868 section 2.6 and RFC 2404/2403: the ICV is the leading half of the HMAC
    /// (the full HMAC for the -128/-160 variants of RFC 4595).
    @Test(arguments: [
        (IntegrityAlgorithm.hmacMD5_96, HashAlgorithm.md5), (.hmacMD5_128, .md5),
        (.hmacSHA1_96, .sha1), (.hmacSHA1_160, .sha1), (.hmacSHA256_128, .sha256),
        (.hmacSHA384_192, .sha384), (.hmacSHA512_256, .sha512),
    ])
    func hmacICVIsTheTruncatedHMAC(algorithm: IntegrityAlgorithm, hash: HashAlgorithm) throws {
        let key: [UInt8] = Array(repeating: 0x5A, count: algorithm.info.keyLength)
        let data = Array("an IKE message to protect".utf8)
        let transform = try IntegrityTransform(algorithm, key: SecretBytes(key))
        let icv = try transform.icv(for: data)
        #expect(icv.count == algorithm.info.icvLength)
        #expect(icv == Array(try HMAC(hash)(key: key, data: data).prefix(icv.count)))
    }

    /// GMAC is GCM with no plaintext: with a zero key, zero nonce and no data it is the tag
    /// of McGrew-Viega GCM test case 1.
    @Test func aesGMACMatchesGCMTestCase1() throws {
        let transform = try IntegrityTransform(
            .aes128GMAC, key: SecretBytes([UInt8](repeating: 0, count: 20)))
        let icv = try transform.icv(for: [], iv: [UInt8](repeating: 0, count: 8))
        #expect(icv.hexString == "58e2fccefa7e3061367f1d57a4e7455a")
    }

    @Test(arguments: IntegrityAlgorithm.allCases.filter { $0.info.implemented })
    func verifyAcceptsTheICVAndRejectsAnyChange(algorithm: IntegrityAlgorithm) throws {
        let key: [UInt8] = (0..<algorithm.info.keyLength).map { UInt8($0 & 0xFF) }
        let transform = try IntegrityTransform(algorithm, key: SecretBytes(key))
        let iv: [UInt8]? = transform.requiresIV ? Array(1...8) : nil
        let data = Array("ESP header, IV, payload".utf8)
        let icv = try transform.icv(for: data, iv: iv)
        #expect(try transform.verify(icv: icv, for: data, iv: iv))

        var changedICV = icv
        changedICV[0] ^= 1
        #expect(try !transform.verify(icv: changedICV, for: data, iv: iv))
        var changedData = data
        changedData[3] ^= 0x80
        #expect(try !transform.verify(icv: icv, for: changedData, iv: iv))
        #expect(try !transform.verify(icv: Array(icv.dropLast()), for: data, iv: iv))
        if let iv {
            #expect(try !transform.verify(icv: icv, for: data, iv: iv.reversed()))
        }
    }

    @Test func wrongKeyLengthIsATypedError() {
        let error = #expect(throws: CryptoError.self) {
            try IntegrityTransform(
                .hmacSHA256_128, key: SecretBytes([UInt8](repeating: 1, count: 16)))
        }
        #expect(error?.code == .invalidKeyLength)
    }

    @Test func unimplementedIntegrityIsATypedError() {
        let error = #expect(throws: CryptoError.self) {
            try IntegrityTransform(.desMAC, key: SecretBytes([UInt8](repeating: 1, count: 8)))
        }
        #expect(error?.code == .unsupportedAlgorithm)
    }

    @Test func gmacWithoutAnIVIsATypedError() throws {
        let transform = try IntegrityTransform(
            .aes256GMAC, key: SecretBytes([UInt8](repeating: 1, count: 36)))
        let error = #expect(throws: CryptoError.self) { try transform.icv(for: [1, 2, 3]) }
        #expect(error?.code == .invalidIVLength)
    }
}
