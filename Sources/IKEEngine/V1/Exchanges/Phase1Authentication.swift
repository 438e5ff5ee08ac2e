import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5: the authentication half of phase 1 (main mode messages 5 and 6,
// aggressive mode messages 2 and 3). Each side sends its ID (unless public key encryption
// already carried it) and its proof over HASH_I or HASH_R; the peer checks the identity,
// then the credential, then the proof. Once both are verified the ISAKMP SA is up and an
// initiator starts the configured quick modes.

extension IKEv1Session {
    /// Our ID payload (when `includeID`) and proof, with how we authenticated.
    func ourAuthentication(_ exchange: Phase1Exchange, includeID: Bool) throws
        -> (payloads: [ISAKMPPayload], summary: AuthenticationSummary)
    {
        guard let keys = exchange.keys else {
            throw CryptoError(.libraryFailure, "phase 1 keys are missing")
        }
        let hash = try keys.phase1Hash(of: role, context: exchange, idBody: exchange.ourIDBody)
        let proof = try IKEv1Authentication.proof(
            method: exchange.choice.authMethod, local: configuration.localAuthentication,
            hash: hash)
        let id: [ISAKMPPayload] = includeID ? [.identification(try ourIdentification())] : []
        var rawKey = false
        if case .rawPublicKey = configuration.localAuthentication { rawKey = true }
        return (id + proof, IKEv1Authentication.summary(exchange.choice.authMethod, rawKey: rawKey))
    }

    /// Whether the ID payload travels with the proof (not with public key encryption).
    var sendsIDWithProof: Bool {
        if case .encryption = family { return false }
        return true
    }

    // RFC 2409 section 5 and appendix B: main mode messages 5 and 6 and aggressive mode
    // message 3 carry the sender's proof (with its ID, when `includeID`) encrypted under
    // the current phase 1 IV; the last ciphertext block is the next IV.
    /// Sends our proof followed by `trailing(exchange)`, keeps how we authenticated and
    /// the message in `exchange`, and returns the action with the last ciphertext block.
    func sendProof(
        _ exchange: inout Phase1Exchange, includeID: Bool, protection: IKEv1MessageProtection,
        isResponse: Bool,
        followedBy trailing: (Phase1Exchange) throws -> [ISAKMPPayload] = { _ in [] }
    ) throws -> (action: SessionAction, lastBlock: [UInt8]) {
        let (proof, summary) = try ourAuthentication(exchange, includeID: includeID)
        exchange.localAuthentication = summary

        let type: ISAKMPExchangeType = exchange.mode == .main ? .identityProtection : .aggressive
        let header = header(
            initiatorCookie: exchange.initiatorCookie, responderCookie: exchange.responderCookie,
            exchange: type)
        let (action, octets, lastBlock) = try sendEncrypted(
            header, proof + (try trailing(exchange)), protection: protection, iv: exchange.iv,
            isResponse: isResponse)
        exchange.lastSent = octets
        return (action, lastBlock)
    }

    /// Keeps the peer's ID body from its opened proof message (main mode message 5 or 6)
    /// when the ID travels with the proof, as sent: HASH_I and HASH_R cover that body.
    func keepPeerIDFromProof(
        _ opened: OpenedV1Body, firstPayload: ISAKMPPayloadType, in exchange: inout Phase1Exchange
    ) {
        guard sendsIDWithProof else { return }
        let bodies = try? ISAKMPPayloadChain.payloadBodies(opened.chain, firstPayload: firstPayload)
        exchange.peerIDBody = Self.firstBody(.identification, in: bodies ?? []) ?? []
    }

    /// Checks the peer's identity (from `exchange.peerIDBody`) and proof among `payloads`.
    func authenticatePeer(_ payloads: [ISAKMPPayload], exchange: Phase1Exchange) -> Result<
        (summary: AuthenticationSummary, identity: Identity?), IKEv1Refusal
    > {
        guard let keys = exchange.keys,
            let identification = Self.identification(fromBody: exchange.peerIDBody)
        else {
            return .failure(
                IKEv1Refusal(
                    code: .invalidSyntax, notify: .payloadMalformed,
                    reason: "peer's authentication lacks an ID payload"))
        }
        if let refusal = IKEv1PeerAuthentication.identityRefusal(
            identification, expected: configuration.remoteIdentity)
        {
            return .failure(refusal)
        }
        let expectedHash: [UInt8]
        do {
            expectedHash = try keys.phase1Hash(
                of: role.peer, context: exchange, idBody: exchange.peerIDBody)
        } catch {
            return .failure(
                IKEv1Refusal(
                    code: .cryptoFailure, notify: .authenticationFailed,
                    reason: "a cryptographic operation failed: \(error)"))
        }

        var presented = IKEv1PeerAuthentication.Presented(
            identification: identification, hash: nil, signature: nil, certificates: [])
        for payload in payloads {
            switch payload {
            case .hash(let hash) where presented.hash == nil: presented.hash = hash.data
            case .signature(let signature) where presented.signature == nil:
                presented.signature = signature.data
            case .certificate(let certificate): presented.certificates.append(certificate)
            default: break
            }
        }
        do throws(IKEv1Refusal) {
            let summary = try IKEv1PeerAuthentication.verify(
                presented, method: exchange.choice.authMethod, expectedHash: expectedHash,
                expected: configuration.remoteAuthentication,
                validationTime: configuration.validationTime)
            let identity = try? IdentityTask.identity(of: identification).get()
            return .success((summary, identity ?? nil))
        } catch {
            return .failure(error)
        }
    }

    /// The RESPONDER-LIFETIME notification of a responder that announces its lifetime.
    /// RFC 2407 section 4.6.3.1 defines it for IPsec SAs; for the ISAKMP SA this engine
    /// sends it inside main mode message 6 (encrypted) or aggressive mode message 2, so
    /// that both peers know the lifetime when phase 1 completes, rather than in a separate
    /// informational exchange as Cisco does. strongSwan 5.9 parses it there and ignores it.
    func responderLifetimePayload(_ exchange: Phase1Exchange) throws -> [ISAKMPPayload] {
        guard exchange.announcesLifetime else { return [] }
        let notify = try ISAKMPNotificationPayload.responderLifetime(
            protocolID: .ike,
            spi: IKEv1KeyDerivation.cookies(exchange.initiatorCookie, exchange.responderCookie),
            attributes: IKEv1LifetimeNegotiation.attributes(
                Self.lifetime(of: exchange.choice), phase1: true))
        return [.notification(notify)]
    }

    /// The choice after a RESPONDER-LIFETIME notification among `payloads`, if any.
    static func adoptingResponderLifetime(
        _ payloads: [ISAKMPPayload], choice: IKEv1Phase1Choice
    ) -> IKEv1Phase1Choice {
        for case .notification(let notify) in payloads where notify.type == .responderLifetime {
            guard let attributes = try? notify.responderLifetimeAttributes(),
                let adopted = IKEv1LifetimeNegotiation.adopt(
                    attributes, into: lifetime(of: choice), phase1: true)
            else { continue }
            var updated = choice
            updated.lifetime = IKELifetime(seconds: adopted.seconds, kilobytes: adopted.kilobytes)
            return updated
        }
        return choice
    }

    /// Phase 1 is complete: the ISAKMP SA is up. An initiator then queues the quick modes
    /// of its configured Child SAs.
    func establish(
        _ exchange: Phase1Exchange, remoteAuthentication: AuthenticationSummary,
        lastPhase1Block: [UInt8]
    ) -> [SessionAction] {
        guard let keys = exchange.keys else {
            return [
                close(
                    failure(
                        .cryptoFailure, phase: .ikeSA, exchange: phase1ExchangeName,
                        notify: nil, refusedBy: role, reason: "phase 1 keys are missing"))
            ]
        }
        let choice = exchange.choice
        let summary = IKESASummary(
            version: .v1, role: role, initiatorSPI: exchange.initiatorCookie,
            responderSPI: exchange.responderCookie,
            selectedProposal: IKEv1Phase1Proposals.proposal(
                cipher: choice.cipher, hash: choice.hash, group: choice.group),
            localIdentity: configuration.localIdentity, remoteIdentity: exchange.peerIdentity,
            localAuthentication: exchange.localAuthentication
                ?? IKEv1Authentication.summary(choice.authMethod),
            remoteAuthentication: remoteAuthentication, keys: .v1(keys.keys),
            usesUDPEncapsulation: exchange.usesUDPEncapsulation,
            lifetimeSeconds: choice.lifetime.seconds, generation: 0)
        negotiatedIKELifetime = choice.lifetime
        let sa = EstablishedISAKMPSA(
            initiatorCookie: exchange.initiatorCookie, responderCookie: exchange.responderCookie,
            keys: keys, lastPhase1Block: lastPhase1Block,
            peerSupportsDPD: exchange.peerSupportsDPD,
            usesUDPEncapsulation: exchange.usesUDPEncapsulation,
            lastPhase1Received: exchange.lastReceived, lastPhase1Sent: exchange.lastSent)
        let queue: [IKEv1QueuedWork] =
            role == .initiator
            ? configuration.children.map { .quickMode($0, rekeying: nil) } : []
        state = .established(
            IKEv1Established(
                sa: sa, summary: summary, children: [], replacedChildren: [], pending: nil,
                responding: [], pendingLiveness: nil, nextDPDSequence: random.uint32() >> 1,
                queue: queue))
        return [.ikeSAEstablished(summary)] + runQueue()
    }
}
