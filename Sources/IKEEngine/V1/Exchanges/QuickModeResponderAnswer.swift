import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5, the responder's quick mode message 2 and the SA pair it installs
// on message 3: a transform chosen by the configured preference and the lifetime policy,
// PFS when the transform names a group (its KE then required), our SPI, Nr, the client
// IDs echoed, a RESPONDER-LIFETIME when we announce a shorter lifetime, and NAT-OA for
// transport mode under NAT traversal (RFC 3947 section 5.2).

extension IKEv1Session {
    /// Chooses a transform and sends quick mode message 2.
    func answerQuickMode(
        _ request: QuickModeRequest, child: ChildConfiguration, initiatorSide: TrafficSelector,
        responderSide: TrafficSelector, messageID: UInt32, opened: OpenedV1Body,
        datagram: Datagram, est: inout IKEv1Established
    ) -> [SessionAction] {
        let keys = est.sa.keys
        let peerSPI = request.proposal.spi
        let udp = est.sa.usesUDPEncapsulation
        let ourLifetime = IKEv1LifetimeNegotiation.lifetime(of: child.lifetime)
        let ours = IKEv1QuickModeProposals.transforms(
            child, encapsulation: IKEv1QuickModeProposals.encapsulation(child.mode, udp: udp),
            lifetime: ourLifetime)
        let offered = request.proposal.phase2Transforms
        let chosen: IKEv1Phase2Transform
        let choice: Phase2Choice
        let agreed: IKEv1Lifetime
        var announces = false
        switch IKEv1QuickModeProposals.select(
            offered: offered, ours: ours, protocolID: request.protocolID,
            preference: configuration.proposalPreference, lifetime: ourLifetime,
            policy: configuration.ikev1.lifetimePolicy)
        {
        case .refused(let code, let reason):
            return refuseQuickMode(
                code, .noProposalChosen, name: child.name, reason: reason,
                protocolID: request.protocolID, spi: peerSPI, est: est,
                proposals: NegotiationFailure.ProposalLists(
                    received: IKEv1QuickModeProposals.proposals(
                        of: offered, protocolID: request.protocolID),
                    configured: child.proposals))
        case .chosen(let transform, let meaning, .accepted(let lifetime)):
            (chosen, choice, agreed) = (transform, meaning, lifetime)
        case .chosen(let transform, let meaning, .announced(let lifetime)):
            (chosen, choice, agreed, announces) = (transform, meaning, lifetime, true)
        case .chosen(_, _, .refused):
            return [discard(.unexpectedRequest, detail: "quick mode lifetime refused")]
        }
        if choice.group != nil, request.keyExchange == nil {
            return refuseQuickMode(
                .invalidKeyExchange, .invalidKeyInformation, name: child.name,
                reason: "the chosen transform has PFS but the request carries no KE",
                protocolID: request.protocolID, spi: peerSPI, est: est)
        }

        do {
            var secret: SecretBytes?
            var keyPair: DHKeyPair?
            if let group = choice.group, let peerKE = request.keyExchange {
                let pair = try DHKeyPair.generate(group: group, random: random)
                guard case .success(let value) = Self.sharedSecret(pair, peer: peerKE) else {
                    return refuseQuickMode(
                        .invalidKeyExchange, .invalidKeyInformation, name: child.name,
                        reason: "the initiator's KE payload is not a valid "
                            + "\(Transform.dhGroup(group)) value",
                        protocolID: request.protocolID, spi: peerSPI, est: est)
                }
                (secret, keyPair) = (value, pair)
            }
            let spi = ChildSATask.newSPI(random)
            let peerSPIValue = UInt32(truncatingIfNeeded: bigEndianValue(peerSPI))
            let nonce = random.bytes(Self.nonceLength)
            let replacing = est.children.first { installed in
                installed.name == child.name && installed.localSelectors == [responderSide]
                    && installed.remoteSelectors == [initiatorSide]
            }
            let childSA = ChildSA(
                name: child.name, protocolID: request.protocolID, mode: child.mode,
                inboundSPI: spi, outboundSPI: peerSPIValue, localSelectors: [responderSide],
                remoteSelectors: [initiatorSide],
                selectedProposal: IKEv1QuickModeProposals.proposal(
                    of: choice, protocolID: request.protocolID),
                keys: try IKEv1QuickModeTask.keys(
                    choice: choice, protocolID: request.protocolID, keyMaterial: keys,
                    sharedSecret: secret, inboundSPI: spi, outboundSPI: peerSPIValue,
                    initiatorNonce: request.nonce, responderNonce: nonce),
                usesUDPEncapsulation: udp,
                lifetime: IKEv1LifetimeNegotiation.childLifetime(
                    agreed, configured: child.lifetime),
                generation: replacing.map { $0.generation + 1 } ?? 0)

            let wire =
                request.proposal.transforms.first { IKEv1Phase2Transform($0) == chosen }
                ?? chosen.wireTransform
            var rest: [ISAKMPPayload] = [
                .securityAssociation(
                    ISAKMPSAPayload(proposals: [
                        ISAKMPProposal(
                            number: request.proposal.number,
                            protocolID: request.protocolID.rawValue,
                            spi: IKEv1QuickModeTask.spiOctets(spi), transforms: [wire])
                    ])),
                .nonce(ISAKMPNoncePayload(data: nonce)),
            ]
            if let keyPair {
                rest.append(.keyExchange(ISAKMPKeyExchangePayload(data: keyPair.publicValue)))
            }
            rest += request.clientIDs.prefix(2).map(ISAKMPPayload.identification)
            if announces {
                rest.append(
                    .notification(
                        try ISAKMPNotificationPayload.responderLifetime(
                            protocolID: request.protocolID, spi: IKEv1QuickModeTask.spiOctets(spi),
                            attributes: IKEv1LifetimeNegotiation.attributes(agreed, phase1: false)))
                )
            }
            rest += originalAddresses(child.mode, udp: udp, initiator: false)
            let hash2 = try keys.exchangeHash(
                messageID: messageID, data: request.nonce + (try ISAKMPPayloadChain.encode(rest)))
            let header = header(
                initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie,
                exchange: .quickMode, messageID: messageID)
            let (action, octets, nextIV) = try sendEncrypted(
                header, [.hash(ISAKMPHashPayload(data: hash2))] + rest,
                protection: keys.protection, iv: opened.nextIV, isResponse: true)
            est.responding.append(
                RespondingQuickMode(
                    messageID: messageID, child: childSA, initiatorNonce: request.nonce,
                    responderNonce: nonce, iv: nextIV, request: datagram.message,
                    response: octets, replacing: replacing))
            return [action]
        } catch {
            return [
                .failed(
                    failure(
                        .cryptoFailure, phase: .childSA(child.name), exchange: "Quick Mode",
                        notify: nil, refusedBy: role,
                        reason: "a cryptographic operation failed: \(error)"))
            ]
        }
    }

    /// Handles quick mode message 3: HASH(3) verifies, the SA pair is installed.
    func completeQuickMode(
        _ message: ISAKMPMessage, datagram: Datagram, responding: RespondingQuickMode,
        est: inout IKEv1Established
    ) -> [SessionAction] {
        let keys = est.sa.keys
        let opened: OpenedV1Body
        switch openEncrypted(
            message, datagram: datagram, protection: keys.protection, iv: responding.iv,
            isResponse: false)
        {
        case .success(let value): opened = value
        case .failure(let problem):
            return [discard(.integrityCheckFailed, detail: "quick mode message 3: \(problem)")]
        }
        guard case .hash(let hash)? = opened.payloads.first,
            let expected = try? keys.exchangeHash(
                messageID: responding.messageID, leadingZero: true,
                data: responding.initiatorNonce + responding.responderNonce),
            IKEv1PeerAuthentication.constantTimeEqual(hash.data, expected)
        else { return [discard(.integrityCheckFailed, detail: "HASH(3) does not verify")] }
        est.responding.removeAll { $0.messageID == responding.messageID }
        return install(
            responding.child, replacing: responding.replacing, deleteOld: false, est: &est)
    }

}
