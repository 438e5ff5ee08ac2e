import IKECore
import IKECrypto

/// The key material of one IKEv2 SA: the PRF, the seven keys and the message protection
/// made from them. Every task that needs a key asks this object.
final class IKEv2KeyMaterial {
    /// The selected IKE proposal (one transform of each type).
    let proposal: Proposal
    /// The negotiated PRF.
    let prf: PRF
    /// SK_d, SK_a*, SK_e*, SK_p*.
    let keys: IKEv2SAKeys
    /// The SK payload protection, by direction relative to us.
    let protection: MessageProtection

    private init(proposal: Proposal, prf: PRF, keys: IKEv2SAKeys, weAreInitiator: Bool)
        throws
    {
        self.proposal = proposal
        self.prf = prf
        self.keys = keys
        self.protection = try MessageProtection(
            proposal: proposal, keys: keys, weAreInitiator: weAreInitiator)
    }

    // RFC 7296 section 2.14: SKEYSEED = prf(Ni | Nr, g^ir); for PRFs with a fixed key
    // size the key is the first half of Ni followed by the first half of Nr, as many
    // octets as the PRF's key (IKECrypto's nonceKey applies the rule).
    /// The keys of a new IKE SA made by IKE_SA_INIT.
    static func initial(
        proposal: Proposal, sharedSecret: SecretBytes, initiatorNonce: [UInt8],
        responderNonce: [UInt8], initiatorSPI: UInt64, responderSPI: UInt64,
        weAreInitiator: Bool
    ) throws -> IKEv2KeyMaterial {
        let prf = try negotiatedPRF(proposal)
        let nonceKey = prf.nonceKey(initiatorNonce: initiatorNonce, responderNonce: responderNonce)
        let skeyseed = try prf(key: nonceKey, data: sharedSecret)
        return try expand(
            proposal: proposal, prf: prf, skeyseed: skeyseed, initiatorNonce: initiatorNonce,
            responderNonce: responderNonce, initiatorSPI: initiatorSPI,
            responderSPI: responderSPI, weAreInitiator: weAreInitiator)
    }

    // RFC 7296 section 2.18: a rekeyed IKE SA's SKEYSEED = prf(SK_d (old), g^ir (new) |
    // Ni | Nr), computed with the old SA's PRF; the seven keys then come from the new
    // PRF's prf+ exactly as in section 2.14, with the new SPIs.
    /// The keys of the IKE SA that replaces `old` in a CREATE_CHILD_SA rekey.
    static func rekeyed(
        from old: IKEv2KeyMaterial, proposal: Proposal, sharedSecret: SecretBytes,
        initiatorNonce: [UInt8], responderNonce: [UInt8], initiatorSPI: UInt64,
        responderSPI: UInt64, weAreInitiator: Bool
    ) throws -> IKEv2KeyMaterial {
        let prf = try negotiatedPRF(proposal)
        let seed = sharedSecret + SecretBytes(initiatorNonce + responderNonce)
        let skeyseed = try old.prf(key: old.keys.skD, data: seed)
        return try expand(
            proposal: proposal, prf: prf, skeyseed: skeyseed, initiatorNonce: initiatorNonce,
            responderNonce: responderNonce, initiatorSPI: initiatorSPI,
            responderSPI: responderSPI, weAreInitiator: weAreInitiator)
    }

    // {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} =
    //     prf+ (SKEYSEED, Ni | Nr | SPIi | SPIr)
    // SK_d and SK_p* are the PRF's preferred key length; SK_a* the integrity key length;
    // SK_e* the cipher key plus salt (RFC 5282 section 7 for AEAD).
    private static func expand(
        proposal: Proposal, prf: PRF, skeyseed: SecretBytes, initiatorNonce: [UInt8],
        responderNonce: [UInt8], initiatorSPI: UInt64, responderSPI: UInt64,
        weAreInitiator: Bool
    ) throws -> IKEv2KeyMaterial {
        let prfLength = prf.keyLength
        let integrityLength = proposal.integrity.first?.info.keyLength ?? 0
        let encryptionLength = proposal.encryption.first?.keyMaterialLength ?? 0
        let total = 3 * prfLength + 2 * integrityLength + 2 * encryptionLength

        var seed = initiatorNonce
        seed.reserveCapacity(initiatorNonce.count + responderNonce.count + 16)
        seed.append(contentsOf: responderNonce)
        appendBigEndian(initiatorSPI, to: &seed)
        appendBigEndian(responderSPI, to: &seed)
        let stream = try prf.plus(key: skeyseed, seed: seed, length: total)

        var offset = 0
        func next(_ length: Int) -> SecretBytes {
            defer { offset += length }
            return stream.slice(offset..<offset + length)
        }
        let keys = IKEv2SAKeys(
            skD: next(prfLength), skAi: next(integrityLength), skAr: next(integrityLength),
            skEi: next(encryptionLength), skEr: next(encryptionLength), skPi: next(prfLength),
            skPr: next(prfLength))
        return try IKEv2KeyMaterial(
            proposal: proposal, prf: prf, keys: keys, weAreInitiator: weAreInitiator)
    }

    private static func negotiatedPRF(_ proposal: Proposal) throws -> PRF {
        guard let algorithm = proposal.prf.first else {
            throw CryptoError(.unsupportedAlgorithm, "the IKE proposal has no PRF")
        }
        return try PRF(algorithm)
    }

    /// The key of our own AUTH computation (SK_pi when we are the SA's initiator).
    func ourAuthKey(weAreInitiator: Bool) -> SecretBytes {
        weAreInitiator ? keys.skPi : keys.skPr
    }

    /// The key of the peer's AUTH computation.
    func peerAuthKey(weAreInitiator: Bool) -> SecretBytes {
        weAreInitiator ? keys.skPr : keys.skPi
    }
}

/// Appends `value` in network order.
func appendBigEndian(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
    }
}

/// Appends `value` in network order.
func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
    for shift in stride(from: 24, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
    }
}

/// Reads a network-order value from up to 8 octets.
func bigEndianValue(_ bytes: some Collection<UInt8>) -> UInt64 {
    bytes.reduce(0) { $0 << 8 | UInt64($1) }
}
