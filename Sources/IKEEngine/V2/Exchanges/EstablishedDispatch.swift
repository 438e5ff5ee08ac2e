import IKECore
import IKEWire

// RFC 7296 section 2.2: each side numbers its own requests; a request with the expected
// Message ID is processed, the repeat of the last one gets the stored response again
// (section 2.1: the responder retransmits only when asked), and anything else is
// dropped. With a window of one, a new request of ours waits for the previous response.

extension IKEv2Session {
    /// Routes a message received on an established session.
    func receiveEstablished(
        _ message: IKEv2Message, datagram: Datagram, established: Established
    ) -> [SessionAction] {
        let header = message.header
        let onRetiring: Bool
        if established.sa.owns(header) {
            onRetiring = false
        } else if let retiring = established.retiring, retiring.owns(header) {
            onRetiring = true
        } else {
            return [discard(.unknownSA, header)]
        }
        guard let sa = onRetiring ? established.retiring : established.sa else {
            return [discard(.unknownSA, header)]
        }
        var est = established
        var actions: [SessionAction]
        if header.flags.contains(.response) {
            actions = receiveResponse(
                message, datagram: datagram, sa: sa, onRetiring: onRetiring, est: &est)
        } else {
            actions = receiveRequest(
                message, datagram: datagram, sa: sa, onRetiring: onRetiring, est: &est)
        }
        guard !isClosed else { return actions }
        state = .established(est)
        actions.append(contentsOf: runQueue())
        return actions
    }

    private func receiveResponse(
        _ message: IKEv2Message, datagram: Datagram, sa: SecurityAssociationContext,
        onRetiring: Bool, est: inout Established
    ) -> [SessionAction] {
        let header = message.header
        guard let pending = est.pending, pending.messageID == header.messageID,
            pending.onRetiringSA == onRetiring,
            header.exchangeType == expectedExchange(pending.request)
        else { return [discard(.unexpectedResponse, header)] }

        let inner: [IKEv2Payload]
        switch openProtected(message, datagram: datagram, on: sa) {
        case .payloads(let payloads): inner = payloads
        case .dropped(let discarded): return [.discarded(discarded)]
        }
        est.pending = nil
        switch pending.request {
        case .createChild(let child):
            return handleCreateChildResponse(inner, pending: child, est: &est)
        case .rekeyIKESA(let rekey):
            return handleIKERekeyResponse(inner, pending: rekey, est: &est)
        case .informational(let purpose):
            return handleInformationalResponse(inner, purpose: purpose, est: &est)
        }
    }

    private func expectedExchange(_ request: PendingRequest) -> IKEv2ExchangeType {
        switch request {
        case .createChild, .rekeyIKESA: return .createChildSA
        case .informational: return .informational
        }
    }

    private func receiveRequest(
        _ message: IKEv2Message, datagram: Datagram, sa: SecurityAssociationContext,
        onRetiring: Bool, est: inout Established
    ) -> [SessionAction] {
        let header = message.header
        if let last = sa.lastResponse, last.requestID == header.messageID {
            return [.send(makeDatagram(last.message)), discard(.retransmission, header)]
        }
        guard header.messageID == sa.expectedRequestID else {
            return [discard(.unexpectedRequest, header)]
        }
        guard header.exchangeType == .createChildSA || header.exchangeType == .informational
        else { return [discard(.unexpectedRequest, header)] }

        let inner: [IKEv2Payload]
        switch openProtected(message, datagram: datagram, on: sa) {
        case .payloads(let payloads): inner = payloads
        case .dropped(let discarded): return [.discarded(discarded)]
        }
        track(datagram)
        if header.exchangeType == .informational {
            return respondInformational(
                inner, messageID: header.messageID, onRetiring: onRetiring, est: &est)
        }
        guard !onRetiring else {
            return [
                respond(
                    on: true, messageID: header.messageID, exchange: .createChildSA,
                    inner: [.notify(IKEv2NotifyPayload(type: .temporaryFailure))], est: &est)
            ]
        }
        return respondCreateChild(inner, messageID: header.messageID, est: &est)
    }

