import IKECore
import Testing

@testable import IKECrypto

@Suite struct HashTests {
    /// The "abc" examples of FIPS 180-2 appendices A-C and RFC 1321 appendix A.5.
    @Test(arguments: [
        (HashAlgorithm.md5, "900150983cd24fb0d6963f7d28e17f72"),
        (.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
        (.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            .sha384,
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                + "8086072ba1e7cc2358baeca134c825a7"
        ),
        (
            .sha512,
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        ),
    ])
    func digestOfABCMatchesTheStandard(hash: HashAlgorithm, expected: String) throws {
        #expect(try Hash(hash).digest(Array("abc".utf8)).hexString == expected)
    }

    @Test(arguments: HashAlgorithm.allCases)
    func incrementalHashEqualsOneShotAndRestarts(hash: HashAlgorithm) throws {
        let message = Array("the quick brown fox jumps over the lazy dog".utf8)
        let incremental = try IncrementalHash(hash)
        try incremental.update(Array(message[..<10]))
        try incremental.update(Array(message[10...]))
        let oneShot = try Hash(hash).digest(message)
        #expect(try incremental.finalize() == oneShot)
        try incremental.update(message)
        #expect(try incremental.finalize() == oneShot)
    }

    /// RFC 2202 and RFC 4231 test cases, from Fixtures/hmac.txt.
    @Test func hmacMatchesRFC2202AndRFC4231() throws {
        let vectors = VectorFile("hmac.txt").records
        #expect(vectors.count == 16)
        for vector in vectors {
            let hash = try #require(HashAlgorithm(rawValue: vector.text("hash-text")))
            let mac = try HMAC(hash)(key: vector.hex("key"), data: vector.hex("data"))
            #expect(mac == vector.hex("mac"), "\(vector.text("source-text")) \(hash)")
        }
    }

    @Test func hmacWithASecretKeyEqualsHMACWithItsOctets() throws {
        let key = [UInt8](repeating: 0x0B, count: 20)
        let data = Array("Hi There".utf8)
        #expect(
            try HMAC(.sha256)(key: SecretBytes(key), data: data)
                == HMAC(.sha256)(key: key, data: data))
    }

    @Test func hmacAcceptsAnEmptyKey() throws {
        // HMAC-SHA-256 with an empty key over an empty message, a widely published value.
        let mac = try HMAC(.sha256)(key: [], data: [])
        #expect(mac.hexString == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }
}
