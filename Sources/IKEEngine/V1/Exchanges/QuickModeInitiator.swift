import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5, the initiator's side of quick mode:
//   HDR*, HASH(1), SA, Ni [, KE ] [, IDci, IDcr ]  -->
//                    <--  HDR*, HASH(2), SA, Nr [, KE ] [, IDci, IDcr ]
//   HDR*, HASH(3)                                -->
// HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [| KE] [| IDci | IDcr]), HASH(2) = prf(SKEYID_a,
// M-ID | Ni_b | SA | Nr [| KE] [| IDci | IDcr]), HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b |
// Nr_b). RFC 3947 section 5.2: in transport mode under NAT traversal NAT-OAi and NAT-OAr
// give the original addresses. RFC 2407 section 4.6.3.1: a RESPONDER-LIFETIME in the
// answer replaces the proposed lifetime. A rekey is a new quick mode for the same
// configuration; the replaced SA is then deleted with an informational Delete.

extension IKEv1Session {
    /// Sends quick mode message 1 for `child`.
    func startQuickMode(
        _ child: ChildConfiguration, rekeying: ChildSA?, est: inout IKEv1Established
    ) -> [SessionAction] {
        let phase: NegotiationFailure.Phase =
            rekeying == nil ? .childSA(child.name) : .childRekey(child.name)
        do {
            let keys = est.sa.keys
            let messageID = newMessageID()
            let spi = ChildSATask.newSPI(random)
            let nonce = random.bytes(Self.nonceLength)
            let group = IKEv1QuickModeProposals.pfsGroup(child)
            let keyPair = try group.map { try DHKeyPair.generate(group: $0, random: random) }
            let udp = est.sa.usesUDPEncapsulation
            let transforms = IKEv1QuickModeProposals.transforms(
                child, encapsulation: IKEv1QuickModeProposals.encapsulation(child.mode, udp: udp),
                lifetime: IKEv1LifetimeNegotiation.lifetime(of: child.lifetime),
                onlyGroup: .some(group))
            let (local, remote) = IKEv1QuickModeTask.proposedSelectors(
                child, local: configuration.local, remote: configuration.remote)
            let sendsIDs = IKEv1QuickModeTask.needsClientIDs(
                local: local, remote: remote, localAddress: configuration.local.address,
                remoteAddress: configuration.remote.address)

            var rest: [ISAKMPPayload] = [
                .securityAssociation(
                    ISAKMPSAPayload(proposals: [
                        .quickMode(
                            number: 1, protocolID: child.protocolID,
                            spi: IKEv1QuickModeTask.spiOctets(spi), transforms: transforms)
                    ])),
                .nonce(ISAKMPNoncePayload(data: nonce)),
            ]
            if let keyPair {
                rest.append(.keyExchange(ISAKMPKeyExchangePayload(data: keyPair.publicValue)))
            }
            if sendsIDs {
                rest += IKEv1QuickModeTask.clientIDs(initiatorSide: local, responderSide: remote)
            }
            rest += originalAddresses(child.mode, udp: udp, initiator: true)
            let hash = try keys.exchangeHash(
                messageID: messageID, data: try ISAKMPPayloadChain.encode(rest))
            let iv = try keys.phase2IV(
                lastPhase1Block: est.sa.lastPhase1Block, messageID: messageID)
            let header = header(
                initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie,
                exchange: .quickMode, messageID: messageID)
            let (action, _, nextIV) = try sendEncrypted(
                header, [.hash(ISAKMPHashPayload(data: hash))] + rest,
                protection: keys.protection, iv: iv, isResponse: false)
            est.pending = PendingQuickMode(
                messageID: messageID, configuration: child, spi: spi, transforms: transforms,
                nonce: nonce, keyPair: keyPair, localSelector: local, remoteSelector: remote,
                sendsClientIDs: sendsIDs, iv: nextIV, rekeying: rekeying)
            return [action]
        } catch {
            return [
                .failed(
                    failure(
                        .cryptoFailure, phase: phase, exchange: "Quick Mode", notify: nil,
                        refusedBy: role, reason: "a cryptographic operation failed: \(error)"))
            ]
        }
    }

