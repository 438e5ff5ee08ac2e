import IKECore
import Testing

@testable import IKECrypto

@Suite struct PRFTests {
    /// RFC 4434 section 2.1, including its 10- and 18-octet keys (padding and reduction).
    @Test func aesXCBCPRFMatchesRFC4434() throws {
        let vectors = VectorFile("xcbc-cmac.txt").records(kind: "xcbc-prf")
        #expect(vectors.count == 3)
        let prf = try PRF(.aes128XCBC)
        for vector in vectors {
            let output = try prf(key: vector.hex("key"), data: vector.hex("message"))
            #expect(output == vector.hex("mac"), "\(vector.text("source-text"))")
        }
    }

    /// RFC 4615 section 4, including its 10- and 18-octet keys.
    @Test func aesCMACPRFMatchesRFC4615() throws {
        let vectors = VectorFile("xcbc-cmac.txt").records(kind: "cmac-prf")
        #expect(vectors.count == 3)
        let prf = try PRF(.aes128CMAC)
        for vector in vectors {
            let output = try prf(key: vector.hex("key"), data: vector.hex("message"))
            #expect(output == vector.hex("mac"), "\(vector.text("source-text"))")
        }
    }

    @Test func hmacPRFsMatchRFC4231() throws {
        let key = Array("Jefe".utf8)
        let data = Array("what do ya want for nothing?".utf8)
        #expect(
            try PRF(.hmacSHA256)(key: key, data: data).hexString
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            try PRF(.hmacMD5)(key: key, data: data).hexString
                == "750c783e6ab0b503eaa86e310a5db738")
    }

    @Test func secretAndPublicOverloadsAgree() throws {
        let prf = try PRF(.hmacSHA384)
        let key: [UInt8] = Array(0..<48)
        let data: [UInt8] = Array(100..<164)
        let plain = try prf(key: key, data: data)
        #expect(try prf(key: SecretBytes(key), data: data).revealed == plain)
        #expect(try prf(key: key, data: SecretBytes(data)).revealed == plain)
        #expect(try prf(key: SecretBytes(key), data: SecretBytes(data)).revealed == plain)
    }

    /// RFC 7296 section 2.13 has no vector; prf+ is checked against the definition written
    /// out with the HMAC that the RFC 4231 vectors verify: T1 = prf(K, S | 0x01),
    /// Tn = prf(K, Tn-1 | S | n).
    @Test(arguments: [PseudorandomFunction.hmacSHA1, .hmacSHA256, .aes128XCBC, .aes128CMAC])
    func prfPlusFollowsRFC7296Section2_13(algorithm: PseudorandomFunction) throws {
        let prf = try PRF(algorithm)
        let key: [UInt8] = Array(repeating: 0x42, count: 20)
        let seed: [UInt8] = Array(0..<40)
        var expected: [UInt8] = []
        var previous: [UInt8] = []
        for counter in 1...5 {
            previous = try prf(key: key, data: previous + seed + [UInt8(counter)])
            expected += previous
        }
        let length = 4 * prf.outputLength + 3
        let output = try prf.plus(key: SecretBytes(key), seed: seed, length: length)
        #expect(output.revealed == Array(expected.prefix(length)))
        #expect(
            try prf.plus(key: SecretBytes(key), seed: SecretBytes(seed), length: length) == output)
    }

    @Test func prfPlusRefusesMoreThan255Blocks() throws {
        let prf = try PRF(.hmacSHA1)
        let key = SecretBytes([1, 2, 3])
        #expect(try prf.plus(key: key, seed: [], length: 255 * 20).count == 255 * 20)
        let error = #expect(throws: CryptoError.self) {
            try prf.plus(key: key, seed: [], length: 255 * 20 + 1)
        }
        #expect(error?.code == .invalidInputLength)
    }

    @Test func unimplementedPRFIsATypedError() {
        let error = #expect(throws: CryptoError.self) { try PRF(.hmacTiger) }
        #expect(error?.code == .unsupportedAlgorithm)
    }

    @Test func nonceKeyTakesHalfFromEachNonceForFixedKeyPRFs() throws {
        let ni: [UInt8] = Array(0..<32)
        let nr: [UInt8] = Array(100..<132)
        #expect(
            try PRF(.aes128XCBC).nonceKey(initiatorNonce: ni, responderNonce: nr)
                == Array(0..<8) + Array(100..<108))
        #expect(try PRF(.hmacSHA256).nonceKey(initiatorNonce: ni, responderNonce: nr) == ni + nr)
    }

    @Test(arguments: HashAlgorithm.allCases)
    func ikev1HMACPRFIsTheHMACOfTheHash(hash: HashAlgorithm) throws {
        let prf = PRF(hmac: hash)
        #expect(prf.algorithm.info.hash == hash)
        #expect(
            try prf(key: [1, 2, 3], data: [4, 5]) == HMAC(hash)(key: [1, 2, 3], data: [4, 5]))
    }

    @Test func prfReportsItsLengths() throws {
        #expect(try PRF(.hmacSHA512).outputLength == 64)
        #expect(try PRF(.aes128CMAC).outputLength == 16)
        #expect(try PRF(.hmacSHA256).keyLength == 32)
    }
}
