import IKECore
import IKEPolicy

// RFC 2409 appendix A and RFC 2407 section 4.5: an IKEv1 transform carries exactly one
// value of each attribute, so a written proposal with lists expands into one transform
// per combination. The responder accepts one transform whose attributes all equal one
// of its own.

/// IKEv1 transforms as the planner compares and shows them.
enum IKEv1Transforms {
    /// A phase 1 transform as an IKECore proposal, the hash written as its HMAC integrity
    /// algorithm so that it reads as strongSwan writes IKEv1 proposals
    /// (`aes256-sha256-modp3072`).
    static func proposal(_ transform: IKEv1Phase1Transform) -> Proposal {
        Proposal(
            protocolID: .ike, encryption: [transform.cipher],
            integrity: [integrity(for: transform.hash)], dhGroups: [transform.group])
    }

    /// A phase 2 transform as an IKECore proposal.
    static func proposal(_ transform: IKEv1Phase2Transform, protocolID: SecurityProtocol)
        -> Proposal
    {
        Proposal(
            protocolID: protocolID, encryption: transform.cipher.map { [$0] } ?? [],
            integrity: transform.integrity.map { [$0] } ?? [],
            dhGroups: transform.pfsGroup.map { [$0] } ?? [],
            esn: transform.esn.map { [$0] } ?? [])
    }

    /// The HMAC integrity algorithm of a hash (RFC 2409 appendix A uses HMAC with the
    /// negotiated hash).
    static func integrity(for hash: HashAlgorithm) -> IntegrityAlgorithm {
        switch hash {
        case .md5: return .hmacMD5_96
        case .sha1: return .hmacSHA1_96
        case .sha256: return .hmacSHA256_128
        case .sha384: return .hmacSHA384_192
        case .sha512: return .hmacSHA512_256
        }
    }

    /// The responder's pick among `offered`, in the order its preference names; `accepts`
    /// filters offered transforms (lifetimes, mode). Returns the offered transform.
    static func select<T: Equatable>(
        offered: [T], configured: [T], order: ProposalOrder, accepts: (T) -> Bool = { _ in true }
    ) -> T? {
        switch order {
        case .ours:
            for mine in configured {
                if let match = offered.first(where: { $0 == mine && accepts($0) }) { return match }
            }
        case .theirs:
            for theirs in offered where accepts(theirs) && configured.contains(theirs) {
                return theirs
            }
        }
        return nil
    }
}

/// An IKEv1 lifetime proposed by the initiator and judged by the responder (RFC 2407
/// section 4.5.4; the RESPONDER-LIFETIME notify of section 4.6.3.1).
struct IKEv1LifetimeJudgement {
    /// The lifetime both ends use; nil when the responder refuses.
    let negotiated: Int?
    /// Whether the responder announces a shorter lifetime.
    let notify: Bool

    /// What a responder with lifetime `own` and policy `check` makes of `proposed`: a
    /// proposal no longer than its own is taken as it is; a longer one is taken (`accept`),
    /// shortened with RESPONDER-LIFETIME (`notify`) or refused (`reject`).
    init(proposed: Int, own: Int, check: LifetimeCheck) {
        guard proposed > own else {
            negotiated = proposed
            notify = false
            return
        }
        switch check {
        case .accept:
            negotiated = proposed
            notify = false
        case .notify:
            negotiated = own
            notify = true
        case .reject:
            negotiated = nil
            notify = false
        }
    }
}
