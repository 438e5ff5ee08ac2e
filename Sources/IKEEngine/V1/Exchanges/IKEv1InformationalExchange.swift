import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.7 and RFC 2408 section 4.8: an informational exchange is one
// message, protected by HASH(1) = prf(SKEYID_a, M-ID | N/D) and encrypted; nothing
// answers it. Delete payloads end IPsec SAs (the sender names its inbound SPIs, which are
// the receiver's outbound ones) or the ISAKMP SA itself (both cookies as the SPI). Error
// notifications about AH or ESP end the quick mode in flight; those about the ISAKMP SA
// mean the peer refused our phase 1 authentication. RFC 3706: R-U-THERE is answered with
// R-U-THERE-ACK carrying the same sequence number.

extension IKEv1Session {
    /// Handles a protected informational message.
    func receiveInformational(
        _ message: ISAKMPMessage, datagram: Datagram, est: inout IKEv1Established
    ) -> [SessionAction] {
        guard
            let payloads = openInformational(
                message, datagram: datagram, keys: est.sa.keys,
                lastPhase1Block: est.sa.lastPhase1Block)
        else { return [discard(.integrityCheckFailed, message.header)] }

        var actions: [SessionAction] = []
        for payload in payloads {
            switch payload {
            case .delete(let delete):
                actions += receiveDelete(delete, est: &est)
                if isClosed { return actions }
            case .notification(let notify):
                actions += receiveNotification(notify, est: &est)
                if isClosed { return actions }
            default:
                break
            }
        }
        return actions
    }

    private func receiveDelete(_ delete: ISAKMPDeletePayload, est: inout IKEv1Established)
        -> [SessionAction]
    {
        if delete.protocolID == SecurityProtocol.ike.rawValue {
            var actions = est.children.map(SessionAction.childSADeleted)
            actions.append(.ikeSADeleted(initiatedBy: role.peer))
            state = .closed(IKEv1Closed(reason: "the peer deleted the ISAKMP SA"))
            return actions
        }
        guard delete.spiSize == 4, let protocolID = SecurityProtocol(rawValue: delete.protocolID)
        else { return [] }
        var actions: [SessionAction] = []
        for octets in delete.spis {
            let spi = UInt32(truncatingIfNeeded: bigEndianValue(octets))
            if let child = est.children.first(where: {
                $0.outboundSPI == spi && $0.protocolID == protocolID
            }) {
                est.children.removeAll { $0.inboundSPI == child.inboundSPI }
                actions.append(.childSADeleted(child))
            } else {
                est.replacedChildren.removeAll {
                    $0.outboundSPI == spi && $0.protocolID == protocolID
                }
            }
        }
        return actions
    }

    private func receiveNotification(
        _ notify: ISAKMPNotificationPayload, est: inout IKEv1Established
    ) -> [SessionAction] {
        switch notify.type {
        case .rUThere:
            guard notify.dpdSequenceNumber != nil else { return [] }
            let ack = ISAKMPNotificationPayload(
                type: .rUThereAck, protocolID: SecurityProtocol.ike.rawValue,
                spi: IKEv1KeyDerivation.cookies(est.sa.initiatorCookie, est.sa.responderCookie),
                data: notify.data)
            return
                (try? sendProtectedInformational(
                    [.notification(ack)], keys: est.sa.keys,
                    lastPhase1Block: est.sa.lastPhase1Block,
                    initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie
                ))
                .map { [$0] } ?? []
        case .rUThereAck:
            if let sequence = notify.dpdSequenceNumber, sequence == est.pendingLiveness {
                est.pendingLiveness = nil
            }
            return []
        default:
            break
        }
        guard notify.type.isError else { return [] }

        // An error about the ISAKMP SA: the peer refused our phase 1 authentication.
        if notify.protocolID == SecurityProtocol.ike.rawValue {
            return [
                close(
                    failure(
                        code(forPeerNotify: notify.type), phase: .ikeSA,
                        exchange: phase1ExchangeName, notify: notify.type, refusedBy: role.peer,
                        reason: "peer answered \(notify.type): it refused our authentication"))
            ]
        }
        guard let pending = est.pending else { return [] }
        est.pending = nil
        let name = pending.configuration.name
        let code: NegotiationFailure.Code
        switch notify.type {
        case .noProposalChosen: code = .noProposalChosen
        case .invalidIDInformation: code = .trafficSelectorsUnacceptable
        case .invalidKeyInformation: code = .invalidKeyExchange
        default: code = .peerRefused
        }
        return [
            .failed(
                failure(
                    code, phase: pending.rekeying == nil ? .childSA(name) : .childRekey(name),
                    exchange: "Quick Mode", notify: notify.type, refusedBy: role.peer,
                    reason: "peer answered \(notify.type) to our quick mode for '\(name)'"))
        ]
    }