    /// NAT-OA payloads for transport mode under NAT traversal (RFC 3947 section 5.2): the
    /// initiator's address, then the responder's.
    func originalAddresses(_ mode: IPsecMode, udp: Bool, initiator: Bool) -> [ISAKMPPayload] {
        guard mode == .transport, udp else { return [] }
        let ours = configuration.local.address
        let theirs = configuration.remote.address
        let (first, second) = initiator ? (ours, theirs) : (theirs, ours)
        return [
            .natOriginalAddress(ISAKMPNATOriginalAddressPayload(address: first)),
            .natOriginalAddress(ISAKMPNATOriginalAddressPayload(address: second)),
        ]
    }

    /// Handles quick mode message 2 and sends message 3.
    func handleQuickModeAnswer(
        _ message: ISAKMPMessage, datagram: Datagram, pending: PendingQuickMode,
        est: inout IKEv1Established
    ) -> [SessionAction] {
        let keys = est.sa.keys
        let opened: OpenedV1Body
        switch openEncrypted(
            message, datagram: datagram, protection: keys.protection, iv: pending.iv,
            isResponse: true)
        {
        case .success(let value): opened = value
        case .failure(let problem):
            return [discard(.integrityCheckFailed, detail: "quick mode message 2: \(problem)")]
        }
        guard let split = Self.splitHash(opened),
            let expected = try? keys.exchangeHash(
                messageID: pending.messageID, data: pending.nonce + split.rest),
            IKEv1PeerAuthentication.constantTimeEqual(split.hash, expected)
        else { return [discard(.integrityCheckFailed, detail: "HASH(2) does not verify")] }

        est.pending = nil
        let name = pending.configuration.name
        let phase: NegotiationFailure.Phase =
            pending.rekeying == nil ? .childSA(name) : .childRekey(name)
        func refused(_ code: NegotiationFailure.Code, _ reason: String) -> [SessionAction] {
            [
                .failed(
                    failure(
                        code, phase: phase, exchange: "Quick Mode", notify: nil,
                        refusedBy: role, reason: reason))
            ]
        }
        let answer: QuickModeAnswer
        switch Self.quickModeAnswer(opened.payloads, pending: pending) {
        case .success(let value): answer = value
        case .failure(let problem): return refused(.invalidSyntax, problem.text)
        }

        do {
            let secret: SecretBytes?
            if let keyPair = pending.keyPair {
                guard let peerKE = answer.keyExchange,
                    case .success(let value) = Self.sharedSecret(keyPair, peer: peerKE)
                else { return refused(.invalidKeyExchange, "responder's KE payload is not valid") }
                secret = value
            } else {
                secret = nil
            }
            let childKeys = try IKEv1QuickModeTask.keys(
                choice: answer.choice, protocolID: pending.configuration.protocolID,
                keyMaterial: keys, sharedSecret: secret, inboundSPI: pending.spi,
                outboundSPI: answer.spi, initiatorNonce: pending.nonce,
                responderNonce: answer.nonce)
            let child = ChildSA(
                name: name, protocolID: pending.configuration.protocolID,
                mode: pending.configuration.mode, inboundSPI: pending.spi,
                outboundSPI: answer.spi, localSelectors: [pending.localSelector],
                remoteSelectors: [pending.remoteSelector],
                selectedProposal: IKEv1QuickModeProposals.proposal(
                    of: answer.choice, protocolID: pending.configuration.protocolID),
                keys: childKeys, usesUDPEncapsulation: est.sa.usesUDPEncapsulation,
                lifetime: IKEv1LifetimeNegotiation.childLifetime(
                    answer.lifetime, configured: pending.configuration.lifetime),
                generation: pending.rekeying.map { $0.generation + 1 } ?? 0)

            let hash3 = try keys.exchangeHash(
                messageID: pending.messageID, leadingZero: true,
                data: pending.nonce + answer.nonce)
            let header = header(
                initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie,
                exchange: .quickMode, messageID: pending.messageID)
            let (action, _, _) = try sendEncrypted(
                header, [.hash(ISAKMPHashPayload(data: hash3))], protection: keys.protection,
                iv: opened.nextIV, isResponse: false)
            return [action]
                + install(child, replacing: pending.rekeying, deleteOld: true, est: &est)
        } catch {
            return refused(.cryptoFailure, "a cryptographic operation failed: \(error)")
        }
    }

