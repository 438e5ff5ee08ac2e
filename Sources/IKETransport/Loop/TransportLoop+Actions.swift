import IKECore
import IKEEngine

extension TransportLoop {
    /// Carries out a session's actions: sends its datagrams, installs and removes its
    /// tunnels, arms or stops its retransmission timer; returns the rest as events.
    func apply(_ actions: [SessionAction], to id: SessionID) throws(TransportError)
        -> [TransportEvent]
    {
        guard var slot = slots[id] else { return [] }
        var events: [TransportEvent] = []
        var requests: [Datagram] = []
        let now = clock()
        for action in actions {
            switch action {
            case .send(let datagram):
                try transport.send(datagram)
                slot.peer = datagram.destination
                if datagram.source.port == Endpoint.natTraversalPort {
                    slot.lastNATTraversalSend = now
                }
                if let facts = MessageFacts(datagram.message) {
                    sessionsByIKESPI[facts.initiatorSPI] = id
                    if !facts.isIKEv2Response { requests.append(datagram) }
                }
            case .childSAEstablished(let child):
                events += install(child, in: &slot, id: id)
                events.append(.action(id, action))
            case .childSARekeyed(let old, let new):
                events += install(new, in: &slot, id: id)
                remove(old, from: &slot)
                events.append(.action(id, action))
            case .childSADeleted(let child):
                remove(child, from: &slot)
                events.append(.action(id, action))
            case .ikeSADeleted:
                removeAllTunnels(from: &slot)
                events.append(.action(id, action))
            case .failed(let failure):
                if failure.phase.endsIKESA { removeAllTunnels(from: &slot) }
                events.append(.action(id, action))
            case .ikeSAEstablished, .discarded:
                events.append(.action(id, action))
            }
        }
        updateRetransmission(&slot, requests: requests, now: now)
        slots[id] = slot
        return events
    }

    // RFC 7296 section 2.1: only the request in flight is retransmitted. A batch that
    // leaves the session awaiting a response arms the timer with the newest request it
    // sent; a repeated response (the engine's answer to a retransmitted request) does not
    // touch it; a session that awaits nothing stops it.
    private func updateRetransmission(_ slot: inout SessionSlot, requests: [Datagram], now: Double)
    {
        guard slot.session.isAwaitingResponse, !slot.session.isClosed else {
            slot.retransmission = nil
            return
        }
        guard let newest = requests.last,
            newest.message != slot.retransmission?.request.message
        else { return }
        slot.retransmission = RetransmissionTimer(
            request: newest, now: now, policy: retransmission)
    }

    private func install(_ child: ChildSA, in slot: inout SessionSlot, id: SessionID)
        -> [TransportEvent]
    {
        guard let peer = slot.peer else {
            return [
                .tunnelUnavailable(
                    id, childSA: child.name,
                    TransportError(.unknownSession, "no peer endpoint for '\(child.name)'"))
            ]
        }
        do {
            let tunnel = try ChildSATunnel(
                child: child, localAddress: transport.localAddress, remoteAddress: peer.address)
            slot.tunnels[child.inboundSPI] = tunnel
            sessionsByESPSPI[child.inboundSPI] = id
            return []
        } catch {
            return [.tunnelUnavailable(id, childSA: child.name, error)]
        }
    }

    private func remove(_ child: ChildSA, from slot: inout SessionSlot) {
        slot.tunnels[child.inboundSPI] = nil
        sessionsByESPSPI[child.inboundSPI] = nil
    }

    private func removeAllTunnels(from slot: inout SessionSlot) {
        for spi in slot.tunnels.keys { sessionsByESPSPI[spi] = nil }
        slot.tunnels = [:]
    }
}
