internal import CCrypto
import IKECore

/// A prime-field elliptic curve group (RFC 5903, RFC 5114 sections 2.4/2.5, RFC 6954),
/// built once per process. `EC_GROUP` objects are read-only during point arithmetic, so
/// one instance serves every thread.
final class ECPDomain: @unchecked Sendable {
    let group: DHGroup
    let curve: OpaquePointer
    let order: BigNumber
    /// Octets of a field element: each coordinate of a public value is padded to this.
    let fieldLength: Int

    private init(group: DHGroup, nid: Int32) throws {
        self.group = group
        curve = try checkPointer(
            EC_GROUP_new_by_curve_name(nid), "EC_GROUP_new_by_curve_name \(group)",
            .unsupportedAlgorithm)
        let order = try BigNumber()
        guard BN_copy(order.pointer, EC_GROUP_get0_order(curve)) != nil else {
            EC_GROUP_free(curve)
            throw ErrorQueue.error(.libraryFailure, "BN_copy (curve order)")
        }
        self.order = order
        fieldLength = (Int(EC_GROUP_get_degree(curve)) + 7) / 8
    }

    deinit { EC_GROUP_free(curve) }

    /// The domain of an ECP group.
    static func of(_ group: DHGroup) throws -> ECPDomain {
        switch group {
        case .ecp256: return try p256.get()
        case .ecp384: return try p384.get()
        case .ecp521: return try p521.get()
        case .ecp192: return try p192.get()
        case .ecp224: return try p224.get()
        case .brainpool224: return try brainpool224.get()
        case .brainpool256: return try brainpool256.get()
        case .brainpool384: return try brainpool384.get()
        case .brainpool512: return try brainpool512.get()
        default:
            preconditionFailure("ECPDomain.of is called only for ECP groups")
        }
    }

    private static let p256 = Result { try ECPDomain(group: .ecp256, nid: NID_X9_62_prime256v1) }
    private static let p384 = Result { try ECPDomain(group: .ecp384, nid: NID_secp384r1) }
    private static let p521 = Result { try ECPDomain(group: .ecp521, nid: NID_secp521r1) }
    private static let p192 = Result { try ECPDomain(group: .ecp192, nid: NID_X9_62_prime192v1) }
    private static let p224 = Result { try ECPDomain(group: .ecp224, nid: NID_secp224r1) }
    private static let brainpool224 = Result {
        try ECPDomain(group: .brainpool224, nid: NID_brainpoolP224r1)
    }
    private static let brainpool256 = Result {
        try ECPDomain(group: .brainpool256, nid: NID_brainpoolP256r1)
    }
    private static let brainpool384 = Result {
        try ECPDomain(group: .brainpool384, nid: NID_brainpoolP384r1)
    }
    private static let brainpool512 = Result {
        try ECPDomain(group: .brainpool512, nid: NID_brainpoolP512r1)
    }
}

/// Owns an `EC_POINT`.
final class ECPoint {
    let pointer: OpaquePointer

    init(_ domain: ECPDomain) throws {
        pointer = try checkPointer(EC_POINT_new(domain.curve), "EC_POINT_new")
    }

    deinit { EC_POINT_clear_free(pointer) }
}
