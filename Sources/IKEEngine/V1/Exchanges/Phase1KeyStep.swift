import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5: both ends of phase 1 take the same key step when the peer's half of
// the key exchange arrives (main mode message 3 at the responder and 4 at the initiator,
// aggressive mode message 1 and 2), with the roles mirrored. The peer's KE and nonce are
// read (decrypted with public key encryption, sections 5.2 and 5.3) and kept as Ni_b and
// g^xi when the peer is the initiator, as Nr_b and g^xr when it is the responder. Its ID
// payload comes with them in aggressive mode, and in main mode with public key
// encryption; otherwise it comes with the proof. Once both halves are known, g^xy gives
// SKEYID and SKEYID_d, SKEYID_a and SKEYID_e (section 5), and the first CBC IV is
// hash(g^xi | g^xr) (appendix B).

/// Why the phase 1 key step stopped.
enum Phase1KeyFailure: Error {
    /// The peer's KE, nonce or ID is missing, does not decrypt, is out of bounds or not
    /// acceptable: the refusal to send.
    case refused(IKEv1Refusal)
    /// One of our cryptographic operations failed.
    case cryptoFailure(any Error)
}

extension IKEv1Session {
    /// The whole key step on the raw `bodies` of the peer's key exchange message: reads
    /// the peer's KE, nonce and (when present) ID and keeps them in `exchange` under the
    /// peer's role, checks as a responder an initiator's ID that came with them, then
    /// derives the keys and the first IV and returns the keys.
    func takePeerKeyExchange(
        _ bodies: [(type: ISAKMPPayloadType, body: [UInt8])], into exchange: inout Phase1Exchange
    ) -> Result<IKEv1KeyMaterial, Phase1KeyFailure> {
        // Section 5.3: the revised method's ephemeral key is made with the sender's cookie.
        let peerCookie: UInt64
        switch role {
        case .initiator: peerCookie = exchange.responderCookie
        case .responder: peerCookie = exchange.initiatorCookie
        }

        switch peerKeyExchange(
            bodies, peerCookie: peerCookie, cipher: exchange.choice.cipher,
            hash: exchange.choice.hash)
        {
        case .success(let peer): keepPeerKeyExchange(peer, in: &exchange)
        case .failure(let refusal): return .failure(.refused(refusal))
        }

        // Sections 5.2 and 5.3: a main mode responder that got the initiator's ID with KE
        // refuses an unexpected identity before it answers with its own KE.
        if role == .responder, idTravelsWithKeyExchange(exchange),
            let identification = Self.identification(fromBody: exchange.peerIDBody),
            let refusal = IKEv1PeerAuthentication.identityRefusal(
                identification, expected: configuration.remoteIdentity)
        {
            return .failure(.refused(refusal))
        }

        return derivePhase1Keys(&exchange)
    }

    /// Whether the peer's ID payload comes with its KE and nonce rather than its proof.
    func idTravelsWithKeyExchange(_ exchange: Phase1Exchange) -> Bool {
        exchange.mode == .aggressive || !sendsIDWithProof
    }

    /// Keeps the peer's nonce and public value in the fields of its role (Ni_b and g^xi,
    /// or Nr_b and g^xr), and its ID body when the ID travels with the key exchange.
    func keepPeerKeyExchange(_ peer: PeerKeyExchange, in exchange: inout Phase1Exchange) {
        switch role.peer {
        case .initiator:
            exchange.initiatorNonce = peer.nonce
            exchange.initiatorPublicValue = peer.publicValue
        case .responder:
            exchange.responderNonce = peer.nonce
            exchange.responderPublicValue = peer.publicValue
        }
        if idTravelsWithKeyExchange(exchange) {
            exchange.peerIDBody = peer.idBody ?? []
        }
    }

    /// Computes g^xy with the peer's public value, then keeps the ISAKMP SA's keys and the
    /// first phase 1 IV in `exchange` and returns the keys. Both nonces and public values
    /// must be known.
    func derivePhase1Keys(_ exchange: inout Phase1Exchange)
        -> Result<IKEv1KeyMaterial, Phase1KeyFailure>
    {
        let peerPublicValue: [UInt8]
        switch role {
        case .initiator: peerPublicValue = exchange.responderPublicValue
        case .responder: peerPublicValue = exchange.initiatorPublicValue
        }

        let secret: SecretBytes
        switch Self.sharedSecret(exchange.keyPair, peer: peerPublicValue) {
        case .success(let value): secret = value
        case .failure(let refusal): return .failure(.refused(refusal))
        }

        do {
            let keys = try deriveKeys(exchange, sharedSecret: secret)
            exchange.keys = keys
            exchange.iv = try firstIV(exchange, keys: keys)
            return .success(keys)
        } catch {
            return .failure(.cryptoFailure(error))
        }
    }

    /// The keys of the ISAKMP SA once both nonces and public values are known.
    private func deriveKeys(_ exchange: Phase1Exchange, sharedSecret: SecretBytes) throws
        -> IKEv1KeyMaterial
    {
        try IKEv1KeyMaterial(
            transform: exchange.choice,
            skeyidInput: IKEv1Authentication.skeyidInput(
                method: exchange.choice.authMethod, local: configuration.localAuthentication),
            sharedSecret: sharedSecret, initiatorNonce: exchange.initiatorNonce,
            responderNonce: exchange.responderNonce, initiatorCookie: exchange.initiatorCookie,
            responderCookie: exchange.responderCookie)
    }

    /// The first phase 1 IV (RFC 2409 appendix B).
    private func firstIV(_ exchange: Phase1Exchange, keys: IKEv1KeyMaterial) throws -> [UInt8] {
        try IKEv1KeyDerivation.phase1IV(
            hash: exchange.choice.hash, initiatorPublicValue: exchange.initiatorPublicValue,
            responderPublicValue: exchange.responderPublicValue,
            blockSize: keys.protection.blockSize)
    }
}
