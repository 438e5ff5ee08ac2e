import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5: the initiator opens phase 1 with its SA payload: alone in main mode
// (message 1), or with KE, nonce and ID in aggressive mode. Both announce RFC 3947 NAT
// traversal and RFC 3706 dead peer detection with vendor IDs.

extension IKEv1Session {
    /// Sends the first phase 1 message.
    func startInitiator() -> [SessionAction] {
        var cookie = random.uint64()
        while cookie == 0 { cookie = random.uint64() }
        let transforms = IKEv1Phase1Proposals.transforms(
            configuration.ikeProposals, method: method, lifetime: configuration.ikeLifetime)
        do {
            switch configuration.ikev1.mode {
            case .main:
                return try sendMainModeOffer(cookie: cookie, transforms: transforms)
            case .aggressive:
                let offered = IKEv1Phase1Proposals.aggressiveOffer(
                    transforms, revisedEncryption: family == .encryption(revised: true))
                return try sendAggressiveOffer(cookie: cookie, transforms: offered)
            }
        } catch {
            return [cryptoFailure(error, exchange: phase1ExchangeName)]
        }
    }

    /// The SA payload offering `transforms`.
    func offerPayload(_ transforms: [IKEv1Phase1Transform]) throws -> ISAKMPPayload {
        guard let proposal = ISAKMPProposal.phase1(number: 1, transforms: transforms) else {
            throw WireError(
                .unsupportedValue, payloadType: ISAKMPPayloadType.securityAssociation.rawValue,
                offset: 0, detail: "a cipher of the IKE proposals has no IKEv1 number")
        }
        return .securityAssociation(ISAKMPSAPayload(proposals: [proposal]))
    }

    /// Main mode message 1: SA and vendor IDs.
    private func sendMainModeOffer(cookie: UInt64, transforms: [IKEv1Phase1Transform]) throws
        -> [SessionAction]
    {
        let payloads = [try offerPayload(transforms)] + IKEv1NATTraversal.vendorIDs
        let header = header(
            initiatorCookie: cookie, responderCookie: 0, exchange: .identityProtection)
        let (action, octets) = try sendClear(header, payloads, isResponse: false)
        let saBody = Self.rawBodies(octets, firstPayload: .securityAssociation)?.first?.body ?? []
        state = .awaitingMainModeSA(
            Phase1Offer(
                mode: .main, initiatorCookie: cookie, transforms: transforms, message: octets,
                saBody: saBody, aggressive: nil))
        return [action]
    }

    /// The offered proposal of a first message: its number, its wire transforms and the
    /// transforms that convert (RFC 2409 appendix A); nil without an ISAKMP proposal.
    static func phase1Offer(in payloads: [ISAKMPPayload])
        -> (number: UInt8, wire: [ISAKMPTransform], decoded: [IKEv1Phase1Transform])?
    {
        for case .securityAssociation(let sa) in payloads {
            guard sa.doi == ISAKMPSAPayload.ipsecDOI,
                let proposal = sa.proposals.first(where: {
                    $0.protocolID == SecurityProtocol.ike.rawValue
                })
            else { return nil }
            return (proposal.number, proposal.transforms, proposal.phase1Transforms)
        }
        return nil
    }

    /// The responder's one-transform answer checked against our offer: the transform
    /// and the lifetime it carries (no longer than ours), or nil.
    static func acceptAnswer(_ payloads: [ISAKMPPayload], offered: [IKEv1Phase1Transform])
        -> (transform: IKEv1Phase1Transform, lifetime: IKEv1Lifetime)?
    {
        for case .securityAssociation(let sa) in payloads {
            guard sa.proposals.count == 1, let proposal = sa.proposals.first,
                proposal.protocolID == SecurityProtocol.ike.rawValue,
                proposal.transforms.count == 1, let wire = proposal.transforms.first,
                let chosen = IKEv1Phase1Transform(wire),
                let mine = offered.first(where: { IKEv1Phase1Proposals.fits(chosen, $0) })
            else { return nil }
            let seconds =
                chosen.lifeSeconds ?? mine.lifeSeconds
                ?? IKEv1LifetimeNegotiation.defaultSeconds
            let kilobytes = chosen.lifeKilobytes ?? mine.lifeKilobytes
            guard seconds <= (mine.lifeSeconds ?? .max) else { return nil }
            if let limit = mine.lifeKilobytes, let kilobytes, kilobytes > limit { return nil }
            return (chosen, IKEv1Lifetime(seconds: seconds, kilobytes: kilobytes))
        }
        return nil
    }

    /// The agreed transform as the exchange keeps it.
    static func choice(_ transform: IKEv1Phase1Transform, lifetime: IKEv1Lifetime)
        -> IKEv1Phase1Choice
    {
        IKEv1Phase1Choice(
            cipher: transform.cipher, hash: transform.hash, authMethod: transform.authMethod,
            group: transform.group,
            lifetime: IKELifetime(seconds: lifetime.seconds, kilobytes: lifetime.kilobytes))
    }

    /// The lifetime of a choice in IKEv1 units.
    static func lifetime(of choice: IKEv1Phase1Choice) -> IKEv1Lifetime {
        IKEv1Lifetime(seconds: choice.lifetime.seconds, kilobytes: choice.lifetime.kilobytes)
    }

    /// Our lifetime in IKEv1 units.
    var ourIKELifetime: IKEv1Lifetime {
        IKEv1Lifetime(
            seconds: configuration.ikeLifetime.seconds,
            kilobytes: configuration.ikeLifetime.kilobytes)
    }

    /// The exchange a responder starts once it has chosen a transform.
    func newResponderExchange(
        mode: IKEv1Options.Mode, header: ISAKMPHeader, choice: IKEv1Phase1Choice,
        announcesLifetime: Bool, saBody: [UInt8], peerPayloads: [ISAKMPPayload],
        keyPair: DHKeyPair, nonce: [UInt8], ourIDBody: [UInt8]
    ) -> Phase1Exchange {
        var responderCookie = random.uint64()
        while responderCookie == 0 { responderCookie = random.uint64() }
        return Phase1Exchange(
            mode: mode, initiatorCookie: header.initiatorCookie,
            responderCookie: responderCookie, choice: choice, saBody: saBody, keyPair: keyPair,
            initiatorNonce: [], responderNonce: nonce, initiatorPublicValue: [],
            responderPublicValue: keyPair.publicValue, keys: nil, iv: [], ourIDBody: ourIDBody,
            peerIDBody: [], peerIdentity: nil,
            peerSupportsNATTraversal: IKEv1NATTraversal.announcesNATTraversal(peerPayloads),
            peerSupportsDPD: IKEv1NATTraversal.announcesDPD(peerPayloads),
            usesUDPEncapsulation: false,
            announcesLifetime: announcesLifetime, localAuthentication: nil, lastSent: [],
            lastReceived: [])
    }

    /// The answer to an offer: the offered proposal's number with the chosen transform
    /// as the initiator sent it.
    static func answerPayload(number: UInt8, wire: [ISAKMPTransform], chosen: IKEv1Phase1Transform)
        -> ISAKMPPayload
    {
        let transform = wire.first { IKEv1Phase1Transform($0) == chosen } ?? chosen.wireTransform
        let proposal = ISAKMPProposal(
            number: number, protocolID: SecurityProtocol.ike.rawValue, spi: [],
            transforms: transform.map { [$0] } ?? [])
        return .securityAssociation(ISAKMPSAPayload(proposals: [proposal]))
    }
}
