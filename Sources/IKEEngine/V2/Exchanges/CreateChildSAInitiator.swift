import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 1.3.1 and 1.3.3: a new or rekeyed Child SA is requested with
// SK{[N(REKEY_SA)], SA, Ni, [KEi], TSi, TSr}; with PFS the KE payload is for the first
// proposal's first group, and INVALID_KE_PAYLOAD makes us repeat the request with the
// responder's group if we offer it (section 1.3). The keys then include g^ir (new)
// (section 2.17). After a rekey the initiator deletes the old Child SA (section 2.8).

extension IKEv2Session {
    /// Sends a CREATE_CHILD_SA request for `child`, rekeying `rekeying` if given.
    func requestChild(
        _ child: ChildConfiguration, rekeying: ChildSA?, group: DHGroup?,
        triedGroups: [DHGroup], est: inout Established
    ) -> [SessionAction] {
        let (local, remote) =
            rekeying.map { ($0.localSelectors, $0.remoteSelectors) }
            ?? ChildSATask.selectors(
                child, local: configuration.local, remote: configuration.remote)
        let childRequest = ChildRequest(
            configuration: child, spi: ChildSATask.newSPI(random), proposals: child.proposals,
            initiatorSelectors: local, responderSelectors: remote)
        let nonce = random.bytes(NonceAndKeyExchange.nonceLength(configuration.ikev2))
        let keyPair: DHKeyPair?
        do {
            keyPair = try group.map { try NonceAndKeyExchange.keyPair($0, random: random) }
        } catch {
            return [.failed(cryptoFailure(error, exchange: .createChildSA))]
        }

        var inner: [IKEv2Payload] = []
        if let rekeying {
            inner.append(
                .notify(
                    .rekeySA(
                        protocolID: rekeying.protocolID,
                        spi: ChildSATask.spiOctets(rekeying.inboundSPI))))
        }
        let base = ChildSATask.requestPayloads(childRequest)
        for payload in base {
            inner.append(payload)
            if case .securityAssociation = payload {
                inner.append(.nonce(IKEv2NoncePayload(data: nonce)))
                if let keyPair { inner.append(NonceAndKeyExchange.payload(keyPair)) }
            }
        }
        let pending = PendingChild(
            request: childRequest, nonce: nonce, keyPair: keyPair, rekeying: rekeying,
            triedGroups: triedGroups + (group.map { [$0] } ?? []))
        return request(
            on: false, exchange: .createChildSA, inner: inner, pending: .createChild(pending),
            est: &est)
    }

