import IKECore
import IKEWire

// RFC 2409 sections 5.5 and 5.7: once the ISAKMP SA is up, quick mode and informational
// exchanges run under it, each identified by its random M-ID. A message with the M-ID of
// our quick mode in flight is its answer; one with the M-ID of a quick mode we answered
// is its third message (or the first again, which gets our answer again); any other
// quick mode message starts one. This engine runs one quick mode of its own at a time;
// commands and configured Child SAs wait their turn.

extension IKEv1Session {
    /// Routes a message received on an established session.
    func receiveEstablished(
        _ message: ISAKMPMessage, datagram: Datagram, established: IKEv1Established
    ) -> [SessionAction] {
        let header = message.header
        guard header.initiatorCookie == established.sa.initiatorCookie,
            header.responderCookie == established.sa.responderCookie
        else { return [discard(.unknownSA, header)] }
        if datagram.message == established.sa.lastPhase1Received,
            !established.sa.lastPhase1Sent.isEmpty
        {
            return [
                .send(makeDatagram(established.sa.lastPhase1Sent)),
                discard(.retransmission, header),
            ]
        }
        guard header.flags.contains(.encryption), header.messageID != 0 else {
            return [discard(.unexpectedRequest, header)]
        }

        var est = established
        var actions: [SessionAction]
        switch header.exchangeType {
        case .quickMode:
            actions = receiveQuickMode(message, datagram: datagram, est: &est)
        case .informational:
            actions = receiveInformational(message, datagram: datagram, est: &est)
        default:
            return [discard(.unexpectedRequest, header)]
        }
        guard !isClosed else { return actions }
        state = .established(est)
        actions.append(contentsOf: runQueue())
        return actions
    }

    private func receiveQuickMode(
        _ message: ISAKMPMessage, datagram: Datagram, est: inout IKEv1Established
    ) -> [SessionAction] {
        let messageID = message.header.messageID
        if let pending = est.pending, pending.messageID == messageID {
            return handleQuickModeAnswer(message, datagram: datagram, pending: pending, est: &est)
        }
        if let index = est.responding.firstIndex(where: { $0.messageID == messageID }) {
            let responding = est.responding[index]
            if datagram.message == responding.request {
                return [
                    .send(makeDatagram(responding.response)),
                    discard(.retransmission, message.header),
                ]
            }
            return completeQuickMode(
                message, datagram: datagram, responding: responding, est: &est)
        }
        return respondQuickMode(message, datagram: datagram, est: &est)
    }

    /// Starts queued work while no quick mode of ours is in flight.
    func runQueue() -> [SessionAction] {
        var actions: [SessionAction] = []
        while case .established(var est) = state, est.pending == nil, !est.queue.isEmpty {
            let work = est.queue.removeFirst()
            switch work {
            case .command(let command):
                actions += start(command, est: &est)
            case .quickMode(let child, let rekeying):
                actions += startQuickMode(child, rekeying: rekeying, est: &est)
            }
            guard !isClosed else { return actions }
            state = .established(est)
        }
        return actions
    }

    private func start(_ command: SessionCommand, est: inout IKEv1Established)
        -> [SessionAction]
    {
        switch command {
        case .start:
            return []
        case .rekeyChildSA(let name):
            guard let child = est.children.first(where: { $0.name == name }),
                let config = configuration.children.first(where: { $0.name == name })
            else { return [missingChild(name, phase: .childRekey(name))] }
            return startQuickMode(config, rekeying: child, est: &est)
        case .rekeyIKESA:
            // RFC 2409 has no rekey of the ISAKMP SA in place: a new main mode replaces it.
            // This engine does not yet run a second phase 1 on an established session.
            return [
                .failed(
                    failure(
                        .invalidConfiguration, phase: .ikeRekey, exchange: phase1ExchangeName,
                        notify: nil, refusedBy: role,
                        reason: "replacing an IKEv1 ISAKMP SA with a new phase 1 is not "
                            + "implemented"))
            ]
        case .deleteChildSA(let name):
            let doomed = est.children.filter { $0.name == name }
            guard !doomed.isEmpty else { return [missingChild(name, phase: .informational)] }
            return deleteChildren(doomed, est: &est)
        case .close:
            return closeSession(est: &est)
        case .checkLiveness:
            return sendLivenessCheck(est: &est)
        }
    }

    private func missingChild(_ name: String, phase: NegotiationFailure.Phase) -> SessionAction {
        .failed(
            failure(
                .childSANotFound, phase: phase, exchange: "Informational", notify: nil,
                refusedBy: role, reason: "no installed Child SA is named '\(name)'"))
    }
}
