import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5, quick mode message 2 at the initiator: HASH(2) must verify, the
// answer must name one offered transform with the responder's SPI, Nr and (with PFS) KE,
// and echo our client IDs; a RESPONDER-LIFETIME replaces the proposed lifetime (RFC 2407
// section 4.6.3.1). Message 3 carries HASH(3), and the SA pair is installed. A rekey's
// replaced SA is deleted with an informational Delete.

extension IKEv1Session {
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
