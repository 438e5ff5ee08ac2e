import IKECore
import IKECrypto

/// The IKEv1 key schedule as pure functions (RFC 2409 section 5, section 5.5 and appendix
/// B): SKEYID for each authentication family, its three derivatives, the cipher key, the
/// CBC IVs, HASH_I / HASH_R, and quick mode KEYMAT. The PRF is always the HMAC of the
/// negotiated hash (RFC 2409 section 4: no PRF attribute is negotiated by this engine).
///
/// The sessions use these functions; they are public so that tests, key exports and
/// packet captures can recompute a value from its published inputs.
public enum IKEv1KeyDerivation {
    /// What SKEYID is computed from: the three families of RFC 2409 section 5.
    public enum SKEYIDInput: Sendable {
        /// Digital signatures (section 5.1): prf(Ni_b | Nr_b, g^xy).
        case signature
        /// Public key encryption (sections 5.2, 5.3): prf(hash(Ni_b | Nr_b), CKY-I | CKY-R).
        case publicKeyEncryption
        /// A pre-shared key (section 5.4): prf(pre-shared-key, Ni_b | Nr_b).
        case preSharedKey(SecretBytes)
    }

    // RFC 2409 section 5: SKEYID by authentication family.
    /// SKEYID.
    public static func skeyid(
        _ input: SKEYIDInput, hash: HashAlgorithm, sharedSecret: SecretBytes,
        initiatorNonce: [UInt8], responderNonce: [UInt8], initiatorCookie: UInt64,
        responderCookie: UInt64
    ) throws -> SecretBytes {
        let prf = PRF(hmac: hash)
        let nonces = initiatorNonce + responderNonce
        switch input {
        case .signature:
            return try prf(key: nonces, data: sharedSecret)
        case .publicKeyEncryption:
            let key = try Hash(hash).digest(nonces)
            return SecretBytes(try prf(key: key, data: cookies(initiatorCookie, responderCookie)))
        case .preSharedKey(let secret):
            return try prf(key: secret, data: nonces)
        }
    }

    // RFC 2409 section 5:
    //   SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0)
    //   SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1)
    //   SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2)
    /// SKEYID_d, SKEYID_a and SKEYID_e.
    public static func derivatives(
        hash: HashAlgorithm, skeyid: SecretBytes, sharedSecret: SecretBytes,
        initiatorCookie: UInt64, responderCookie: UInt64
    ) throws -> (d: SecretBytes, a: SecretBytes, e: SecretBytes) {
        let prf = PRF(hmac: hash)
        let cookieOctets = cookies(initiatorCookie, responderCookie)
        func suffix(_ number: UInt8) -> SecretBytes { SecretBytes(cookieOctets + [number]) }
        let skeyidD = try prf(key: skeyid, data: sharedSecret + suffix(0))
        let skeyidA = try prf(key: skeyid, data: skeyidD + sharedSecret + suffix(1))
        let skeyidE = try prf(key: skeyid, data: skeyidA + sharedSecret + suffix(2))
        return (skeyidD, skeyidA, skeyidE)
    }

    // RFC 2409 appendix B: when a key is shorter than the cipher needs, the key is the
    // first octets of K1 | K2 | ..., K1 = prf(key, 0) (one zero octet), Kn = prf(key, Kn-1);
    // when it is long enough, its first octets.
    /// `length` octets of cipher key from `key` (SKEYID_e, or Ne_i / Ne_r of RFC 2409
    /// section 5.3).
    public static func expand(hash: HashAlgorithm, key: SecretBytes, length: Int) throws
        -> SecretBytes
    {
        if key.count >= length { return key.slice(0..<length) }
        let prf = PRF(hmac: hash)
        var block = try prf(key: key, data: [0])
        var stream = block
        while stream.count < length {
            block = try prf(key: key, data: block)
            stream = stream + block
        }
        return stream.slice(0..<length)
    }

    /// The key of the negotiated cipher (Wireshark's "Ka"), from SKEYID_e.
    public static func encryptionKey(hash: HashAlgorithm, skeyidE: SecretBytes, cipher: Cipher)
        throws -> SecretBytes
    {
        try expand(hash: hash, key: skeyidE, length: cipher.keyMaterialLength)
    }

