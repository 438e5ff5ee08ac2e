import IKECore
import IKECrypto

/// The key material of one ISAKMP SA: the negotiated hash (whose HMAC is the PRF), SKEYID
/// and its derivatives, and the CBC protection made from the encryption key. Every step
/// that needs a key asks this object.
final class IKEv1KeyMaterial {
    /// The negotiated hash.
    let hash: HashAlgorithm
    /// SKEYID, SKEYID_d/a/e and the encryption key.
    let keys: IKEv1SAKeys
    /// The message protection.
    let protection: IKEv1MessageProtection

    /// The keys of a new ISAKMP SA (RFC 2409 section 5 and appendix B).
    init(
        transform: IKEv1Phase1Choice, skeyidInput: IKEv1KeyDerivation.SKEYIDInput,
        sharedSecret: SecretBytes, initiatorNonce: [UInt8], responderNonce: [UInt8],
        initiatorCookie: UInt64, responderCookie: UInt64
    ) throws {
        hash = transform.hash
        let skeyid = try IKEv1KeyDerivation.skeyid(
            skeyidInput, hash: hash, sharedSecret: sharedSecret, initiatorNonce: initiatorNonce,
            responderNonce: responderNonce, initiatorCookie: initiatorCookie,
            responderCookie: responderCookie)
        let (skeyidD, skeyidA, skeyidE) = try IKEv1KeyDerivation.derivatives(
            hash: hash, skeyid: skeyid, sharedSecret: sharedSecret,
            initiatorCookie: initiatorCookie, responderCookie: responderCookie)
        let encryptionKey = try IKEv1KeyDerivation.encryptionKey(
            hash: hash, skeyidE: skeyidE, cipher: transform.cipher)
        keys = IKEv1SAKeys(
            skeyid: skeyid, skeyidD: skeyidD, skeyidA: skeyidA, skeyidE: skeyidE,
            encryptionKey: encryptionKey)
        protection = try IKEv1MessageProtection(cipher: transform.cipher, key: encryptionKey)
    }

    /// HASH_I or HASH_R (with the curve's hash for ECDSA methods, RFC 4754 section 7).
    func phase1Hash(of role: IKERole, context: Phase1Exchange, idBody: [UInt8]) throws
        -> [UInt8]
    {
        try IKEv1KeyDerivation.phase1Hash(
            initiator: role == .initiator,
            hash: IKEv1Authentication.authenticationHash(
                context.choice.authMethod, negotiated: hash),
            skeyid: keys.skeyid,
            initiatorPublicValue: context.initiatorPublicValue,
            responderPublicValue: context.responderPublicValue,
            initiatorCookie: context.initiatorCookie, responderCookie: context.responderCookie,
            saBody: context.saBody, idBody: idBody)
    }

    /// prf(SKEYID_a, [0 |] M-ID | data).
    func exchangeHash(messageID: UInt32, leadingZero: Bool = false, data: [UInt8]) throws
        -> [UInt8]
    {
        try IKEv1KeyDerivation.exchangeHash(
            hash: hash, skeyidA: keys.skeyidA, messageID: messageID, leadingZero: leadingZero,
            data: data)
    }

    /// The IV of the first message of phase 2 exchange `messageID`.
    func phase2IV(lastPhase1Block: [UInt8], messageID: UInt32) throws -> [UInt8] {
        try IKEv1KeyDerivation.phase2IV(
            hash: hash, lastPhase1Block: lastPhase1Block, messageID: messageID,
            blockSize: protection.blockSize)
    }
}
