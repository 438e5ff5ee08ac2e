import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5, the responder's side of quick mode: check HASH(1), find the
// configuration whose selectors contain the proposed client IDs (IKEv1 has no narrowing:
// INVALID-ID-INFORMATION otherwise), choose a transform (NO-PROPOSAL-CHOSEN when none
// fits, a PFS group mismatch included), answer with HASH(2), our SPI, Nr, our KE and the
// client IDs echoed, and install the SA pair when HASH(3) verifies. A quick mode for a
// configuration with an installed SA of the same selectors is its rekey.

extension IKEv1Session {
    /// What the peer's quick mode message 1 asked for.
    private struct QuickModeRequest {
        var proposal: ISAKMPProposal
        var protocolID: SecurityProtocol
        var nonce: [UInt8]
        var keyExchange: [UInt8]?
        var clientIDs: [ISAKMPIdentificationPayload]
    }

    /// Answers quick mode message 1.
    func respondQuickMode(
        _ message: ISAKMPMessage, datagram: Datagram, est: inout IKEv1Established
    ) -> [SessionAction] {
        let keys = est.sa.keys
        let messageID = message.header.messageID
        guard
            let iv = try? keys.phase2IV(
                lastPhase1Block: est.sa.lastPhase1Block, messageID: messageID)
        else { return [discard(.malformed, message.header)] }
        let opened: OpenedV1Body
        switch openEncrypted(
            message, datagram: datagram, protection: keys.protection, iv: iv, isResponse: false)
        {
        case .success(let value): opened = value
        case .failure(let problem):
            return [discard(.integrityCheckFailed, detail: "quick mode message 1: \(problem)")]
        }
        guard let split = Self.splitHash(opened),
            let expected = try? keys.exchangeHash(messageID: messageID, data: split.rest),
            IKEv1PeerAuthentication.constantTimeEqual(split.hash, expected)
        else { return [discard(.integrityCheckFailed, detail: "HASH(1) does not verify")] }
        guard let request = Self.quickModeRequest(opened.payloads) else {
            return [discard(.malformed, detail: "quick mode message 1 lacks SA or nonce")]
        }
        let peerSPI = request.proposal.spi

        // The selectors: the client IDs, or the two peers' addresses.
        var initiatorSide = IKEv1QuickModeTask.host(configuration.remote.address)
        var responderSide = IKEv1QuickModeTask.host(configuration.local.address)
        if request.clientIDs.count >= 2 {
            guard let idci = request.clientIDs[0].trafficSelector,
                let idcr = request.clientIDs[1].trafficSelector
            else {
                return refuseQuickMode(
                    .trafficSelectorsUnacceptable, .invalidIDInformation, name: nil,
                    reason: "the proposed client IDs are not address selectors",
                    protocolID: request.protocolID, spi: peerSPI, est: est)
            }
            (initiatorSide, responderSide) = (idci, idcr)
        }
        guard
            let child = IKEv1QuickModeTask.matchConfiguration(
                configuration.children, protocolID: request.protocolID,
                initiatorSide: initiatorSide, responderSide: responderSide,
                local: configuration.local, remote: configuration.remote)
        else {
            return refuseQuickMode(
                .trafficSelectorsUnacceptable, .invalidIDInformation, name: nil,
                reason: "no \(request.protocolID) Child SA is configured for "
                    + "\(initiatorSide) === \(responderSide)",
                protocolID: request.protocolID, spi: peerSPI, est: est)
        }
        return answerQuickMode(
            request, child: child, initiatorSide: initiatorSide, responderSide: responderSide,
            messageID: messageID, opened: opened, datagram: datagram, est: &est)
    }

    /// Chooses a transform and sends quick mode message 2.
    private func answerQuickMode(
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

    /// Refuses a quick mode with a protected notification and reports the failure.
    private func refuseQuickMode(
        _ code: NegotiationFailure.Code, _ notify: ISAKMPNotifyType, name: String?,
        reason: String, protocolID: SecurityProtocol, spi: [UInt8], est: IKEv1Established,
        proposals: NegotiationFailure.ProposalLists? = nil
    ) -> [SessionAction] {
        var actions: [SessionAction] = []
        let payload = ISAKMPPayload.notification(
            ISAKMPNotificationPayload(type: notify, protocolID: protocolID.rawValue, spi: spi))
        if let action = try? sendProtectedInformational(
            [payload], keys: est.sa.keys, lastPhase1Block: est.sa.lastPhase1Block,
            initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie)
        {
            actions.append(action)
        }
        actions.append(
            .failed(
                failure(
                    code, phase: .childSA(name ?? "(no matching configuration)"),
                    exchange: "Quick Mode", notify: notify, refusedBy: role, reason: reason,
                    proposals: proposals)))
        return actions
    }

    /// The SA (of AH or ESP, with a four-octet SPI), nonce, KE and client IDs of a request.
    private static func quickModeRequest(_ payloads: [ISAKMPPayload]) -> QuickModeRequest? {
        var proposal: ISAKMPProposal?
        var nonce: [UInt8]?
        var keyExchange: [UInt8]?
        var ids: [ISAKMPIdentificationPayload] = []
        for payload in payloads {
            switch payload {
            case .securityAssociation(let sa) where proposal == nil:
                proposal = sa.proposals.first { candidate in
                    candidate.spi.count == 4
                        && (candidate.securityProtocol == .esp
                            || candidate.securityProtocol == .ah)
                }
            case .nonce(let value) where nonce == nil: nonce = value.data
            case .keyExchange(let value) where keyExchange == nil: keyExchange = value.data
            case .identification(let value): ids.append(value)
            default: break
            }
        }
        guard let proposal, let protocolID = proposal.securityProtocol, let nonce,
            (8...256).contains(nonce.count)
        else { return nil }
        return QuickModeRequest(
            proposal: proposal, protocolID: protocolID, nonce: nonce, keyExchange: keyExchange,
            clientIDs: ids)
    }
}
