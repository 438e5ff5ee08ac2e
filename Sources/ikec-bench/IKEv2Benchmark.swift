import Foundation
import IKECore
import IKECrypto
import IKEEngine

// Full in-memory IKEv2 handshakes (IKE_SA_INIT, IKE_AUTH, one Child SA) against the
// floor: the same cryptographic calls made alone, in the same run. The floor has the
// four Diffie-Hellman operations, every PRF and prf+ call of the key derivation and the
// AUTH payloads, the AEAD or CBC seals and opens of the two IKE_AUTH messages with their
// key setup, the eight SHA-1 hashes of NAT detection, and for certificates the two
// signatures, two verifications, and the parsing and chain validation of the two
// certificates received. The ratio floor / engine is
// the share of the engine's time that is cryptography; the goal is at least 0.85.
//
// On a shared, loaded machine wall-clock rounds vary a lot; the same ratio in executed
// instructions is steadier: `IKEC_BENCH_CASE=X25519 IKEC_BENCH_SCALE=0.05 valgrind
// --tool=callgrind` and compare the inclusive counts of `negotiateInMemory` and
// `cryptoFloor` (both kept out of line for that).

/// The `ikev2` benchmark suite.
enum IKEv2Benchmark {
    /// The suite for main.swift's list.
    static var suite: BenchmarkSuite {
        BenchmarkSuite(
            name: "ikev2",
            summary: "in-memory IKEv2 handshakes per second against the same crypto calls alone",
            run: run)
    }

    private struct Case {
        let name: String
        let pair: (IKEPeerConfiguration, IKEPeerConfiguration)
        let group: DHGroup
        let prf: PseudorandomFunction
        let cipher: Cipher
        let certificates: Credentials?
    }

    private struct Credentials {
        let anchor: Certificate
        let initiatorKey: PrivateKey
        let initiatorCertificate: Certificate
        let responderKey: PrivateKey
        let responderCertificate: Certificate
    }

    private static func run() throws {
        let gcm = Cipher(.aesGCM16, keyBits: 256)
        let cases = [
            Case(
                name: "PSK, X25519, AES-GCM-256", pair: try pskPair(group: .curve25519),
                group: .curve25519, prf: .hmacSHA384, cipher: gcm, certificates: nil),
            Case(
                name: "PSK, MODP-2048, AES-GCM-256", pair: try pskPair(group: .modp2048),
                group: .modp2048, prf: .hmacSHA384, cipher: gcm, certificates: nil),
            try certificateCase(cipher: gcm),
        ]
        // IKEC_BENCH_CASE=text runs only the cases whose name contains the text, and
        // IKEC_BENCH_SCALE=0.1 runs a tenth of the iterations (for profiling one case).
        let only = ProcessInfo.processInfo.environment["IKEC_BENCH_CASE"]
        for benchmark in cases where only.map(benchmark.name.contains) ?? true {
            try measure(benchmark)
        }
    }

    private static func measure(_ benchmark: Case) throws {
        // One checked run first: the figures mean nothing if the handshake fails.
        let check = try negotiateInMemory(benchmark.pair)
        guard check.initiator.ikeSA?.keys == check.responder.ikeSA?.keys,
            check.initiator.childSAs.count == 1
        else { throw BenchmarkFailure("\(benchmark.name): the handshake did not complete") }

        let (engine, floor) = try engineAgainstFloor(
            iterations: scaledIterations(benchmark.group == .modp2048 ? 20 : 100), rounds: 12,
            engine: { _ = try negotiateInMemory(benchmark.pair) },
            floor: { try cryptoFloor(benchmark) })
        printEngineAgainstFloor(
            "\(benchmark.name):", engineLabel: "engine handshake", engine: engine, floor: floor,
            goal: 0.85)
    }

    // MARK: - The floor

    @inline(never)
    private static func cryptoFloor(_ benchmark: Case) throws {
        let random = SystemRandom()
        let prf = try PRF(benchmark.prf)

        // The four Diffie-Hellman operations.
        let initiator = try DHKeyPair.generate(group: benchmark.group, random: random)
        let responder = try DHKeyPair.generate(group: benchmark.group, random: random)
        let secret = try initiator.sharedSecret(peerPublicValue: responder.publicValue)
        _ = try responder.sharedSecret(peerPublicValue: initiator.publicValue)

        // Nonces and SPIs, then SKEYSEED and prf+ on each side.
        let ni = random.bytes(32)
        let nr = random.bytes(32)
        _ = random.bytes(8)
        _ = random.bytes(8)
        let keyLength = 3 * prf.keyLength + 2 * benchmark.cipher.keyMaterialLength
        var keys: SecretBytes = SecretBytes([])
        for _ in 0..<2 {
            let skeyseed = try prf(key: ni + nr, data: secret)
            keys = try prf.plus(key: skeyseed, seed: ni + nr + random.bytes(16), length: keyLength)
        }

        // NAT detection: two hashes sent and two checked on each side.
        let natInput = [UInt8](repeating: 7, count: 22)
        for _ in 0..<8 { _ = try Hash(.sha1).digest(natInput) }

        // AUTH: each side MACs its ID, then signs or MACs; and checks the peer's.
        let skP = keys.slice(0..<prf.keyLength)
        let signedOctets = [UInt8](repeating: 1, count: 420)
        let idBody = [UInt8](repeating: 2, count: 22)
        for _ in 0..<4 { _ = try prf(key: skP, data: idBody) }
        if let credentials = benchmark.certificates {
            try signatureFloor(credentials, signedOctets: signedOctets)
        } else {
            let psk = SecretBytes(utf8: "benchmark pre-shared key")
            for _ in 0..<4 {
                let padded = try prf(key: psk, data: Array("Key Pad for IKEv2".utf8))
                _ = try prf(key: padded, data: SecretBytes(signedOctets))
            }
        }

        // The IKE_AUTH messages: each side keys both directions, seals one, opens one.
        let material = keys.slice(0..<benchmark.cipher.keyMaterialLength)
        let plaintext = [UInt8](repeating: 3, count: benchmark.certificates == nil ? 150 : 700)
        let aad = [UInt8](repeating: 4, count: 32)
        let iv = [UInt8](repeating: 5, count: 8)
        for _ in 0..<2 {
            let outbound = try AEADCipher(benchmark.cipher, keyMaterial: material)
            let inbound = try AEADCipher(benchmark.cipher, keyMaterial: material)
            let sealed = try outbound.seal(plaintext, additionalData: aad, iv: iv)
            _ = try inbound.open(sealed, additionalData: aad, iv: iv)
        }

        // The Child SA's KEYMAT on each side.
        for _ in 0..<2 {
            _ = try prf.plus(
                key: skP, seed: ni + nr, length: 2 * benchmark.cipher.keyMaterialLength)
        }
    }