    /// Sends our response on the current or retiring SA and remembers it.
    func respond(
        on retiring: Bool, messageID: UInt32, exchange: IKEv2ExchangeType,
        inner: [IKEv2Payload], est: inout Established
    ) -> SessionAction {
        guard var sa = retiring ? est.retiring : est.sa,
            let (action, octets) = try? sendProtected(
                on: sa, exchange: exchange, messageID: messageID, response: true, inner: inner)
        else {
            return .discarded(
                DiscardedMessage(reason: .malformed, detail: "our response could not be sealed"))
        }
        sa.lastResponse = (messageID, octets)
        sa.expectedRequestID = messageID &+ 1
        if retiring { est.retiring = sa } else { est.sa = sa }
        return action
    }

    /// Sends a request of ours and marks it pending.
    func request(
        on retiring: Bool, exchange: IKEv2ExchangeType, inner: [IKEv2Payload],
        pending: PendingRequest, est: inout Established
    ) -> [SessionAction] {
        guard var sa = retiring ? est.retiring : est.sa else { return [] }
        let messageID = sa.nextRequestID
        do {
            let (action, _) = try sendProtected(
                on: sa, exchange: exchange, messageID: messageID, response: false, inner: inner)
            sa.nextRequestID = messageID &+ 1
            if retiring { est.retiring = sa } else { est.sa = sa }
            est.pending = (messageID, retiring, pending)
            return [action]
        } catch {
            return [
                .failed(
                    failure(
                        .cryptoFailure, phase: .informational, exchange: exchange, notify: nil,
                        refusedBy: role, reason: "our request could not be sealed: \(error)"))
            ]
        }
    }

    /// Starts queued work while no request of ours is in flight.
    func runQueue() -> [SessionAction] {
        var actions: [SessionAction] = []
        while case .established(var est) = state, est.pending == nil, !est.queue.isEmpty {
            let work = est.queue.removeFirst()
            actions.append(contentsOf: start(work, est: &est))
            guard !isClosed else { return actions }
            state = .established(est)
        }
        return actions
    }

    private func start(_ work: QueuedWork, est: inout Established) -> [SessionAction] {
        switch work {
        case .command(let command):
            return start(command, est: &est)
        case .createChild(let child):
            return requestChild(
                child, rekeying: nil, group: child.proposals.first?.dhGroups.first,
                triedGroups: [], est: &est)
        case .deleteReplacedChild(let child):
            let delete = IKEv2DeletePayload.childSAs(child.protocolID, spis: [child.inboundSPI])
            return request(
                on: false, exchange: .informational, inner: [.delete(delete)],
                pending: .informational(.deleteReplacedChild(child)), est: &est)
        case .deleteRetiredIKESA:
            guard est.retiring != nil else { return [] }
            return request(
                on: true, exchange: .informational, inner: [.delete(.ikeSA)],
                pending: .informational(.deleteRetiredIKESA), est: &est)
        }
    }

    private func start(_ command: SessionCommand, est: inout Established) -> [SessionAction] {
        switch command {
        case .start:
            return []
        case .rekeyChildSA(let name):
            guard let child = est.children.first(where: { $0.name == name }),
                let config = configuration.children.first(where: { $0.name == name })
            else { return [missingChild(name, phase: .childRekey(name), exchange: .createChildSA)] }
            return requestChild(
                config, rekeying: child, group: config.proposals.first?.dhGroups.first,
                triedGroups: [], est: &est)
        case .rekeyIKESA:
            return requestIKERekey(
                group: configuration.ikeProposals[0].dhGroups[0], triedGroups: [], est: &est)
        case .deleteChildSA(let name):
            let doomed = est.children.filter { $0.name == name }
            guard let first = doomed.first else {
                return [missingChild(name, phase: .informational, exchange: .informational)]
            }
            let delete = IKEv2DeletePayload.childSAs(
                first.protocolID, spis: doomed.map(\.inboundSPI))
            return request(
                on: false, exchange: .informational, inner: [.delete(delete)],
                pending: .informational(.deleteChildren(doomed)), est: &est)
        case .close:
            return request(
                on: false, exchange: .informational, inner: [.delete(.ikeSA)],
                pending: .informational(.deleteIKESA), est: &est)
        case .checkLiveness:
            return request(
                on: false, exchange: .informational, inner: [],
                pending: .informational(.liveness), est: &est)
        }
    }

    private func missingChild(
        _ name: String, phase: NegotiationFailure.Phase, exchange: IKEv2ExchangeType
    ) -> SessionAction {
        .failed(
            failure(
                .childSANotFound, phase: phase, exchange: exchange, notify: nil,
                refusedBy: role, reason: "no installed Child SA is named '\(name)'"))
    }
}
