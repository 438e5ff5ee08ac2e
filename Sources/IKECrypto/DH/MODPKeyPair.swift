internal import CCrypto
import IKECore

/// Finite-field Diffie-Hellman (RFC 2409 section 6, RFC 3526, RFC 5114): the private
/// exponent and g^x mod p.
final class MODPPrivateValue: @unchecked Sendable {
    // The exponent is written in init only; exponentiation reads it.
    private let domain: MODPDomain
    private let exponent: BigNumber
    let publicValue: [UInt8]

    /// A private value drawn from `random`.
    ///
    /// With a subgroup order q (RFC 5114 groups): x uniform in [1, q-1], from 8 octets
    /// more than q's length reduced modulo q-1. Otherwise x has exactly
    /// `domain.exponentBits` bits (the top bit set), twice the group's strength.
    convenience init(domain: MODPDomain, random: RandomSource) throws {
        let exponent: BigNumber
        if let order = domain.subgroupOrder {
            var octets = random.bytes((order.bitCount + 7) / 8 + 8)
            defer { for index in octets.indices { octets[index] = 0 } }
            exponent = try Reduction.intoRange(octets, order: order)
        } else {
            var octets = random.bytes((domain.exponentBits + 7) / 8)
            defer { for index in octets.indices { octets[index] = 0 } }
            let excess = octets.count * 8 - domain.exponentBits
            octets[0] &= 0xFF >> excess
            octets[0] |= 0x80 >> excess
            exponent = try BigNumber(bigEndian: octets)
        }
        try self.init(domain: domain, exponent: exponent)
    }

    /// A given private value (known-answer tests): 1 <= x < p - 1.
    convenience init(domain: MODPDomain, privateValue: SecretBytes) throws {
        let exponent = try privateValue.withUnsafeBytes { try BigNumber(bigEndian: $0) }
        guard !BN_is_zero(exponent.pointer).isTrue,
            BN_cmp(exponent.pointer, domain.primeMinusOne.pointer) < 0
        else {
            throw CryptoError(.invalidKey, "a MODP private value must lie in [1, p-2]")
        }
        try self.init(domain: domain, exponent: exponent)
    }

    private init(domain: MODPDomain, exponent: BigNumber) throws {
        self.domain = domain
        self.exponent = exponent
        BN_set_flags(exponent.pointer, BN_FLG_CONSTTIME)
        let context = try BigNumberContext()
        let value = try BigNumber()
        try check(
            BN_mod_exp_mont_consttime(
                value.pointer, domain.generator.pointer, exponent.pointer, domain.prime.pointer,
                context.pointer, domain.montgomery), "BN_mod_exp_mont_consttime g^x")
        publicValue = try value.bytes(paddedTo: domain.length)
    }

    /// g^xy mod p, padded to the prime's length (RFC 7296 section 3.4), after checking the
    /// peer's value: exactly p's length, 1 < y < p-1, and for RFC 5114 groups y^q = 1
    /// (RFC 6989 section 2.2).
    func sharedSecret(peer: [UInt8]) throws -> SecretBytes {
        guard peer.count == domain.length else {
            throw CryptoError(
                .invalidPublicValue,
                "a \(domain.group) public value is \(domain.length) octets, not \(peer.count)")
        }
        let y = try BigNumber(bigEndian: peer)
        guard BN_cmp(y.pointer, BN_value_one()) > 0,
            BN_cmp(y.pointer, domain.primeMinusOne.pointer) < 0
        else {
            throw CryptoError(.invalidPublicValue, "the peer's value is not in (1, p-1)")
        }
        let context = try BigNumberContext()
        if let order = domain.subgroupOrder {
            let check = try BigNumber()
            try IKECrypto.check(
                BN_mod_exp_mont(
                    check.pointer, y.pointer, order.pointer, domain.prime.pointer,
                    context.pointer, domain.montgomery), "BN_mod_exp_mont y^q")
            guard BN_is_one(check.pointer).isTrue else {
                throw CryptoError(
                    .invalidPublicValue, "the peer's value is outside the prime-order subgroup")
            }
        }

        let shared = try BigNumber()
        try check(
            BN_mod_exp_mont_consttime(
                shared.pointer, y.pointer, exponent.pointer, domain.prime.pointer,
                context.pointer, domain.montgomery), "BN_mod_exp_mont_consttime y^x")
        return SecretBytes(try shared.bytes(paddedTo: domain.length))
    }
}

extension Int32 {
    /// OpenSSL's C truth value.
    var isTrue: Bool { self != 0 }
}

/// Drawing private scalars and exponents into a range without bias worth measuring.
enum Reduction {
    /// (octets mod (order - 1)) + 1: a value in [1, order - 1]. With 64 bits more input
    /// than the order has, the bias is below 2^-64.
    static func intoRange(_ octets: [UInt8], order: BigNumber) throws -> BigNumber {
        let wide = try BigNumber(bigEndian: octets)
        let orderMinusOne = try BigNumber()
        try check(BN_sub(orderMinusOne.pointer, order.pointer, BN_value_one()), "BN_sub")
        let context = try BigNumberContext()
        let result = try BigNumber()
        try check(
            BN_nnmod(result.pointer, wide.pointer, orderMinusOne.pointer, context.pointer),
            "BN_nnmod")
        try check(BN_add(result.pointer, result.pointer, BN_value_one()), "BN_add")
        return result
    }
}
