import IKECore
import IKECrypto
import IKEEngine

// Full in-memory IKEv1 negotiations (main mode, then quick mode for one ESP SA) against
// the floor: the same cryptographic calls made alone, in the same run. The floor has the
// four Diffie-Hellman operations, every HMAC of SKEYID, SKEYID_d/a/e, HASH_I and HASH_R
// (made and checked), the quick mode HASH(1), HASH(2), HASH(3) (made and checked) and the
// KEYMAT of both SAs on each side, the hashes of the phase 1 and quick mode IVs and of NAT
// detection, the cipher key setup on each side, and the AES-CBC seal and open of the five
// encrypted messages. The ratio floor / engine is the share of the engine's time that is
// cryptography.
//
// Wall-clock rounds on a shared, loaded machine vary a lot; the same ratio in executed
// instructions is steadier: `IKEC_BENCH_SCALE=0.05 valgrind --tool=callgrind` and compare
// the inclusive counts of `negotiateInMemory` and `cryptoFloor` (both kept out of line for
// that).

/// The `ikev1` benchmark suite.
enum IKEv1Benchmark {
    /// The suite for main.swift's list.
    static var suite: BenchmarkSuite {
        BenchmarkSuite(
            name: "ikev1",
            summary: "in-memory IKEv1 main mode + quick mode per second against the same "
                + "crypto calls alone",
            run: run)
    }

    private static let cipher = Cipher(.aesCBC, keyBits: 256)

    private static func run() throws {
        let pair = makePair()
        let check = try negotiateInMemory(pair)
        guard let initiatorSA = check.initiator.ikeSA,
            initiatorSA.keys == check.responder.ikeSA?.keys,
            check.initiator.childSAs.count == 1, check.responder.childSAs.count == 1
        else { throw BenchmarkFailure("ikev1: the negotiation did not complete") }

        let (engine, floor) = try engineAgainstFloor(
            iterations: scaledIterations(30), rounds: 8,
            engine: { _ = try negotiateInMemory(pair) }, floor: cryptoFloor)
        printEngineAgainstFloor(
            "PSK, MODP-2048, AES-256-CBC, SHA-256, one ESP SA (main mode + quick mode):",
            engineLabel: "engine negotiation", engine: engine, floor: floor)
    }

    // MARK: - The floor

    @inline(never)
    private static func cryptoFloor() throws {
        let random = SystemRandom()
        let prf = PRF(hmac: .sha256)
        let hash = Hash(.sha256)

        // The four Diffie-Hellman operations.
        let initiator = try DHKeyPair.generate(group: .modp2048, random: random)
        let responder = try DHKeyPair.generate(group: .modp2048, random: random)
        let secret = try initiator.sharedSecret(peerPublicValue: responder.publicValue)
        _ = try responder.sharedSecret(peerPublicValue: initiator.publicValue)

        // Each side: SKEYID and its three derivatives, the first IV, NAT-D (two hashes
        // made, two checked), the phase 2 IV of the quick mode, and the cipher setup.
        let ni = random.bytes(32)
        let nr = random.bytes(32)
        let psk = SecretBytes(utf8: "benchmark pre-shared key")
        let cookies = random.bytes(16)
        var skeyidA = SecretBytes([])
        var skeyidD = SecretBytes([])
        var ciphers: [BlockCipher] = []
        for _ in 0..<2 {
            let skeyid = try prf(key: psk, data: ni + nr)
            skeyidD = try prf(key: skeyid, data: secret + SecretBytes(cookies + [0]))
            skeyidA = try prf(key: skeyid, data: skeyidD + secret + SecretBytes(cookies + [1]))
            let skeyidE = try prf(key: skeyid, data: skeyidA + secret + SecretBytes(cookies + [2]))
            _ = try hash.digest(initiator.publicValue + responder.publicValue)
            for _ in 0..<4 { _ = try hash.digest(cookies + [192, 0, 2, 1, 1, 244]) }
            _ = try hash.digest(random.bytes(20))
            ciphers.append(try BlockCipher(cipher, keyMaterial: skeyidE))
        }

        // HASH_I and HASH_R, each made and checked.
        let hashInput =
            initiator.publicValue + responder.publicValue + cookies
            + random.bytes(60)
        for _ in 0..<4 { _ = try prf(key: skeyidA, data: hashInput) }

        // Quick mode HASH(1), HASH(2), HASH(3), each made and checked; KEYMAT of both SAs
        // on both sides (64 octets each: two HMACs).
        let payloads = random.bytes(130)
        for _ in 0..<6 { _ = try prf(key: skeyidA, data: payloads) }
        let seed = SecretBytes([3] + random.bytes(4) + ni + nr)
        for _ in 0..<4 {
            let first = try prf(key: skeyidD, data: seed)
            _ = try prf(key: skeyidD, data: first + seed)
        }

        // The five encrypted messages, each sealed once and opened once.
        let iv = random.bytes(16)
        for length in [64, 64, 160, 160, 48] {
            let plaintext = [UInt8](repeating: 7, count: length)
            let sealed = try ciphers[0].encrypt(plaintext, iv: iv)
            _ = try ciphers[1].decrypt(sealed, iv: iv)
        }
    }

    // MARK: - Configuration

    private static func makePair() -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        let psk = SecretBytes(utf8: "benchmark pre-shared key")
        let ike = Proposal(
            protocolID: .ike, encryption: [cipher], integrity: [.hmacSHA256_128],
            dhGroups: [.modp2048])
        let esp = Proposal(protocolID: .esp, encryption: [cipher], integrity: [.hmacSHA256_128])
        let left = IPAddress("192.0.2.1")!
        let right = IPAddress("192.0.2.2")!
        let leftNet = TrafficSelector(network: IPNetwork("10.1.0.0/16")!)
        let rightNet = TrafficSelector(network: IPNetwork("10.2.0.0/16")!)
        func side(
            local: IPAddress, remote: IPAddress, localID: String, remoteID: String,
            ours: TrafficSelector, theirs: TrafficSelector
        ) -> IKEPeerConfiguration {
            IKEPeerConfiguration(
                version: .v1, local: Endpoint(address: local), remote: Endpoint(address: remote),
                localIdentity: .fqdn(localID), remoteIdentity: .fqdn(remoteID),
                ikeProposals: [ike], localAuthentication: .preSharedKey(psk),
                remoteAuthentication: .preSharedKey(psk),
                children: [
                    ChildConfiguration(
                        name: "lan", localSelectors: [ours], remoteSelectors: [theirs],
                        proposals: [esp])
                ], validationTime: 1_893_456_000)
        }
        return (
            side(
                local: left, remote: right, localID: "branch.example.net",
                remoteID: "hq.example.net", ours: leftNet, theirs: rightNet),
            side(
                local: right, remote: left, localID: "hq.example.net",
                remoteID: "branch.example.net", ours: rightNet, theirs: leftNet)
        )
    }
}
