import IKECore
import IKEWire

// RFC 2409 section 5 and RFC 2408 section 4.2: the responder to main mode or aggressive
// mode message 1 takes one transform of the initiator's ISAKMP proposal, by the configured
// preference, and settles its lifetime by the lifetime policy: as offered, or shorter and
// announced with RESPONDER-LIFETIME (RFC 2407 section 4.6.3.1). When no transform fits it
// refuses with NO-PROPOSAL-CHOSEN and reports both lists; a lifetime the policy refuses
// drops the message.

/// The transform a responder takes from the initiator's phase 1 offer.
struct Phase1ResponderChoice {
    /// The offered transform taken.
    var transform: IKEv1Phase1Transform
    /// The lifetime agreed.
    var lifetime: IKEv1Lifetime
    /// Whether RESPONDER-LIFETIME announces the lifetime.
    var announcesLifetime: Bool
}

/// The responder's decision on the initiator's phase 1 offer.
enum Phase1ResponderDecision {
    /// A transform was taken.
    case chosen(Phase1ResponderChoice)
    /// No transform was taken: the refusal or the discard to return.
    case declined([SessionAction])
}

extension IKEv1Session {
    /// Chooses among the transforms `offered` in message 1 (under `header`).
    func choosePhase1Transform(_ offered: [IKEv1Phase1Transform], header: ISAKMPHeader)
        -> Phase1ResponderDecision
    {
        let ours = IKEv1Phase1Proposals.transforms(
            configuration.ikeProposals, method: method, lifetime: configuration.ikeLifetime)
        let selection = IKEv1Phase1Proposals.select(
            offered: offered, ours: ours, preference: configuration.proposalPreference,
            lifetime: ourIKELifetime, policy: configuration.ikev1.lifetimePolicy)

        switch selection {
        case .refused(let code, let reason):
            return .declined(
                refusePhase1(
                    IKEv1Refusal(code: code, notify: .noProposalChosen, reason: reason),
                    initiatorCookie: header.initiatorCookie, responderCookie: 0, exchange: nil,
                    proposals: IKEv1Phase1Proposals.failureLists(
                        offered: offered, configured: configuration.ikeProposals)))
        case .chosen(let transform, .accepted(let lifetime)):
            return .chosen(
                Phase1ResponderChoice(
                    transform: transform, lifetime: lifetime, announcesLifetime: false))
        case .chosen(let transform, .announced(let lifetime)):
            return .chosen(
                Phase1ResponderChoice(
                    transform: transform, lifetime: lifetime, announcesLifetime: true))
        case .chosen(_, .refused):
            return .declined([discard(.unexpectedRequest, header)])
        }
    }
}
