import IKECore
import Testing

@testable import IKECrypto

@Suite struct RandomTests {
    /// The keystream was computed independently with the openssl command line:
    /// `openssl enc -aes-256-ctr -K $(printf ikec | sha256sum) -iv 0` over 48 zero octets.
    @Test func seededRandomIsAES256CTRUnderTheSeedsSHA256() {
        let random = SeededRandom(seed: "ikec")
        let expected = [UInt8](
            hex: "bb658d593bdd2b2976d24e713ce0667f50bbbc12773af6da28d357f326ef753f"
                + "707bfbcb79109a9cb4ee75b6f6a0550f")
        #expect(random.bytes(48) == expected)
    }

    @Test func seededRandomGivesTheSameStreamHoweverItIsCut() {
        let whole = SeededRandom(seed: "dry-run").bytes(100)
        let pieces = SeededRandom(seed: "dry-run")
        let cut = pieces.bytes(1) + pieces.bytes(33) + pieces.bytes(0) + pieces.bytes(66)
        #expect(cut == whole)
    }

    @Test func seededRandomFromTextEqualsSeedFromItsUTF8Octets() {
        #expect(
            SeededRandom(seed: "é-seed").bytes(32)
                == SeededRandom(seed: Array("é-seed".utf8)).bytes(32))
    }

    @Test func differentSeedsGiveDifferentStreams() {
        #expect(SeededRandom(seed: "a").bytes(32) != SeededRandom(seed: "b").bytes(32))
    }

    @Test func seededKeyPairsAreReproducible() throws {
        let first = try DHKeyPair.generate(group: .ecp256, random: SeededRandom(seed: "s"))
        let second = try DHKeyPair.generate(group: .ecp256, random: SeededRandom(seed: "s"))
        let third = try DHKeyPair.generate(group: .modp2048, random: SeededRandom(seed: "s"))
        let fourth = try DHKeyPair.generate(group: .modp2048, random: SeededRandom(seed: "s"))
        #expect(first.publicValue == second.publicValue)
        #expect(third.publicValue == fourth.publicValue)
    }

    @Test func systemRandomGivesTheRequestedLengthAndVaries() {
        let random = SystemRandom()
        let first = random.bytes(32)
        #expect(first.count == 32)
        #expect(random.bytes(0).isEmpty)
        #expect(random.bytes(32) != first)
    }
}
