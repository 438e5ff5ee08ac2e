import IKECore
import IKECrypto
import Testing

@testable import IKEEngine

/// The IKEv2 key derivation (RFC 7296 sections 2.14, 2.17, 2.18) against a published
/// known answer: the sample of NIST's SP 800-135 IKEv2 KDF test (CAVS, PRF HMAC-SHA-1,
/// DKM length 1056 bits) that Libreswan republishes in the comment of its
/// programs/cavp IKEv2 test driver. The engine's own derivation functions are run on the
/// vector's inputs.
@Suite("IKEv2 key derivation known answers (SP 800-135)")
struct IKEv2KDFKnownAnswerTests {
    static let gir = IPsecTestSupport.hex(
        "4b2c1f971981a8ad8d0abeafabf38cf75fc8349c148142465ed9c8b516b8be52")
    static let girNew = IPsecTestSupport.hex(
        "863f3c9d06efd39d2b907b97f8699e5dd5251ef64a2a176f36ee40c87d4f9330")
    static let ni = IPsecTestSupport.hex("32b50d5f4a3763f3")
    static let nr = IPsecTestSupport.hex("9206a04b26564cb1")
    static let spiI: UInt64 = 0x34c9_e7c1_8886_8785
    static let spiR: UInt64 = 0x3ff7_7d76_0d2b_2199
    static let skeyseed = IPsecTestSupport.hex("a9a7b222b59f8f48645f28a1db5b5f5d7479cba7")
    static let dkm = IPsecTestSupport.hex(
        "a14293677cc80ff8f9cc0eee30d895da9d8f405666e30ef0dfcb63c634a46002a2a63080e514a062"
            + "768b76606f9fa5e992204fc5a670bde3f10d6b027113936a5c55b648a194ae587b0088d52204"
            + "b702c979fa280870d2ed41efa9c549fd11198af1670b143d384bd275c5f594cf266b05ebadca"
            + "855e4249520a441a81157435a7a56cc4")
    static let dkmChild = IPsecTestSupport.hex(
        "8059e3ee8810e6c3a91bc8bcd2a7a41151b8d0e6ae239c7b38093ad85ef4c5811a8e7b5d1cdabd95"
            + "60b2d5e092d1f24e2d4b85eccdf0ad0dc9abd94b51ee71814ca6dbc8bb51b6309f5b9545c7eb"
            + "35cf5580b1e521a8fe20754a2d883ba0c2cf285f524aea6545b33106bc03e614296d319d41d4"
            + "b50b3f510b1c0a22f3e664994d234cb4")
    static let dkmChildDH = IPsecTestSupport.hex(
        "bb43244c1860ad65ee1e211ffe8bb3661750c8f89cb9f547df7f4fa61d37301628190e38c66232ea"
            + "b4b3ab14c400a5197dd3730ed4820a8a10394d51e1c0400052f63ebd36b0e7ef53aaed31eba4"
            + "a5080d7d4b5666023a8bbb5ffb7857240f9a05884d1b7d2f933708450b7b3288f1fc863ab49f"
            + "a901227cffc06e27899c7054d56fd74c")
    static let skeyseedRekey = IPsecTestSupport.hex("63e81194946ebd05df7df5ebf5d8750056bf1f1d")

    /// AES-128-CBC, HMAC-SHA1-96 and PRF HMAC-SHA1: SK_d, SK_a*, SK_e*, SK_p* take
    /// 3 * 20 + 2 * 20 + 2 * 16 = 132 octets, the vector's whole DKM.
    static let proposal = TestSupport.ike("aes128-sha1-prfsha1-modp2048")

    static func initialKeys() throws -> IKEv2KeyMaterial {
        try IKEv2KeyMaterial.initial(
            proposal: proposal, sharedSecret: SecretBytes(gir), initiatorNonce: ni,
            responderNonce: nr, initiatorSPI: spiI, responderSPI: spiR, weAreInitiator: true)
    }

    static func concatenated(_ keys: IKEv2SAKeys) -> [UInt8] {
        [keys.skD, keys.skAi, keys.skAr, keys.skEi, keys.skEr, keys.skPi, keys.skPr]
            .flatMap(\.revealed)
    }

    @Test func skeyseedAndTheSevenKeysAreTheVectorsDKM() throws {
        let keys = try Self.initialKeys().keys
        #expect(Self.concatenated(keys) == Self.dkm)
        // SKEYSEED itself is internal to the derivation; prf+ from the vector's SKEYSEED
        // gives the same stream.
        let prf = try PRF(.hmacSHA1)
        let seed =
            Self.ni + Self.nr + KeyDerivationTests.spi(Self.spiI)
            + KeyDerivationTests.spi(Self.spiR)
        let expanded = try prf.plus(key: SecretBytes(Self.skeyseed), seed: seed, length: 132)
        #expect(expanded.revealed == Self.dkm)
    }

    @Test(arguments: [false, true])
    func childSAKeysArePrefixesOfTheVectorsChildDKM(withDH: Bool) throws {
        let keyMaterial = try Self.initialKeys()
        let esp = TestSupport.esp("aes128-sha1")
        let child = try ChildSATask.makeChildSA(
            configuration: TestSupport.child(initiatorSide: true, proposals: [esp]),
            proposal: esp, inboundSPI: 1, outboundSPI: 2,
            localSelectors: [TestSupport.network("10.1.0.0/16")],
            remoteSelectors: [TestSupport.network("10.2.0.0/16")], mode: .tunnel,
            keyMaterial: keyMaterial, sharedSecret: withDH ? SecretBytes(Self.girNew) : nil,
            initiatorNonce: Self.ni, responderNonce: Self.nr, exchangeRole: .initiator,
            udpEncapsulation: false, generation: 0)
        let expected = withDH ? Self.dkmChildDH : Self.dkmChild
        // KEYMAT order (section 2.17): initiator's encryption and integrity keys, then the
        // responder's; we are the initiator, so outbound first.
        let keymat = [
            child.keys.outboundEncryptionKey, child.keys.outboundIntegrityKey,
            child.keys.inboundEncryptionKey, child.keys.inboundIntegrityKey,
        ].flatMap(\.revealed)
        #expect(keymat.count == 2 * (16 + 20))
        #expect(keymat == Array(expected.prefix(keymat.count)))
    }

    @Test func aRekeyedIKESAStartsFromTheVectorsRekeySKEYSEED() throws {
        let old = try Self.initialKeys()
        let rekeyed = try IKEv2KeyMaterial.rekeyed(
            from: old, proposal: Self.proposal, sharedSecret: SecretBytes(Self.girNew),
            initiatorNonce: Self.ni, responderNonce: Self.nr, initiatorSPI: Self.spiI,
            responderSPI: Self.spiR, weAreInitiator: true)
        let prf = try PRF(.hmacSHA1)
        let expanded = try prf.plus(
            key: SecretBytes(Self.skeyseedRekey),
            seed: Self.ni + Self.nr + KeyDerivationTests.spi(Self.spiI)
                + KeyDerivationTests.spi(Self.spiR),
            length: 132)
        #expect(Self.concatenated(rekeyed.keys) == expanded.revealed)
    }
}
