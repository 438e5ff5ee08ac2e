import IKECore
import IKEEngine

extension TransportLoop {
    /// The earliest time a timer is due: a retransmission or a keepalive.
    func nextTimerDeadline() -> Double {
        var deadline = Double.infinity
        for slot in slots.values where !slot.abandoned {
            if let timer = slot.retransmission { deadline = min(deadline, timer.deadline) }
            if let due = keepaliveDue(slot) { deadline = min(deadline, due) }
        }
        return deadline
    }

    /// Retransmits due requests, gives up on silent peers and sends due keepalives.
    func fireTimers() throws(TransportError) -> [TransportEvent] {
        var events: [TransportEvent] = []
        let now = clock()
        for id in slots.keys.sorted() {
            guard var slot = slots[id], !slot.abandoned else { continue }
            if var timer = slot.retransmission {
                switch timer.fire(now: now, policy: retransmission) {
                case .wait:
                    break
                case .retransmit:
                    try transport.send(timer.request)
                    slot.retransmission = timer
                case .giveUp:
                    slot.retransmission = nil
                    slot.abandoned = true
                    slot.tunnels = [:]
                    events.append(.gaveUp(id, giveUpFailure(slot, request: timer.request)))
                }
            }
            if let due = keepaliveDue(slot), due <= now, let peer = slot.peerNATTraversalEndpoint {
                try transport.sendKeepalive(to: peer)
                slot.lastNATTraversalSend = now
            }
            slots[id] = slot
        }
        return events
    }

    // RFC 3948 section 2.3: a peer behind a NAT sends keepalives while the NAT must keep
    // its mapping. The engine's forced encapsulation pretends we are behind one, so an
    // encapsulated IKE SA gets keepalives whenever nothing else was sent for a while.
    private func keepaliveDue(_ slot: SessionSlot) -> Double? {
        guard let keepaliveInterval, slot.session.isEstablished,
            slot.session.ikeSA?.usesUDPEncapsulation == true
        else { return nil }
        return slot.lastNATTraversalSend + keepaliveInterval
    }

    private func giveUpFailure(_ slot: SessionSlot, request: Datagram) -> NegotiationFailure {
        let facts = MessageFacts(request.message)
        let exchange = facts?.exchangeName ?? "unknown exchange"
        let phase: NegotiationFailure.Phase = slot.session.isEstablished ? .informational : .ikeSA
        let seconds = Int(retransmission.giveUpAfter)
        return NegotiationFailure(
            code: .noResponse, phase: phase, exchange: exchange, notify: nil,
            refusedBy: slot.session.role.peer, reportedBy: slot.session.role,
            reason: "no response from \(request.destination) after "
                + "\(retransmission.maximumRetransmissions) retransmissions "
                + "(at most \(seconds) s)")
    }
}
