import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5, the responder's side of quick mode: check HASH(1), find the
// configuration whose selectors contain the proposed client IDs (IKEv1 has no narrowing:
// INVALID-ID-INFORMATION otherwise), choose a transform (NO-PROPOSAL-CHOSEN when none
// fits, a PFS group mismatch included), answer with HASH(2), our SPI, Nr, our KE and the
// client IDs echoed, and install the SA pair when HASH(3) verifies. A quick mode for a
// configuration with an installed SA of the same selectors is its rekey.

/// What the peer's quick mode message 1 asked for.
struct QuickModeRequest {
    /// The AH or ESP proposal.
    var proposal: ISAKMPProposal
    /// Its protocol.
    var protocolID: SecurityProtocol
    /// Ni_b.
    var nonce: [UInt8]
    /// The KE data, with PFS.
    var keyExchange: [UInt8]?
    /// IDci and IDcr, if sent.
    var clientIDs: [ISAKMPIdentificationPayload]
}

extension IKEv1Session {
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

    /// Refuses a quick mode with a protected notification and reports the failure.
    func refuseQuickMode(
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
    static func quickModeRequest(_ payloads: [ISAKMPPayload]) -> QuickModeRequest? {
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
