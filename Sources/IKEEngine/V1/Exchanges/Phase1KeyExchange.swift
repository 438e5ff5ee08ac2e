import IKECore
import IKECrypto
import IKEWire

// RFC 2409 sections 5.1 to 5.4: the key exchange half of phase 1 (main mode messages 3
// and 4, and the same payloads inside aggressive mode messages 1 and 2) carries KE and a
// nonce, in clear for pre-shared keys and signatures; with public key encryption the
// nonce and the ID travel encrypted to the peer's public key (section 5.2), or only the
// nonce does and KE and ID go under the ephemeral key made from it (section 5.3). HASH_I and HASH_R
// always cover the plaintext bodies. Nonces are 8 to 256 octets (section 5); ours are 32.

/// The peer's key exchange payloads, decrypted.
struct PeerKeyExchange {
    /// g^x of the peer.
    var publicValue: [UInt8]
    /// The peer's nonce body.
    var nonce: [UInt8]
    /// The peer's ID body, when this message carries it.
    var idBody: [UInt8]?
}

extension IKEv1Session {
    /// Octets in our nonces.
    static let nonceLength = 32

    /// Our phase 1 ID payload (protocol and port zero, RFC 2407 section 4.6.2).
    func ourIdentification() throws -> ISAKMPIdentificationPayload {
        ISAKMPIdentificationPayload(try IdentityTask.identification(configuration.localIdentity))
    }

    /// Our KE and nonce payloads, with the ID payload when `includeID` (aggressive mode)
    /// or the method puts it here (public key encryption). `cookie` is our own cookie,
    /// from which the revised method's ephemeral key is made.
    func keyExchangePayloads(
        keyPair: DHKeyPair, nonce: [UInt8], identification: ISAKMPIdentificationPayload,
        includeID: Bool, cookie: UInt64, cipher: Cipher, hash: HashAlgorithm
    ) throws -> [ISAKMPPayload] {
        let ke = ISAKMPPayload.keyExchange(ISAKMPKeyExchangePayload(data: keyPair.publicValue))
        switch family {
        case .preSharedKey, .signature:
            let id: [ISAKMPPayload] = includeID ? [.identification(identification)] : []
            return [ke, .nonce(ISAKMPNoncePayload(data: nonce))] + id
        case .encryption(let revised):
            guard case .rsaEncryption(let peerKey, _) = configuration.remoteAuthentication else {
                throw CryptoError(.keySchemeMismatch, "no peer public key is configured")
            }
            let sealedNonce = try IKEv1PublicKeyEncryption.seal(nonce, to: peerKey, random: random)
            let noncePayload = encryptedPayload(.nonce, sealedNonce)
            guard revised else {
                let sealedID = try IKEv1PublicKeyEncryption.seal(
                    identification.bodyOctets, to: peerKey, random: random)
                return [ke, encryptedPayload(.identification, sealedID), noncePayload]
            }
            let ephemeral = try IKEv1PublicKeyEncryption.ephemeralCipher(
                nonce: nonce, cookie: cookie, hash: hash, cipher: cipher)
            let sealed = try IKEv1PublicKeyEncryption.sealBodies(
                [keyPair.publicValue, identification.bodyOctets], cipher: ephemeral)
            return [
                noncePayload, encryptedPayload(.keyExchange, sealed[0]),
                encryptedPayload(.identification, sealed[1]),
            ]
        }
    }

    /// A payload whose body is ciphertext: the wire layer writes it as it is.
    private func encryptedPayload(_ type: ISAKMPPayloadType, _ body: [UInt8]) -> ISAKMPPayload {
        .unknown(ISAKMPUnknownPayload(type: type, body: body))
    }