    /// Handles the CREATE_CHILD_SA response to a Child SA request.
    func handleCreateChildResponse(
        _ inner: [IKEv2Payload], pending: PendingChild, est: inout Established
    ) -> [SessionAction] {
        let name = pending.request.configuration.name
        let phase: NegotiationFailure.Phase =
            pending.rekeying == nil ? .childSA(name) : .childRekey(name)

        // INVALID_KE_PAYLOAD: repeat with the responder's group when we offer it.
        for case .notify(let notify) in inner where notify.type == .invalidKEPayload {
            let offered = pending.request.configuration.proposals.flatMap(\.dhGroups)
            guard let number = notify.acceptedGroupNumber, let group = DHGroup(rawValue: number),
                offered.contains(group), !pending.triedGroups.contains(group)
            else {
                let named = notify.acceptedGroupNumber.map { "group \($0)" } ?? "no group"
                return [
                    .failed(
                        failure(
                            .invalidKEPayload, phase: phase, exchange: .createChildSA,
                            notify: .invalidKEPayload, refusedBy: role.peer,
                            reason: "responder asked for \(named) for Child SA '\(name)', "
                                + "which we do not offer or already tried"))
                ]
            }
            return requestChild(
                pending.request.configuration, rekeying: pending.rekeying, group: group,
                triedGroups: pending.triedGroups, est: &est)
        }

        // g^ir (new), when the responder answered with a KE payload for our group.
        var responderNonce: [UInt8]?
        var peerKE: IKEv2KeyExchangePayload?
        for payload in inner {
            if case .nonce(let nonce) = payload { responderNonce = nonce.data }
            if case .keyExchange(let ke) = payload { peerKE = ke }
        }
        var secret: SecretBytes?
        if Self.errorNotify(in: inner) == nil {
            guard let nonce = responderNonce, NonceAndKeyExchange.isAcceptableNonce(nonce) else {
                return [malformedChildAnswer(phase, "the answer lacks a valid Nr")]
            }
            responderNonce = nonce
            if let keyPair = pending.keyPair, let peerKE {
                guard let shared = NonceAndKeyExchange.sharedSecret(keyPair, peer: peerKE) else {
                    return [malformedChildAnswer(phase, "the answer's KE payload is not usable")]
                }
                secret = shared
            }
        }

        let answer = acceptChildAnswer(
            pending.request, inner: inner, exchange: .createChildSA, phase: phase,
            keyMaterial: est.sa.keyMaterial, sharedSecret: secret,
            initiatorNonce: pending.nonce, responderNonce: responderNonce ?? [],
            generation: pending.rekeying.map { $0.generation + 1 } ?? 0)
        switch answer {
        case .established(let child):
            let pfsExpected = child.selectedProposal.dhGroups.first
            guard pfsExpected == nil || (pfsExpected == pending.keyPair?.group && secret != nil)
            else {
                est.replacedChildren.append(child)
                est.queue.append(.deleteReplacedChild(child))
                return [
                    malformedChildAnswer(phase, "the answer selects PFS without a matching KE")
                ]
            }
            if let old = pending.rekeying {
                est.children.removeAll { $0.inboundSPI == old.inboundSPI }
                est.children.append(child)
                est.replacedChildren.append(old)
                est.queue.insert(.deleteReplacedChild(old), at: 0)
                return [.childSARekeyed(old: old, new: child)]
            }
            est.children.append(child)
            return [.childSAEstablished(child)]
        case .refused(let failure):
            return [.failed(failure)]
        case .unacceptable(let child, let failure):
            est.replacedChildren.append(child)
            est.queue.insert(.deleteReplacedChild(child), at: 0)
            return [.failed(failure)]
        }
    }

    private func malformedChildAnswer(_ phase: NegotiationFailure.Phase, _ reason: String)
        -> SessionAction
    {
        .failed(
            failure(
                .invalidSyntax, phase: phase, exchange: .createChildSA, notify: nil,
                refusedBy: role, reason: reason))
    }

    // RFC 7296 section 1.3.2: SK{SA, Ni, KEi}, the SA proposals carrying our new SPI.
    /// Sends a CREATE_CHILD_SA request rekeying the IKE SA.
    func requestIKERekey(group: DHGroup, triedGroups: [DHGroup], est: inout Established)
        -> [SessionAction]
    {
        var spi = random.uint64()
        while spi == 0 { spi = random.uint64() }
        let nonce = random.bytes(NonceAndKeyExchange.nonceLength(configuration.ikev2))
        let keyPair: DHKeyPair
        do {
            keyPair = try NonceAndKeyExchange.keyPair(group, random: random)
        } catch {
            return [.failed(cryptoFailure(error, exchange: .createChildSA))]
        }
        var spiOctets: [UInt8] = []
        appendBigEndian(spi, to: &spiOctets)
        let inner: [IKEv2Payload] = [
            .securityAssociation(
                ProposalSelection.wirePayload(configuration.ikeProposals, spi: spiOctets)),
            .nonce(IKEv2NoncePayload(data: nonce)),
            NonceAndKeyExchange.payload(keyPair),
        ]
        let pending = PendingIKERekey(
            spi: spi, nonce: nonce, keyPair: keyPair, triedGroups: triedGroups + [group])
        return request(
            on: false, exchange: .createChildSA, inner: inner, pending: .rekeyIKESA(pending),
            est: &est)
    }

