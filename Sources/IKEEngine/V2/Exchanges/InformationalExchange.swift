import IKECore
import IKEWire

// RFC 7296 section 1.4: INFORMATIONAL carries Delete payloads, notifications or nothing
// (a liveness check, section 2.4). Deleting Child SAs is answered with Delete payloads
// for our side of the same SAs (section 1.4.1); deleting the IKE SA is answered empty and
// ends every Child SA with it. An AUTHENTICATION_FAILED notification here means the
// initiator rejected our IKE_AUTH response (section 2.21.2).

extension IKEv2Session {
    /// Answers an INFORMATIONAL request.
    func respondInformational(
        _ inner: [IKEv2Payload], messageID: UInt32, onRetiring: Bool, est: inout Established
    ) -> [SessionAction] {
        var deletesIKE = false
        var peerSPIs: [SecurityProtocol: [UInt32]] = [:]
        var authenticationRejected = false
        for payload in inner {
            switch payload {
            case .delete(let delete):
                guard let protocolID = delete.securityProtocol else { continue }
                if protocolID == .ike {
                    deletesIKE = true
                } else if delete.spiSize == 4 {
                    peerSPIs[protocolID, default: []].append(
                        contentsOf: delete.spis.map {
                            UInt32(truncatingIfNeeded: bigEndianValue($0))
                        })
                }
            case .notify(let notify) where notify.type == .authenticationFailed:
                authenticationRejected = true
            default:
                break
            }
        }

        // The old IKE SA of a rekey: only its deletion is expected.
        if onRetiring {
            let send = respond(
                on: true, messageID: messageID, exchange: .informational, inner: [], est: &est)
            if deletesIKE { est.retiring = nil }
            return [send]
        }

        if authenticationRejected {
            let send = respond(
                on: false, messageID: messageID, exchange: .informational, inner: [], est: &est)
            return [
                send,
                close(
                    failure(
                        .authenticationFailed, phase: .ikeSA, exchange: .informational,
                        notify: .authenticationFailed, refusedBy: role.peer,
                        reason: "peer rejected our authentication")),
            ]
        }

        if deletesIKE {
            let send = respond(
                on: false, messageID: messageID, exchange: .informational, inner: [], est: &est)
            var actions: [SessionAction] = [send]
            actions.append(contentsOf: est.children.map(SessionAction.childSADeleted))
            actions.append(.ikeSADeleted(initiatedBy: role.peer))
            state = .closed(Closed(reason: "the peer deleted the IKE SA"))
            return actions
        }

        // Child SAs: answer with our inbound SPIs of the same SAs.
        var events: [SessionAction] = []
        var response: [IKEv2Payload] = []
        for protocolID in [SecurityProtocol.esp, .ah] {
            guard let spis = peerSPIs[protocolID] else { continue }
            var ours: [UInt32] = []
            for spi in spis {
                if let child = est.children.first(where: {
                    $0.outboundSPI == spi && $0.protocolID == protocolID
                }) {
                    est.children.removeAll { $0.inboundSPI == child.inboundSPI }
                    ours.append(child.inboundSPI)
                    events.append(.childSADeleted(child))
                } else if let old = est.replacedChildren.first(where: {
                    $0.outboundSPI == spi && $0.protocolID == protocolID
                }) {
                    est.replacedChildren.removeAll { $0.inboundSPI == old.inboundSPI }
                    est.queue.removeAll {
                        if case .deleteReplacedChild(let queued) = $0 {
                            return queued.inboundSPI == old.inboundSPI
                        }
                        return false
                    }
                    ours.append(old.inboundSPI)
                }
            }
            if !ours.isEmpty {
                response.append(.delete(IKEv2DeletePayload.childSAs(protocolID, spis: ours)))
            }
        }
        let send = respond(
            on: false, messageID: messageID, exchange: .informational, inner: response, est: &est)
        return [send] + events
    }

    /// Handles the response to our INFORMATIONAL request.
    func handleInformationalResponse(
        _ inner: [IKEv2Payload], purpose: InformationalPurpose, est: inout Established
    ) -> [SessionAction] {
        switch purpose {
        case .deleteChildren(let children):
            let spis = Set(children.map(\.inboundSPI))
            est.children.removeAll { spis.contains($0.inboundSPI) }
            return children.map(SessionAction.childSADeleted)
        case .deleteReplacedChild(let child):
            est.replacedChildren.removeAll { $0.inboundSPI == child.inboundSPI }
            return []
        case .deleteIKESA:
            var actions = est.children.map(SessionAction.childSADeleted)
            actions.append(.ikeSADeleted(initiatedBy: role))
            state = .closed(Closed(reason: "we deleted the IKE SA"))
            return actions
        case .deleteRetiredIKESA:
            est.retiring = nil
            return []
        case .liveness:
            return []
        }
    }
}