    private static func signatureFloor(_ credentials: Credentials, signedOctets: [UInt8]) throws {
        let scheme = SignatureScheme.ecdsa(.sha256, .der)
        let validator = CertificateChainValidator(trustAnchors: [credentials.anchor])
        let time = Date(timeIntervalSince1970: 1_893_456_000)
        for (key, sent) in [
            (credentials.initiatorKey, credentials.initiatorCertificate),
            (credentials.responderKey, credentials.responderCertificate),
        ] {
            let certificate = try Certificate(der: sent.der)
            let signature = try key.sign(signedOctets, scheme: scheme)
            _ = try validator.validate(certificate, at: time)
            _ = try certificate.publicKey.verify(signature, for: signedOctets, scheme: scheme)
        }
    }

    // MARK: - Configurations

    private static func pskPair(group: DHGroup) throws
        -> (IKEPeerConfiguration, IKEPeerConfiguration)
    {
        let psk = SecretBytes(utf8: "benchmark pre-shared key")
        return makePair(
            group: group, initiatorAuth: .preSharedKey(psk), responderAuth: .preSharedKey(psk),
            initiatorRemote: .preSharedKey(psk), responderRemote: .preSharedKey(psk))
    }

    private static func certificateCase(cipher: Cipher) throws -> Case {
        let anchor = try Certificate.load(pem: BenchmarkCredentials.caCertificate)[0]
        let credentials = Credentials(
            anchor: anchor,
            initiatorKey: try PrivateKey(pem: BenchmarkCredentials.branchKey),
            initiatorCertificate: try Certificate.load(pem: BenchmarkCredentials.branchCertificate)[
                0],
            responderKey: try PrivateKey(pem: BenchmarkCredentials.hqKey),
            responderCertificate: try Certificate.load(pem: BenchmarkCredentials.hqCertificate)[0])
        let remote = RemoteAuthentication.certificate(trustAnchors: [anchor], pinned: nil)
        let pair = makePair(
            group: .curve25519,
            initiatorAuth: .certificate(
                credentials.initiatorKey, chain: [credentials.initiatorCertificate],
                SignatureSettings()),
            responderAuth: .certificate(
                credentials.responderKey, chain: [credentials.responderCertificate],
                SignatureSettings()),
            initiatorRemote: remote, responderRemote: remote)
        return Case(
            name: "ECDSA P-256 certificates, X25519, AES-GCM-256", pair: pair, group: .curve25519,
            prf: .hmacSHA384, cipher: cipher, certificates: credentials)
    }

    private static func makePair(
        group: DHGroup, initiatorAuth: LocalAuthentication, responderAuth: LocalAuthentication,
        initiatorRemote: RemoteAuthentication, responderRemote: RemoteAuthentication
    ) -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        let ike = Proposal(
            protocolID: .ike, encryption: [Cipher(.aesGCM16, keyBits: 256)], prf: [.hmacSHA384],
            dhGroups: [group])
        let esp = Proposal(protocolID: .esp, encryption: [Cipher(.aesGCM16, keyBits: 256)])
        let left = IPAddress("192.0.2.1")!
        let right = IPAddress("192.0.2.2")!
        let leftNet = TrafficSelector(network: IPNetwork("10.1.0.0/16")!)
        let rightNet = TrafficSelector(network: IPNetwork("10.2.0.0/16")!)
        let initiator = IKEPeerConfiguration(
            version: .v2, local: Endpoint(address: left), remote: Endpoint(address: right),
            localIdentity: .fqdn("branch.example.net"), remoteIdentity: .fqdn("hq.example.net"),
            ikeProposals: [ike], localAuthentication: initiatorAuth,
            remoteAuthentication: initiatorRemote,
            children: [
                ChildConfiguration(
                    name: "lan", localSelectors: [leftNet], remoteSelectors: [rightNet],
                    proposals: [esp])
            ], validationTime: 1_893_456_000)
        let responder = IKEPeerConfiguration(
            version: .v2, local: Endpoint(address: right), remote: Endpoint(address: left),
            localIdentity: .fqdn("hq.example.net"), remoteIdentity: .fqdn("branch.example.net"),
            ikeProposals: [ike], localAuthentication: responderAuth,
            remoteAuthentication: responderRemote,
            children: [
                ChildConfiguration(
                    name: "lan", localSelectors: [rightNet], remoteSelectors: [leftNet],
                    proposals: [esp])
            ], validationTime: 1_893_456_000)
        return (initiator, responder)
    }
}
