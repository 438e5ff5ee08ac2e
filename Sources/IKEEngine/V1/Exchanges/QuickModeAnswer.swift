import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5 and RFC 2407 section 4.6.3.1: what a quick mode answer must carry
// to be taken: one proposal of our protocol with a four-octet SPI and exactly one of the
// transforms we offered, Nr, KE when we asked for PFS, our client IDs echoed if any, and
// optionally RESPONDER-LIFETIME.

/// What a quick mode answer carries, checked against our offer.
struct QuickModeAnswer {
    /// The chosen transform's meaning.
    var choice: Phase2Choice
    /// The responder's SPI.
    var spi: UInt32
    /// Nr_b.
    var nonce: [UInt8]
    /// The responder's KE data, if any.
    var keyExchange: [UInt8]?
    /// The lifetime, after any RESPONDER-LIFETIME.
    var lifetime: IKEv1Lifetime
}

/// A quick mode answer that does not fit the offer, in words.
struct QuickModeAnswerProblem: Error {
    /// What is wrong.
    let text: String
}

extension IKEv1Session {
    /// The answer's SA, nonce, KE, client IDs and lifetime, checked against `pending`.
    static func quickModeAnswer(_ payloads: [ISAKMPPayload], pending: PendingQuickMode)
        -> Result<QuickModeAnswer, QuickModeAnswerProblem>
    {
        func problem(_ text: String) -> Result<QuickModeAnswer, QuickModeAnswerProblem> {
            .failure(QuickModeAnswerProblem(text: text))
        }
        let protocolID = pending.configuration.protocolID
        var sa: ISAKMPSAPayload?
        var nonce: [UInt8]?
        var keyExchange: [UInt8]?
        var ids: [ISAKMPIdentificationPayload] = []
        var lifetimeNotify: ISAKMPNotificationPayload?
        for payload in payloads {
            switch payload {
            case .securityAssociation(let value) where sa == nil: sa = value
            case .nonce(let value) where nonce == nil: nonce = value.data
            case .keyExchange(let value) where keyExchange == nil: keyExchange = value.data
            case .identification(let value): ids.append(value)
            case .notification(let value) where value.type == .responderLifetime:
                lifetimeNotify = value
            default: break
            }
        }
        guard let sa, let nonce, (8...256).contains(nonce.count) else {
            return problem("responder's quick mode answer lacks an SA payload or a valid nonce")
        }
        guard sa.proposals.count == 1, let proposal = sa.proposals.first,
            proposal.protocolID == protocolID.rawValue, proposal.spi.count == 4,
            proposal.transforms.count == 1, let wire = proposal.transforms.first,
            let chosen = IKEv1Phase2Transform(wire),
            let choice = IKEv1QuickModeProposals.choice(of: chosen, protocolID: protocolID),
            let offered = pending.transforms.first(where: {
                IKEv1QuickModeProposals.choice(of: $0, protocolID: protocolID) == choice
            })
        else { return problem("responder chose a transform we did not offer") }
        if pending.sendsClientIDs, !ids.isEmpty {
            let expected = [pending.localSelector, pending.remoteSelector]
            guard ids.compactMap(\.trafficSelector) == expected else {
                return problem("responder answered other client IDs than we proposed")
            }
        }

        var lifetime = IKEv1Lifetime(
            seconds: chosen.lifeSeconds ?? offered.lifeSeconds
                ?? IKEv1LifetimeNegotiation.defaultSeconds,
            kilobytes: chosen.lifeKilobytes ?? offered.lifeKilobytes)
        if let lifetimeNotify, let attributes = try? lifetimeNotify.responderLifetimeAttributes(),
            let adopted = IKEv1LifetimeNegotiation.adopt(
                attributes, into: lifetime, phase1: false)
        {
            lifetime = adopted
        }
        return .success(
            QuickModeAnswer(
                choice: choice, spi: UInt32(truncatingIfNeeded: bigEndianValue(proposal.spi)),
                nonce: nonce, keyExchange: keyExchange, lifetime: lifetime))
    }
}
