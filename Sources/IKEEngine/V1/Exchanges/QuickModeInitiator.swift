import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5, the initiator's side of quick mode:
//   HDR*, HASH(1), SA, Ni [, KE ] [, IDci, IDcr ]  -->
//                    <--  HDR*, HASH(2), SA, Nr [, KE ] [, IDci, IDcr ]
//   HDR*, HASH(3)                                -->
// HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [| KE] [| IDci | IDcr]), HASH(2) = prf(SKEYID_a,
// M-ID | Ni_b | SA | Nr [| KE] [| IDci | IDcr]), HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b |
// Nr_b). RFC 3947 section 5.2: in transport mode under NAT traversal NAT-OAi and NAT-OAr
// give the original addresses. RFC 2407 section 4.6.3.1: a RESPONDER-LIFETIME in the
// answer replaces the proposed lifetime. A rekey is a new quick mode for the same
// configuration; the replaced SA is then deleted with an informational Delete.

extension IKEv1Session {
    /// Sends quick mode message 1 for `child`.
    func startQuickMode(
        _ child: ChildConfiguration, rekeying: ChildSA?, est: inout IKEv1Established
    ) -> [SessionAction] {
        let phase: NegotiationFailure.Phase =
            rekeying == nil ? .childSA(child.name) : .childRekey(child.name)
        do {
            let keys = est.sa.keys
            let messageID = newMessageID()
            let spi = ChildSATask.newSPI(random)
            let nonce = random.bytes(Self.nonceLength)
            let group = IKEv1QuickModeProposals.pfsGroup(child)
            let keyPair = try group.map { try DHKeyPair.generate(group: $0, random: random) }
            let udp = est.sa.usesUDPEncapsulation
            let transforms = IKEv1QuickModeProposals.transforms(
                child, encapsulation: IKEv1QuickModeProposals.encapsulation(child.mode, udp: udp),
                lifetime: IKEv1LifetimeNegotiation.lifetime(of: child.lifetime),
                onlyGroup: .some(group))
            let (local, remote) = IKEv1QuickModeTask.proposedSelectors(
                child, local: configuration.local, remote: configuration.remote)
            let sendsIDs = IKEv1QuickModeTask.needsClientIDs(
                local: local, remote: remote, localAddress: configuration.local.address,
                remoteAddress: configuration.remote.address)

            var rest: [ISAKMPPayload] = [
                .securityAssociation(
                    ISAKMPSAPayload(proposals: [
                        .quickMode(
                            number: 1, protocolID: child.protocolID,
                            spi: IKEv1QuickModeTask.spiOctets(spi), transforms: transforms)
                    ])),
                .nonce(ISAKMPNoncePayload(data: nonce)),
            ]
            if let keyPair {
                rest.append(.keyExchange(ISAKMPKeyExchangePayload(data: keyPair.publicValue)))
            }
            if sendsIDs {
                rest += IKEv1QuickModeTask.clientIDs(initiatorSide: local, responderSide: remote)
            }
            rest += originalAddresses(child.mode, udp: udp, initiator: true)
            let hash = try keys.exchangeHash(
                messageID: messageID, data: try ISAKMPPayloadChain.encode(rest))
            let iv = try keys.phase2IV(
                lastPhase1Block: est.sa.lastPhase1Block, messageID: messageID)
            let header = header(
                initiatorCookie: est.sa.initiatorCookie, responderCookie: est.sa.responderCookie,
                exchange: .quickMode, messageID: messageID)
            let (action, _, nextIV) = try sendEncrypted(
                header, [.hash(ISAKMPHashPayload(data: hash))] + rest,
                protection: keys.protection, iv: iv, isResponse: false)
            est.pending = PendingQuickMode(
                messageID: messageID, configuration: child, spi: spi, transforms: transforms,
                nonce: nonce, keyPair: keyPair, localSelector: local, remoteSelector: remote,
                sendsClientIDs: sendsIDs, iv: nextIV, rekeying: rekeying)
            return [action]
        } catch {
            return [
                .failed(
                    failure(
                        .cryptoFailure, phase: phase, exchange: "Quick Mode", notify: nil,
                        refusedBy: role, reason: "a cryptographic operation failed: \(error)"))
            ]
        }
    }

    /// NAT-OA payloads for transport mode under NAT traversal (RFC 3947 section 5.2): the
    /// initiator's address, then the responder's.
    func originalAddresses(_ mode: IPsecMode, udp: Bool, initiator: Bool) -> [ISAKMPPayload] {
        guard mode == .transport, udp else { return [] }
        let ours = configuration.local.address
        let theirs = configuration.remote.address
        let (first, second) = initiator ? (ours, theirs) : (theirs, ours)
        return [
            .natOriginalAddress(ISAKMPNATOriginalAddressPayload(address: first)),
            .natOriginalAddress(ISAKMPNATOriginalAddressPayload(address: second)),
        ]
    }
}
