internal import CCrypto
import IKECore

/// Elliptic curve Diffie-Hellman over a prime field with RFC 5903 section 7 encodings:
/// a public value is x | y, each padded to the field length, with no point-format octet;
/// the shared secret is the x-coordinate of d * Q, padded the same way.
final class ECPPrivateValue: @unchecked Sendable {
    // The scalar is written in init only; point multiplication reads it.
    private let domain: ECPDomain
    private let scalar: BigNumber
    let publicValue: [UInt8]

    /// A scalar drawn from `random`: 8 octets more than the order, reduced into
    /// [1, n - 1].
    convenience init(domain: ECPDomain, random: RandomSource) throws {
        var octets = random.bytes((domain.order.bitCount + 7) / 8 + 8)
        defer { for index in octets.indices { octets[index] = 0 } }
        try self.init(domain: domain, scalar: try Reduction.intoRange(octets, order: domain.order))
    }

    /// A given scalar (known-answer tests): 1 <= d < n.
    convenience init(domain: ECPDomain, privateValue: SecretBytes) throws {
        let scalar = try privateValue.withUnsafeBytes { try BigNumber(bigEndian: $0) }
        guard !BN_is_zero(scalar.pointer).isTrue, BN_cmp(scalar.pointer, domain.order.pointer) < 0
        else {
            throw CryptoError(.invalidKey, "an ECP private value must lie in [1, n-1]")
        }
        try self.init(domain: domain, scalar: scalar)
    }

    private init(domain: ECPDomain, scalar: BigNumber) throws {
        self.domain = domain
        self.scalar = scalar
        BN_set_flags(scalar.pointer, BN_FLG_CONSTTIME)
        let context = try BigNumberContext()
        let point = try ECPoint(domain)
        try check(
            EC_POINT_mul(domain.curve, point.pointer, scalar.pointer, nil, nil, context.pointer),
            "EC_POINT_mul d*G")
        publicValue = try ECPPrivateValue.encode(point, domain, context)
    }

    /// x(d * Q) after checking the peer's Q: exact length, coordinates below p, on the
    /// curve (RFC 7296 section 5.1: a receiver must check an ECP value is a point of the
    /// group), and a product other than the point at infinity.
    func sharedSecret(peer: [UInt8]) throws -> SecretBytes {
        guard peer.count == 2 * domain.fieldLength else {
            throw CryptoError(
                .invalidPublicValue,
                "a \(domain.group) public value is \(2 * domain.fieldLength) octets, "
                    + "not \(peer.count)")
        }
        let context = try BigNumberContext()
        let peerPoint = try ECPoint(domain)
        let encoded = [0x04] + peer
        guard
            EC_POINT_oct2point(
                domain.curve, peerPoint.pointer, encoded, encoded.count, context.pointer) == 1,
            EC_POINT_is_on_curve(domain.curve, peerPoint.pointer, context.pointer) == 1,
            EC_POINT_is_at_infinity(domain.curve, peerPoint.pointer) == 0
        else {
            throw ErrorQueue.error(.invalidPublicValue, "the peer's value is not a curve point")
        }

        let product = try ECPoint(domain)
        try check(
            EC_POINT_mul(
                domain.curve, product.pointer, nil, peerPoint.pointer, scalar.pointer,
                context.pointer), "EC_POINT_mul d*Q")
        guard EC_POINT_is_at_infinity(domain.curve, product.pointer) == 0 else {
            throw CryptoError(.invalidSharedSecret, "d*Q is the point at infinity")
        }
        let x = try BigNumber()
        try check(
            EC_POINT_get_affine_coordinates(
                domain.curve, product.pointer, x.pointer, nil, context.pointer),
            "EC_POINT_get_affine_coordinates")
        return SecretBytes(try x.bytes(paddedTo: domain.fieldLength))
    }

    /// x | y without the 0x04 octet.
    private static func encode(_ point: ECPoint, _ domain: ECPDomain, _ context: BigNumberContext)
        throws -> [UInt8]
    {
        var out = [UInt8](repeating: 0, count: 1 + 2 * domain.fieldLength)
        let written = EC_POINT_point2oct(
            domain.curve, point.pointer, POINT_CONVERSION_UNCOMPRESSED, &out, out.count,
            context.pointer)
        guard written == out.count else {
            throw ErrorQueue.error(.libraryFailure, "EC_POINT_point2oct")
        }
        return Array(out.dropFirst())
    }
}
