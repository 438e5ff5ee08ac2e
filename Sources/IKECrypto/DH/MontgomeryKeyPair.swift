internal import CCrypto
import IKECore

/// X25519 and X448 (RFC 7748, RFC 8031): public values and shared secrets are the raw
/// little-endian u-coordinate.
final class MontgomeryPrivateValue: @unchecked Sendable {
    // The key is written in init only; derivation contexts made per call only read it.
    private let key: EVPKey
    private let type: Int32
    private let length: Int
    let publicValue: [UInt8]

    /// A private key of `length` raw octets (RFC 7748 section 5: clamping is part of the
    /// function, so any octets will do; `random` supplies them).
    init(group: DHGroup, privateValue: SecretBytes) throws {
        let type = group == .curve25519 ? EVP_PKEY_X25519 : EVP_PKEY_X448
        let length = group.info.publicValueLength
        self.type = type
        self.length = length
        guard privateValue.count == length else {
            throw CryptoError(
                .invalidKey,
                "a \(group) private value is \(length) octets, not \(privateValue.count)")
        }
        let created = privateValue.withUnsafeBytes { raw in
            EVP_PKEY_new_raw_private_key(
                type, nil, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        key = EVPKey(owning: try checkPointer(created, "EVP_PKEY_new_raw_private_key"))
        var out = [UInt8](repeating: 0, count: length)
        var written = length
        try check(
            EVP_PKEY_get_raw_public_key(key.pointer, &out, &written),
            "EVP_PKEY_get_raw_public_key")
        publicValue = out
    }

    /// The shared secret with the peer's u-coordinate; an all-zero result (a low-order
    /// peer value) is refused (RFC 7748 section 6.1, RFC 8031 section 2.3).
    func sharedSecret(peer: [UInt8]) throws -> SecretBytes {
        guard peer.count == length else {
            throw CryptoError(
                .invalidPublicValue, "a public value is \(length) octets, not \(peer.count)")
        }
        let peerKey = EVPKey(
            owning: try checkPointer(
                EVP_PKEY_new_raw_public_key(type, nil, peer, peer.count),
                "EVP_PKEY_new_raw_public_key", .invalidPublicValue))
        let context = try EVPKeyContext(key: key.pointer)
        try check(EVP_PKEY_derive_init(context.pointer), "EVP_PKEY_derive_init")
        try check(
            EVP_PKEY_derive_set_peer(context.pointer, peerKey.pointer), .invalidPublicValue,
            "EVP_PKEY_derive_set_peer")
        var out = [UInt8](repeating: 0, count: length)
        var written = length
        // libcrypto itself fails the derivation when the result is all zero.
        try check(
            EVP_PKEY_derive(context.pointer, &out, &written), .invalidSharedSecret,
            "EVP_PKEY_derive")
        guard written == length, out.contains(where: { $0 != 0 }) else {
            throw CryptoError(.invalidSharedSecret, "the shared secret is all zero")
        }
        return SecretBytes(out)
    }
}