    /// Deletes Child SAs: one Delete payload per protocol with our inbound SPIs.
    func deleteChildren(_ doomed: [ChildSA], est: inout IKEv1Established) -> [SessionAction] {
        var actions: [SessionAction] = []
        for protocolID in [SecurityProtocol.esp, .ah] {
            let spis = doomed.filter { $0.protocolID == protocolID }.map {
                IKEv1QuickModeTask.spiOctets($0.inboundSPI)
            }
            guard !spis.isEmpty else { continue }
            let delete = ISAKMPPayload.delete(
                ISAKMPDeletePayload(protocolID: protocolID.rawValue, spiSize: 4, spis: spis))
            do {
                actions.append(
                    try sendProtectedInformational(
                        [delete], keys: est.sa.keys, lastPhase1Block: est.sa.lastPhase1Block,
                        initiatorCookie: est.sa.initiatorCookie,
                        responderCookie: est.sa.responderCookie))
            } catch {
                actions.append(
                    .failed(
                        failure(
                            .cryptoFailure, phase: .informational, exchange: "Informational",
                            notify: nil, refusedBy: role,
                            reason: "our Delete could not be sealed: \(error)")))
            }
        }
        let spis = Set(doomed.map(\.inboundSPI))
        est.children.removeAll { spis.contains($0.inboundSPI) }
        return actions + doomed.map(SessionAction.childSADeleted)
    }

    /// Deletes every Child SA, then the ISAKMP SA, and closes the session.
    func closeSession(est: inout IKEv1Established) -> [SessionAction] {
        var actions = est.children.isEmpty ? [] : deleteChildren(est.children, est: &est)
        let cookies = IKEv1KeyDerivation.cookies(est.sa.initiatorCookie, est.sa.responderCookie)
        let delete = ISAKMPPayload.delete(
            ISAKMPDeletePayload(
                protocolID: SecurityProtocol.ike.rawValue, spiSize: 16, spis: [cookies]))
        if let action = try? sendProtectedInformational(
            [delete], keys: est.sa.keys, lastPhase1Block: est.sa.lastPhase1Block,
            initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie)
        {
            actions.append(action)
        }
        actions.append(.ikeSADeleted(initiatedBy: role))
        state = .closed(IKEv1Closed(reason: "we deleted the ISAKMP SA"))
        return actions
    }

    /// Sends R-U-THERE (RFC 3706 section 5.3) when the peer announced DPD.
    func sendLivenessCheck(est: inout IKEv1Established) -> [SessionAction] {
        guard est.sa.peerSupportsDPD else {
            return [
                .failed(
                    failure(
                        .peerRefused, phase: .informational, exchange: "Informational",
                        notify: nil, refusedBy: role.peer,
                        reason: "the peer did not announce dead peer detection (RFC 3706)"))
            ]
        }
        let sequence = est.nextDPDSequence
        var data: [UInt8] = []
        appendBigEndian(sequence, to: &data)
        let notify = ISAKMPNotificationPayload(
            type: .rUThere, protocolID: SecurityProtocol.ike.rawValue,
            spi: IKEv1KeyDerivation.cookies(est.sa.initiatorCookie, est.sa.responderCookie),
            data: data)
        do {
            let action = try sendProtectedInformational(
                [.notification(notify)], keys: est.sa.keys,
                lastPhase1Block: est.sa.lastPhase1Block, initiatorCookie: est.sa.initiatorCookie,
                responderCookie: est.sa.responderCookie)
            est.pendingLiveness = sequence
            est.nextDPDSequence = sequence &+ 1
            return [action]
        } catch {
            return [
                .failed(
                    failure(
                        .cryptoFailure, phase: .informational, exchange: "Informational",
                        notify: nil, refusedBy: role,
                        reason: "our R-U-THERE could not be sealed: \(error)"))
            ]
        }
    }
}
