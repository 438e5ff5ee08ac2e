import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5, aggressive mode: message 1 carries SA, KE, Ni and IDii at once
// (with public key encryption, Ni and IDii encrypted, sections 5.2 and 5.3); message 2
// brings the responder's choice, KE, Nr, IDir and proof; message 3 the initiator's proof.
// RFC 2409 leaves message 3 optionally encrypted: this engine encrypts it, as Libreswan
// does, and accepts either. RFC 3947 section 3.2: NAT-D in messages 2 and 3, and message
// 3 goes to port 4500 when a NAT was found.

extension IKEv1Session {
    /// Aggressive mode message 1.
    func sendAggressiveOffer(cookie: UInt64, transforms: [IKEv1Phase1Transform]) throws
        -> [SessionAction]
    {
        guard let first = transforms.first else {
            throw CryptoError(.unsupportedAlgorithm, "no IKE transform to offer")
        }
        let keyPair = try DHKeyPair.generate(group: first.group, random: random)
        let nonce = random.bytes(Self.nonceLength)
        let identification = try ourIdentification()
        var payloads = [try offerPayload(transforms)]
        payloads += try keyExchangePayloads(
            keyPair: keyPair, nonce: nonce, identification: identification, includeID: true,
            cookie: cookie, cipher: first.cipher, hash: first.hash)
        payloads += IKEv1Authentication.certificateRequests(for: configuration.remoteAuthentication)
        payloads += IKEv1NATTraversal.vendorIDs
        let header = header(initiatorCookie: cookie, responderCookie: 0, exchange: .aggressive)
        let (action, octets) = try sendClear(header, payloads, isResponse: false)
        let saBody = Self.rawBodies(octets, firstPayload: .securityAssociation)?.first?.body ?? []
        state = .awaitingAggressiveResponse(
            Phase1Offer(
                mode: .aggressive, initiatorCookie: cookie, transforms: transforms,
                message: octets, saBody: saBody,
                aggressive: AggressiveOffer(
                    keyPair: keyPair, nonce: nonce, idBody: identification.bodyOctets)))
        return [action]
    }

    /// Handles aggressive mode message 2 and sends message 3.
    func handleAggressiveResponse(
        _ message: ISAKMPMessage, datagram: Datagram, offer: Phase1Offer
    ) -> [SessionAction] {
        let header = message.header
        guard header.exchangeType == .aggressive, header.responderCookie != 0,
            header.messageID == 0, !header.flags.contains(.encryption),
            let payloads = message.payloads, let sent = offer.aggressive,
            let bodies = Self.rawBodies(datagram.message, firstPayload: header.nextPayload)
        else { return [discard(.unexpectedResponse, header)] }
        recordClear(message, datagram: datagram, isResponse: true)
        guard let accepted = Self.acceptAnswer(payloads, offered: offer.transforms),
            accepted.transform.group == sent.keyPair.group
        else {
            return [
                close(
                    failure(
                        .invalidSyntax, phase: .ikeSA, exchange: "Aggressive Mode", notify: nil,
                        refusedBy: .initiator,
                        reason: "responder chose a transform we did not offer"))
            ]
        }
        let transform = accepted.transform
        var exchange = Phase1Exchange(
            mode: .aggressive, initiatorCookie: offer.initiatorCookie,
            responderCookie: header.responderCookie,
            choice: Self.adoptingResponderLifetime(
                payloads, choice: Self.choice(transform, lifetime: accepted.lifetime)),
            saBody: offer.saBody, keyPair: sent.keyPair, initiatorNonce: sent.nonce,
            responderNonce: [], initiatorPublicValue: sent.keyPair.publicValue,
            responderPublicValue: [], keys: nil, iv: [], ourIDBody: sent.idBody,
            peerIDBody: [], peerIdentity: nil,
            peerSupportsNATTraversal: IKEv1NATTraversal.announcesNATTraversal(payloads),
            peerSupportsDPD: IKEv1NATTraversal.announcesDPD(payloads),
            usesUDPEncapsulation: false,
            announcesLifetime: false, localAuthentication: nil, lastSent: [],
            lastReceived: datagram.message)
        func refuse(_ refusal: IKEv1Refusal) -> [SessionAction] {
            refusePhase1(
                refusal, initiatorCookie: exchange.initiatorCookie,
                responderCookie: exchange.responderCookie, exchange: exchange)
        }

        let keys: IKEv1KeyMaterial
        switch takePeerKeyExchange(bodies, into: &exchange) {
        case .success(let derived): keys = derived
        case .failure(.refused(let refusal)): return refuse(refusal)
        case .failure(.cryptoFailure(let error)):
            return [cryptoFailure(error, exchange: "Aggressive Mode")]
        }

        do {
            exchange.usesUDPEncapsulation = try detectsNAT(
                payloads, exchange: exchange, datagram: datagram)
        } catch {
            return [cryptoFailure(error, exchange: "Aggressive Mode")]
        }
        let peerAuthentication: AuthenticationSummary
        switch authenticatePeer(payloads, exchange: exchange) {
        case .success(let verified):
            peerAuthentication = verified.summary
            exchange.peerIdentity = verified.identity
        case .failure(let refusal):
            return refuse(refusal)
        }

        do {
            if exchange.usesUDPEncapsulation { moveToNATTraversalPort() }
            let (action, lastBlock) = try sendProof(
                &exchange, includeID: false, protection: keys.protection, isResponse: false,
                followedBy: natDiscoveryPayloads)
            return [action]
                + establish(
                    exchange, remoteAuthentication: peerAuthentication,
                    lastPhase1Block: lastBlock)
        } catch {
            return [cryptoFailure(error, exchange: "Aggressive Mode")]
        }
    }
}