    /// Handles the response to our IKE SA rekey: the new SA replaces the old, which is
    /// then deleted (RFC 7296 section 2.18).
    func handleIKERekeyResponse(
        _ inner: [IKEv2Payload], pending: PendingIKERekey, est: inout Established
    ) -> [SessionAction] {
        for case .notify(let notify) in inner where notify.type == .invalidKEPayload {
            let offered = configuration.ikeProposals.flatMap(\.dhGroups)
            if let number = notify.acceptedGroupNumber, let group = DHGroup(rawValue: number),
                offered.contains(group), !pending.triedGroups.contains(group)
            {
                return requestIKERekey(group: group, triedGroups: pending.triedGroups, est: &est)
            }
        }
        if let notify = Self.errorNotify(in: inner) {
            return [
                .failed(
                    failure(
                        Self.code(for: notify.type), phase: .ikeRekey, exchange: .createChildSA,
                        notify: notify.type, refusedBy: role.peer,
                        reason: "responder answered \(notify.type) to our IKE SA rekey"))
            ]
        }
        var saPayload: IKEv2SAPayload?
        var nonce: [UInt8]?
        var peerKE: IKEv2KeyExchangePayload?
        for payload in inner {
            switch payload {
            case .securityAssociation(let sa): saPayload = sa
            case .nonce(let value): nonce = value.data
            case .keyExchange(let ke): peerKE = ke
            default: break
            }
        }
        guard let saPayload, let nonce, let peerKE, NonceAndKeyExchange.isAcceptableNonce(nonce),
            let (proposal, spi) = ProposalSelection.acceptAnswer(
                saPayload, offered: configuration.ikeProposals),
            spi.count == 8, proposal.dhGroups.first == pending.keyPair.group,
            let secret = NonceAndKeyExchange.sharedSecret(pending.keyPair, peer: peerKE)
        else {
            return [
                .failed(
                    failure(
                        .invalidSyntax, phase: .ikeRekey, exchange: .createChildSA, notify: nil,
                        refusedBy: role,
                        reason: "the IKE SA rekey answer lacks SA, Nr or KE, or does not fit "
                            + "our offer"))
            ]
        }
        do {
            let keys = try IKEv2KeyMaterial.rekeyed(
                from: est.sa.keyMaterial, proposal: proposal, sharedSecret: secret,
                initiatorNonce: pending.nonce, responderNonce: nonce, initiatorSPI: pending.spi,
                responderSPI: bigEndianValue(spi), weAreInitiator: true)
            let newSA = SecurityAssociationContext(
                initiatorSPI: pending.spi, responderSPI: bigEndianValue(spi), weAreInitiator: true,
                keyMaterial: keys, nextRequestID: 0, expectedRequestID: 0, lastResponse: nil,
                generation: est.sa.generation + 1)
            return [replaceIKESA(with: newSA, est: &est, deleteOld: true)]
        } catch {
            return [.failed(cryptoFailure(error, exchange: .createChildSA))]
        }
    }

    /// Moves to a rekeyed IKE SA; the old one retires until its deletion is exchanged.
    func replaceIKESA(
        with newSA: SecurityAssociationContext, est: inout Established, deleteOld: Bool
    ) -> SessionAction {
        est.retiring = est.sa
        est.sa = newSA
        if deleteOld { est.queue.insert(.deleteRetiredIKESA, at: 0) }
        var summary = est.summary
        summary.role = newSA.weAreInitiator ? .initiator : .responder
        summary.initiatorSPI = newSA.initiatorSPI
        summary.responderSPI = newSA.responderSPI
        summary.selectedProposal = newSA.keyMaterial.proposal
        summary.keys = .v2(newSA.keyMaterial.keys)
        summary.generation = newSA.generation
        est.summary = summary
        return .ikeSAEstablished(summary)
    }
}