    // RFC 2409 appendix B: the first phase 1 IV is hash(g^xi | g^xr), cut to the block size.
    /// The IV of the first encrypted phase 1 message.
    public static func phase1IV(
        hash: HashAlgorithm, initiatorPublicValue: [UInt8], responderPublicValue: [UInt8],
        blockSize: Int
    ) throws -> [UInt8] {
        let digest = try Hash(hash).digest(initiatorPublicValue + responderPublicValue)
        return Array(digest.prefix(blockSize))
    }

    // RFC 2409 appendix B: a quick mode or informational exchange starts from
    // hash(last phase 1 CBC output block | M-ID), cut to the block size.
    /// The IV of the first message of the phase 2 exchange `messageID`.
    public static func phase2IV(
        hash: HashAlgorithm, lastPhase1Block: [UInt8], messageID: UInt32, blockSize: Int
    ) throws -> [UInt8] {
        var input = lastPhase1Block
        appendBigEndian(messageID, to: &input)
        return Array(try Hash(hash).digest(input).prefix(blockSize))
    }

    // RFC 2409 section 5:
    //   HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b)
    //   HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)
    /// HASH_I (`initiator` true) or HASH_R: the sender's public value comes first, then
    /// the sender's cookie, then the initiator's SA payload body and the sender's ID body.
    public static func phase1Hash(
        initiator: Bool, hash: HashAlgorithm, skeyid: SecretBytes,
        initiatorPublicValue: [UInt8], responderPublicValue: [UInt8], initiatorCookie: UInt64,
        responderCookie: UInt64, saBody: [UInt8], idBody: [UInt8]
    ) throws -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(
            initiatorPublicValue.count + responderPublicValue.count + 16 + saBody.count
                + idBody.count)
        if initiator {
            data += initiatorPublicValue
            data += responderPublicValue
            data += cookies(initiatorCookie, responderCookie)
        } else {
            data += responderPublicValue
            data += initiatorPublicValue
            data += cookies(responderCookie, initiatorCookie)
        }
        data += saBody
        data += idBody
        return try PRF(hmac: hash)(key: skeyid, data: data).revealed
    }

    // RFC 2409 section 5.5 and 5.7: HASH(1) = prf(SKEYID_a, M-ID | payloads after HASH),
    // HASH(2) = prf(SKEYID_a, M-ID | Ni_b | payloads after HASH),
    // HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b).
    /// A quick mode or informational HASH: prf(SKEYID_a, [0 |] M-ID | `data`).
    public static func exchangeHash(
        hash: HashAlgorithm, skeyidA: SecretBytes, messageID: UInt32, leadingZero: Bool = false,
        data: [UInt8]
    ) throws -> [UInt8] {
        var input: [UInt8] = leadingZero ? [0] : []
        input.reserveCapacity(5 + data.count)
        appendBigEndian(messageID, to: &input)
        input += data
        return try PRF(hmac: hash)(key: skeyidA, data: input).revealed
    }

    // RFC 2409 section 5.5: KEYMAT = K1 | K2 | ..., with
    //   K1 = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b)
    //   Kn = prf(SKEYID_d, Kn-1 | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b)
    // SPI is the one the receiver of that SA chose, so each direction has its own KEYMAT.
    /// `length` octets of KEYMAT for the SA with `spi`.
    public static func quickModeKeyMaterial(
        hash: HashAlgorithm, skeyidD: SecretBytes, sharedSecret: SecretBytes?,
        protocolID: SecurityProtocol, spi: UInt32, initiatorNonce: [UInt8],
        responderNonce: [UInt8], length: Int
    ) throws -> SecretBytes {
        let prf = PRF(hmac: hash)
        var tail: [UInt8] = [protocolID.rawValue]
        appendBigEndian(spi, to: &tail)
        tail += initiatorNonce
        tail += responderNonce
        let seed = (sharedSecret ?? SecretBytes([])) + SecretBytes(tail)

        var block = try prf(key: skeyidD, data: seed)
        var stream = block
        while stream.count < length {
            block = try prf(key: skeyidD, data: block + seed)
            stream = stream + block
        }
        return stream.slice(0..<length)
    }

    /// CKY-I | CKY-R (or the reverse, as the caller orders them).
    static func cookies(_ first: UInt64, _ second: UInt64) -> [UInt8] {
        var octets: [UInt8] = []
        octets.reserveCapacity(16)
        appendBigEndian(first, to: &octets)
        appendBigEndian(second, to: &octets)
        return octets
    }
}
