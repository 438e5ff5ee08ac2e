import IKECore
import IKEPolicy

// RFC 2409 appendix A and RFC 2407 section 4.5: an IKEv1 transform carries exactly one
// value of each attribute, so a written proposal with lists expands into one transform
// per combination. The responder accepts one transform whose attributes all equal one
// of its own.

/// IKEv1 transforms as the planner compares and shows them.
enum IKEv1Transforms {
    /// A phase 1 transform as an IKECore proposal: the hash serves as the PRF and, as
    /// HMAC, for integrity, so both are listed, as the policy's own IKEv1 proposals list
    /// them (`3des-prfsha1-sha1-modp1024`).
    static func proposal(_ transform: IKEv1Phase1Transform) -> Proposal {
        Proposal(
            protocolID: .ike, encryption: [transform.cipher],
            prf: prf(for: transform.hash).map { [$0] } ?? [],
            integrity: [integrity(for: transform.hash)], dhGroups: [transform.group])
    }

    /// The HMAC PRF of a hash.
    static func prf(for hash: HashAlgorithm) -> PseudorandomFunction? {
        switch hash {
        case .md5: return .hmacMD5
        case .sha1: return .hmacSHA1
        case .sha256: return .hmacSHA256
        case .sha384: return .hmacSHA384
        case .sha512: return .hmacSHA512
        }
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
/// section 4.5.4; the RESPONDER-LIFETIME notify of section 4.6.3.1), in seconds and,
/// when either end sets one, kilobytes.
struct IKEv1LifetimeJudgement {
    /// The lifetime in seconds both ends use; nil when the responder refuses.
    let negotiated: Int?
    /// The volume limit both ends use, in kilobytes (nil: none).
    let negotiatedKilobytes: UInt64?
    /// Whether the responder announces a shorter lifetime.
    let notify: Bool

    /// What a responder with lifetime `own` (and `ownKilobytes`) and policy `check`
    /// makes of a proposal: one no longer in either unit is taken as it is (a proposal
    /// without a volume limit is longer than a responder's limit); a longer one is taken
    /// (`accept`), shortened to the smaller of each unit with RESPONDER-LIFETIME
    /// (`notify`) or refused (`reject`).
    init(
        proposed: Int, proposedKilobytes: UInt64? = nil, own: Int, ownKilobytes: UInt64? = nil,
        check: LifetimeCheck
    ) {
        let longerInTime = proposed > own
        var longerInVolume = false
        if let limit = ownKilobytes {
            longerInVolume = proposedKilobytes.map { $0 > limit } ?? true
        }
        guard longerInTime || longerInVolume else {
            (negotiated, negotiatedKilobytes, notify) = (proposed, proposedKilobytes, false)
            return
        }
        switch check {
        case .accept:
            (negotiated, negotiatedKilobytes, notify) = (proposed, proposedKilobytes, false)
        case .notify:
            let volume = [proposedKilobytes, ownKilobytes].compactMap { $0 }.min()
            (negotiated, negotiatedKilobytes, notify) = (min(proposed, own), volume, true)
        case .reject:
            (negotiated, negotiatedKilobytes, notify) = (nil, nil, false)
        }
    }
}