    /// The peer's KE, nonce and (when present) ID bodies from a message's raw bodies,
    /// decrypted with our private key (and for the revised method the ephemeral key made
    /// with `peerCookie`).
    func peerKeyExchange(
        _ bodies: [(type: ISAKMPPayloadType, body: [UInt8])], peerCookie: UInt64,
        cipher: Cipher, hash: HashAlgorithm
    ) -> Result<PeerKeyExchange, IKEv1Refusal> {
        func missing(_ what: String) -> Result<PeerKeyExchange, IKEv1Refusal> {
            .failure(
                IKEv1Refusal(
                    code: .invalidSyntax, notify: .payloadMalformed,
                    reason: "peer's key exchange message lacks \(what)"))
        }
        guard let keBody = Self.firstBody(.keyExchange, in: bodies),
            let nonceBody = Self.firstBody(.nonce, in: bodies)
        else { return missing("a KE or nonce payload") }
        let idBody = Self.firstBody(.identification, in: bodies)

        var exchange = PeerKeyExchange(publicValue: keBody, nonce: nonceBody, idBody: idBody)
        if case .encryption(let revised) = family {
            guard case .rsaEncryption(let ourKey, _) = configuration.localAuthentication,
                let sealedID = idBody
            else { return missing("an ID payload") }
            let undecryptable = IKEv1Refusal(
                code: .authenticationFailed, notify: .authenticationFailed,
                reason: "peer's encrypted nonce or ID does not decrypt with our private key")
            guard let nonce = IKEv1PublicKeyEncryption.open(nonceBody, with: ourKey) else {
                return .failure(undecryptable)
            }
            exchange.nonce = nonce
            if revised {
                guard
                    let ephemeral = try? IKEv1PublicKeyEncryption.ephemeralCipher(
                        nonce: nonce, cookie: peerCookie, hash: hash, cipher: cipher),
                    let opened = IKEv1PublicKeyEncryption.openBodies(
                        [keBody, sealedID], cipher: ephemeral), opened.count == 2
                else { return .failure(undecryptable) }
                exchange.publicValue = opened[0]
                exchange.idBody = opened[1]
            } else {
                guard let id = IKEv1PublicKeyEncryption.open(sealedID, with: ourKey) else {
                    return .failure(undecryptable)
                }
                exchange.idBody = id
            }
        }
        guard (8...256).contains(exchange.nonce.count) else {
            return .failure(
                IKEv1Refusal(
                    code: .invalidSyntax, notify: .payloadMalformed,
                    reason: "peer's nonce of \(exchange.nonce.count) octets is out of bounds"))
        }
        return .success(exchange)
    }

    /// g^xy with the peer's public value, or a refusal.
    static func sharedSecret(_ keyPair: DHKeyPair, peer: [UInt8]) -> Result<
        SecretBytes, IKEv1Refusal
    > {
        guard peer.count == keyPair.group.info.publicValueLength,
            let secret = try? keyPair.sharedSecret(peerPublicValue: peer)
        else {
            return .failure(
                IKEv1Refusal(
                    code: .invalidKeyExchange, notify: .invalidKeyInformation,
                    reason: "peer's KE payload is not a valid \(Transform.dhGroup(keyPair.group)) "
                        + "public value"))
        }
        return .success(secret)
    }

    /// Our NAT-D payloads, when the peer announced RFC 3947.
    func natDiscoveryPayloads(_ exchange: Phase1Exchange) throws -> [ISAKMPPayload] {
        guard exchange.peerSupportsNATTraversal else { return [] }
        return try IKEv1NATTraversal.payloads(
            exchange.choice.hash, initiatorCookie: exchange.initiatorCookie,
            responderCookie: exchange.responderCookie, source: localEndpoint,
            destination: remoteEndpoint, fake: configuration.forceUDPEncapsulation,
            random: random)
    }

    /// Whether IKE and ESP move into UDP after the peer's NAT-D payloads: a NAT was
    /// found, or we force encapsulation and the peer supports it.
    func detectsNAT(
        _ payloads: [ISAKMPPayload], exchange: Phase1Exchange, datagram: Datagram
    ) throws -> Bool {
        guard exchange.peerSupportsNATTraversal,
            let found = try IKEv1NATTraversal.natDetected(
                in: payloads, hash: exchange.choice.hash,
                initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, datagram: datagram)
        else { return false }
        return found || configuration.forceUDPEncapsulation
    }
}
