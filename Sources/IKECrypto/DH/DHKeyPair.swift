import IKECore

/// One side's Diffie-Hellman key pair for a KE payload: the private value (kept inside,
/// never exposed) and the public value to send, for every group of `DHGroup`.
///
/// MODP groups: RFC 2409/3526 primes with g = 2 and RFC 5114 primes and generators; ECP
/// groups (NIST P-192..P-521, brainpool) with RFC 5903 encodings; Curve25519 and Curve448
/// (RFC 8031). The private value comes from the caller's `RandomSource`, so a seeded
/// source makes the whole exchange reproducible. Immutable and safe to share.
public final class DHKeyPair: Sendable {
    /// The group.
    public let group: DHGroup
    /// The public value as the KE payload carries it (RFC 7296 section 3.4; RFC 5903
    /// section 7; RFC 8031 section 2).
    public let publicValue: [UInt8]
    private let value: PrivateValue

    private enum PrivateValue: Sendable {
        case modp(MODPPrivateValue)
        case ecp(ECPPrivateValue)
        case montgomery(MontgomeryPrivateValue)
    }

    private init(group: DHGroup, value: PrivateValue) {
        self.group = group
        self.value = value
        switch value {
        case .modp(let inner): publicValue = inner.publicValue
        case .ecp(let inner): publicValue = inner.publicValue
        case .montgomery(let inner): publicValue = inner.publicValue
        }
    }

    /// A fresh key pair whose private value is drawn from `random`.
    ///
    /// MODP: an exponent of twice the group's security strength (at least 256 bits), or
    /// uniform in [1, q-1] for the RFC 5114 groups. ECP: a scalar uniform in [1, n-1].
    /// X25519/X448: 32 or 56 raw octets.
    public static func generate(group: DHGroup, random: RandomSource) throws -> DHKeyPair {
        switch group.info.kind {
        case .modp:
            let inner = try MODPPrivateValue(domain: try MODPDomain.of(group), random: random)
            return DHKeyPair(group: group, value: .modp(inner))
        case .ecp:
            let inner = try ECPPrivateValue(domain: try ECPDomain.of(group), random: random)
            return DHKeyPair(group: group, value: .ecp(inner))
        case .montgomery:
            var octets = random.bytes(group.info.publicValueLength)
            let secret = SecretBytes(octets)
            for index in octets.indices { octets[index] = 0 }
            return try DHKeyPair(group: group, privateValue: secret)
        }
    }

    /// A key pair from a known private value, for known-answer tests: a big-endian
    /// exponent (MODP) or scalar (ECP), or the raw RFC 7748 scalar octets.
    public convenience init(group: DHGroup, privateValue: SecretBytes) throws {
        let value: PrivateValue
        switch group.info.kind {
        case .modp:
            value = .modp(
                try MODPPrivateValue(
                    domain: try MODPDomain.of(group), privateValue: privateValue))
        case .ecp:
            value = .ecp(
                try ECPPrivateValue(domain: try ECPDomain.of(group), privateValue: privateValue))
        case .montgomery:
            value = .montgomery(
                try MontgomeryPrivateValue(group: group, privateValue: privateValue))
        }
        self.init(group: group, value: value)
    }

    /// The shared secret g^ir with the peer's public value, after validating it:
    /// `invalidPublicValue` for a wrong length, a MODP value outside (1, p-1) or outside
    /// the RFC 5114 subgroup, or an ECP value that is not a curve point;
    /// `invalidSharedSecret` for an all-zero X25519/X448 result.
    public func sharedSecret(peerPublicValue: [UInt8]) throws -> SecretBytes {
        switch value {
        case .modp(let inner): return try inner.sharedSecret(peer: peerPublicValue)
        case .ecp(let inner): return try inner.sharedSecret(peer: peerPublicValue)
        case .montgomery(let inner): return try inner.sharedSecret(peer: peerPublicValue)
        }
    }
}
