import IKECore
import Testing

@testable import IKECrypto

@Suite struct DHKeyPairTests {
    /// RFC 5903 section 8, RFC 5114 appendix A, RFC 7027 appendix A and RFC 7748 section 6,
    /// from Fixtures/dh.txt: each side's public value from its private value, and the same
    /// shared secret both ways.
    @Test func matchesPublishedKeyExchanges() throws {
        let vectors = VectorFile("dh.txt").records
        #expect(vectors.count == 13)
        for vector in vectors {
            let number = try #require(UInt16(vector.text("group-text")))
            let group = try #require(DHGroup(rawValue: number))
            let source = vector.text("source-text")
            let initiator = try DHKeyPair(
                group: group, privateValue: SecretBytes(vector.hex("private-i")))
            let responder = try DHKeyPair(
                group: group, privateValue: SecretBytes(vector.hex("private-r")))
            #expect(initiator.publicValue == vector.hex("public-i"), "\(source)")
            #expect(responder.publicValue == vector.hex("public-r"), "\(source)")
            let shared = try initiator.sharedSecret(peerPublicValue: responder.publicValue)
            #expect(shared.revealed == vector.hex("shared"), "\(source)")
            #expect(try responder.sharedSecret(peerPublicValue: initiator.publicValue) == shared)
        }
    }

    /// RFC 7748 section 5.2: the X25519 and X448 functions on single inputs.
    @Test func montgomeryFunctionsMatchRFC7748() throws {
        for vector in VectorFile("x25519-x448.txt").records {
            let number = try #require(UInt16(vector.text("group-text")))
            let group = try #require(DHGroup(rawValue: number))
            let pair = try DHKeyPair(group: group, privateValue: SecretBytes(vector.hex("scalar")))
            let result = try pair.sharedSecret(peerPublicValue: vector.hex("u"))
            #expect(result.revealed == vector.hex("result"), "\(vector.text("source-text"))")
        }
    }

    @Test(arguments: DHGroup.allCases)
    func generatedPairsAgreeAndHaveTheRegistrysLengths(group: DHGroup) throws {
        let random = SeededRandom(seed: "dh-\(group.rawValue)")
        let initiator = try DHKeyPair.generate(group: group, random: random)
        let responder = try DHKeyPair.generate(group: group, random: random)
        #expect(initiator.publicValue.count == group.info.publicValueLength)
        #expect(initiator.publicValue != responder.publicValue)
        let shared = try initiator.sharedSecret(peerPublicValue: responder.publicValue)
        #expect(shared.count == group.info.sharedSecretLength)
        #expect(try responder.sharedSecret(peerPublicValue: initiator.publicValue) == shared)
    }

    @Test(arguments: DHGroup.allCases)
    func peerValueOfTheWrongLengthIsRejected(group: DHGroup) throws {
        let pair = try DHKeyPair.generate(group: group, random: SeededRandom(seed: "length"))
        for bad in [Array(pair.publicValue.dropLast()), pair.publicValue + [0], []] {
            let error = #expect(throws: CryptoError.self) {
                try pair.sharedSecret(peerPublicValue: bad)
            }
            #expect(error?.code == .invalidPublicValue)
        }
    }

    /// RFC 7296 section 5 and RFC 6989 section 2.1: y must satisfy 1 < y < p-1.
    @Test(arguments: [DHGroup.modp768, .modp2048, .modp1024s160])
    func modpValuesOutsideOneToPMinusOneAreRejected(group: DHGroup) throws {
        let pair = try DHKeyPair.generate(group: group, random: SeededRandom(seed: "range"))
        let length = group.info.publicValueLength
        let prime = try MODPDomain.of(group).prime.bytes(paddedTo: length)
        var primeMinusOne = prime
        primeMinusOne[length - 1] -= 1  // p is odd, so no borrow
        let zero = [UInt8](repeating: 0, count: length)
        let one = Array(zero.dropLast()) + [1]
        let allOnes = [UInt8](repeating: 0xFF, count: length)
        for bad in [zero, one, primeMinusOne, prime, allOnes] {
            let error = #expect(throws: CryptoError.self) {
                try pair.sharedSecret(peerPublicValue: bad)
            }
            #expect(error?.code == .invalidPublicValue)
        }
    }

    /// RFC 6989 section 2.2: for the RFC 5114 groups a value outside the order-q subgroup
    /// (here p - 2, which has order 2q or 2 rather than q) is rejected.
    @Test(arguments: [DHGroup.modp1024s160, .modp2048s224, .modp2048s256])
    func modpValueOutsideTheSubgroupIsRejected(group: DHGroup) throws {
        let pair = try DHKeyPair.generate(group: group, random: SeededRandom(seed: "subgroup"))
        var value = try MODPDomain.of(group).prime.bytes(paddedTo: group.info.publicValueLength)
        value[value.count - 1] -= 2
        let error = #expect(throws: CryptoError.self) {
            try pair.sharedSecret(peerPublicValue: value)
        }
        #expect(error?.code == .invalidPublicValue)
    }

    /// RFC 7296 section 5: an ECP value must be a point of the curve.
    @Test(arguments: DHGroup.allCases.filter { $0.info.kind == .ecp })
    func ecpValuesOffTheCurveAreRejected(group: DHGroup) throws {
        let pair = try DHKeyPair.generate(group: group, random: SeededRandom(seed: "curve"))
        var offCurve = pair.publicValue
        offCurve[offCurve.count - 1] ^= 1
        let coordinatesTooLarge = [UInt8](repeating: 0xFF, count: group.info.publicValueLength)
        let zero = [UInt8](repeating: 0, count: group.info.publicValueLength)
        for bad in [offCurve, coordinatesTooLarge, zero] {
            let error = #expect(throws: CryptoError.self) {
                try pair.sharedSecret(peerPublicValue: bad)
            }
            #expect(error?.code == .invalidPublicValue)
        }
    }

    /// RFC 7748 section 6: low-order points give an all-zero secret, which is refused.
    @Test(arguments: [DHGroup.curve25519, .curve448])
    func montgomeryLowOrderPointsAreRejected(group: DHGroup) throws {
        let pair = try DHKeyPair.generate(group: group, random: SeededRandom(seed: "low-order"))
        let length = group.info.publicValueLength
        let zero = [UInt8](repeating: 0, count: length)
        let one = [1] + [UInt8](repeating: 0, count: length - 1)
        for bad in [zero, one] {
            let error = #expect(throws: CryptoError.self) {
                try pair.sharedSecret(peerPublicValue: bad)
            }
            #expect(error?.code == .invalidSharedSecret)
        }
    }

    @Test func privateValuesOutOfRangeAreRejected() {
        let zero = SecretBytes([UInt8](repeating: 0, count: 32))
        let error = #expect(throws: CryptoError.self) {
            try DHKeyPair(group: .ecp256, privateValue: zero)
        }
        #expect(error?.code == .invalidKey)
        let short = #expect(throws: CryptoError.self) {
            try DHKeyPair(group: .curve25519, privateValue: SecretBytes([1, 2, 3]))
        }
        #expect(short?.code == .invalidKey)
    }

    /// The private exponent of a MODP group without a subgroup order has exactly twice the
    /// group's strength in bits (at least 256).
    @Test func modpExponentLengthFollowsTheGroupsStrength() throws {
        #expect(try MODPDomain.of(.modp2048).exponentBits == 256)
        #expect(try MODPDomain.of(.modp8192).exponentBits == 400)
        #expect(try MODPDomain.of(.modp3072).exponentBits == 256)
    }
}