    /// Installs a Child SA; for a rekey the old one moves aside and, when `deleteOld`, is
    /// deleted with an informational Delete.
    func install(
        _ child: ChildSA, replacing old: ChildSA?, deleteOld: Bool, est: inout IKEv1Established
    ) -> [SessionAction] {
        guard let old, est.children.contains(where: { $0.inboundSPI == old.inboundSPI }) else {
            est.children.append(child)
            return [.childSAEstablished(child)]
        }
        est.children.removeAll { $0.inboundSPI == old.inboundSPI }
        est.children.append(child)
        var actions: [SessionAction] = [.childSARekeyed(old: old, new: child)]
        if deleteOld {
            let delete = ISAKMPPayload.delete(
                ISAKMPDeletePayload(
                    protocolID: old.protocolID.rawValue, spiSize: 4,
                    spis: [IKEv1QuickModeTask.spiOctets(old.inboundSPI)]))
            if let action = try? sendProtectedInformational(
                [delete], keys: est.sa.keys, lastPhase1Block: est.sa.lastPhase1Block,
                initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie)
            {
                actions.append(action)
            }
        } else {
            est.replacedChildren.append(old)
        }
        return actions
    }
}

/// What a quick mode answer carries, checked against our offer.
struct QuickModeAnswer {
    /// The chosen transform's meaning.
    var choice: Phase2Choice
    /// The responder's SPI.
    var spi: UInt32
    /// Nr_b.
    var nonce: [UInt8]
    /// The responder's KE data, if any.
    var keyExchange: [UInt8]?
    /// The lifetime, after any RESPONDER-LIFETIME.
    var lifetime: IKEv1Lifetime
}

/// A quick mode answer that does not fit the offer, in words.
struct QuickModeAnswerProblem: Error {
    /// What is wrong.
    let text: String
}

extension IKEv1Session {
    /// The answer's SA, nonce, KE, client IDs and lifetime, checked against `pending`.
    static func quickModeAnswer(_ payloads: [ISAKMPPayload], pending: PendingQuickMode)
        -> Result<QuickModeAnswer, QuickModeAnswerProblem>
    {
        func problem(_ text: String) -> Result<QuickModeAnswer, QuickModeAnswerProblem> {
            .failure(QuickModeAnswerProblem(text: text))
        }
        let protocolID = pending.configuration.protocolID
        var sa: ISAKMPSAPayload?
        var nonce: [UInt8]?
        var keyExchange: [UInt8]?
        var ids: [ISAKMPIdentificationPayload] = []
        var lifetimeNotify: ISAKMPNotificationPayload?
        for payload in payloads {
            switch payload {
            case .securityAssociation(let value) where sa == nil: sa = value
            case .nonce(let value) where nonce == nil: nonce = value.data
            case .keyExchange(let value) where keyExchange == nil: keyExchange = value.data
            case .identification(let value): ids.append(value)
            case .notification(let value) where value.type == .responderLifetime:
                lifetimeNotify = value
            default: break
            }
        }
        guard let sa, let nonce, (8...256).contains(nonce.count) else {
            return problem("responder's quick mode answer lacks an SA payload or a valid nonce")
        }
        guard sa.proposals.count == 1, let proposal = sa.proposals.first,
            proposal.protocolID == protocolID.rawValue, proposal.spi.count == 4,
            proposal.transforms.count == 1, let wire = proposal.transforms.first,
            let chosen = IKEv1Phase2Transform(wire),
            let choice = IKEv1QuickModeProposals.choice(of: chosen, protocolID: protocolID),
            let offered = pending.transforms.first(where: {
                IKEv1QuickModeProposals.choice(of: $0, protocolID: protocolID) == choice
            })
        else { return problem("responder chose a transform we did not offer") }
        if pending.sendsClientIDs, !ids.isEmpty {
            let expected = [pending.localSelector, pending.remoteSelector]
            guard ids.compactMap(\.trafficSelector) == expected else {
                return problem("responder answered other client IDs than we proposed")
            }
        }

        var lifetime = IKEv1Lifetime(
            seconds: chosen.lifeSeconds ?? offered.lifeSeconds
                ?? IKEv1LifetimeNegotiation.defaultSeconds,
            kilobytes: chosen.lifeKilobytes ?? offered.lifeKilobytes)
        if let lifetimeNotify, let attributes = try? lifetimeNotify.responderLifetimeAttributes(),
            let adopted = IKEv1LifetimeNegotiation.adopt(
                attributes, into: lifetime, phase1: false)
        {
            lifetime = adopted
        }
        return .success(
            QuickModeAnswer(
                choice: choice, spi: UInt32(truncatingIfNeeded: bigEndianValue(proposal.spi)),
                nonce: nonce, keyExchange: keyExchange, lifetime: lifetime))
    }
}
