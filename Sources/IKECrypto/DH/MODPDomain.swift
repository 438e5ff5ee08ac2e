internal import CCrypto
import IKECore

/// The fixed parameters of a finite-field (MODP) group, built once per process: the prime
/// p, the generator g, the subgroup order q where the RFC gives one, and a Montgomery
/// context for p.
///
/// Nothing here changes after init; exponentiation only reads these objects, so one
/// instance serves every thread.
final class MODPDomain: @unchecked Sendable {
    let group: DHGroup
    let prime: BigNumber
    let generator: BigNumber
    /// The prime order of the subgroup g generates, for the RFC 5114 groups (22-24).
    let subgroupOrder: BigNumber?
    let primeMinusOne: BigNumber
    let montgomery: OpaquePointer
    /// Length of p, and so of public values and shared secrets, in octets.
    let length: Int
    /// Bits of a private exponent for groups without a subgroup order.
    let exponentBits: Int

    private init(group: DHGroup, prime: BigNumber, generator: BigNumber, order: BigNumber?)
        throws
    {
        self.group = group
        self.prime = prime
        self.generator = generator
        self.subgroupOrder = order
        length = (prime.bitCount + 7) / 8
        primeMinusOne = try BigNumber()
        try check(BN_sub(primeMinusOne.pointer, prime.pointer, BN_value_one()), "BN_sub")
        let context = try BigNumberContext()
        montgomery = try checkPointer(BN_MONT_CTX_new(), "BN_MONT_CTX_new")
        try check(BN_MONT_CTX_set(montgomery, prime.pointer, context.pointer), "BN_MONT_CTX_set")
        // Private exponents of twice the group's security strength (NIST SP 800-56A
        // section 5.6.1.1.1 asks for at least that), never fewer than 256 bits.
        exponentBits = min(prime.bitCount - 1, max(256, 2 * group.info.securityBits))
    }

    deinit { BN_MONT_CTX_free(montgomery) }

    /// The domain of a MODP group.
    static func of(_ group: DHGroup) throws -> MODPDomain {
        switch group {
        case .modp768: return try modp768.get()
        case .modp1024: return try modp1024.get()
        case .modp1536: return try modp1536.get()
        case .modp2048: return try modp2048.get()
        case .modp3072: return try modp3072.get()
        case .modp4096: return try modp4096.get()
        case .modp6144: return try modp6144.get()
        case .modp8192: return try modp8192.get()
        case .modp1024s160: return try modp1024s160.get()
        case .modp2048s224: return try modp2048s224.get()
        case .modp2048s256: return try modp2048s256.get()
        default:
            preconditionFailure("MODPDomain.of is called only for MODP groups")
        }
    }

    // RFC 2409 section 6.1/6.2 and RFC 3526: libcrypto carries these primes; g = 2.
    private static let modp768 = Result { try rfcPrime(.modp768, BN_get_rfc2409_prime_768) }
    private static let modp1024 = Result { try rfcPrime(.modp1024, BN_get_rfc2409_prime_1024) }
    private static let modp1536 = Result { try rfcPrime(.modp1536, BN_get_rfc3526_prime_1536) }
    private static let modp2048 = Result { try rfcPrime(.modp2048, BN_get_rfc3526_prime_2048) }
    private static let modp3072 = Result { try rfcPrime(.modp3072, BN_get_rfc3526_prime_3072) }
    private static let modp4096 = Result { try rfcPrime(.modp4096, BN_get_rfc3526_prime_4096) }
    private static let modp6144 = Result { try rfcPrime(.modp6144, BN_get_rfc3526_prime_6144) }
    private static let modp8192 = Result { try rfcPrime(.modp8192, BN_get_rfc3526_prime_8192) }
    // RFC 5114 sections 2.1-2.3: p, q and g from libcrypto's named groups.
    private static let modp1024s160 = Result { try named(.modp1024s160, "dh_1024_160") }
    private static let modp2048s224 = Result { try named(.modp2048s224, "dh_2048_224") }
    private static let modp2048s256 = Result { try named(.modp2048s256, "dh_2048_256") }

    private static func rfcPrime(
        _ group: DHGroup, _ make: (OpaquePointer?) -> OpaquePointer?
    ) throws -> MODPDomain {
        let prime = BigNumber(owning: try checkPointer(make(nil), "RFC prime for \(group)"))
        let generator = try BigNumber()
        try check(BN_set_word(generator.pointer, 2), "BN_set_word")
        return try MODPDomain(group: group, prime: prime, generator: generator, order: nil)
    }

    private static func named(_ group: DHGroup, _ name: String) throws -> MODPDomain {
        let context = EVPKeyContext(
            owning: try checkPointer(
                EVP_PKEY_CTX_new_from_name(nil, "DH", nil), "EVP_PKEY_CTX_new_from_name DH"))
        try check(EVP_PKEY_fromdata_init(context.pointer), "EVP_PKEY_fromdata_init")
        var key: OpaquePointer?
        try withStringParameters([("group", name)]) { params in
            try check(
                EVP_PKEY_fromdata(context.pointer, &key, EVP_PKEY_KEY_PARAMETERS, params),
                "EVP_PKEY_fromdata \(name)")
        }
        let parameters = EVPKey(owning: try checkPointer(key, "named group \(name)"))
        func parameter(_ field: String) throws -> BigNumber {
            var value: OpaquePointer?
            try check(
                EVP_PKEY_get_bn_param(parameters.pointer, field, &value),
                "EVP_PKEY_get_bn_param \(field)")
            return BigNumber(owning: try checkPointer(value, "parameter \(field)"))
        }
        return try MODPDomain(
            group: group, prime: try parameter("p"), generator: try parameter("g"),
            order: try parameter("q"))
    }
}
