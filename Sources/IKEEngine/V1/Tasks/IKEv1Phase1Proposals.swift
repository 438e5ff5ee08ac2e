import IKECore
import IKEWire

// RFC 2409 section 5 and appendix A: a phase 1 SA payload carries one ISAKMP proposal
// whose KEY_IKE transforms are alternatives, each naming exactly one cipher, hash,
// authentication method and group. A configured proposal with lists expands into one
// transform per combination, in order: ciphers outermost, then hashes, then groups (the
// nesting strongSwan uses when it turns a proposal with several algorithms into IKEv1
// transforms). The hash of a proposal comes from its integrity algorithms (`sha256`), or
// when it names none from its PRFs (`prfsha256`).
//
// The responder picks one transform (RFC 2408 section 4.2) by an explicit preference:
// its own order (strongSwan's default) or the initiator's. A transform fits when cipher
// and key length, hash, group and authentication method are equal; the lifetime is then
// settled by the lifetime policy.

/// The responder's choice, or why there is none.
enum Phase1Selection {
    /// The chosen offered transform and the lifetime decision.
    case chosen(IKEv1Phase1Transform, IKEv1LifetimeNegotiation.Decision)
    /// No transform fits: the code (`noProposalChosen` or `authMethodMismatch`) and a
    /// reason naming the nearest miss.
    case refused(NegotiationFailure.Code, String)
}

/// Phase 1 proposal expansion and selection.
enum IKEv1Phase1Proposals {
    /// The hashes a proposal names, in order, without repeats.
    static func hashes(of proposal: Proposal) -> [HashAlgorithm] {
        let named =
            proposal.integrity.isEmpty
            ? proposal.prf.compactMap(IKEv1Values.phase1Hash(forPRF:))
            : proposal.integrity.compactMap(IKEv1Values.phase1Hash(forIntegrity:))
        var result: [HashAlgorithm] = []
        for hash in named where !result.contains(hash) { result.append(hash) }
        return result
    }

    /// The transforms of `proposals` in order (ciphers, then hashes, then groups), numbered
    /// from 1, each with `method` and `lifetime`.
    static func transforms(
        _ proposals: [Proposal], method: IKEv1AuthMethod, lifetime: IKELifetime
    ) -> [IKEv1Phase1Transform] {
        var result: [IKEv1Phase1Transform] = []
        for proposal in proposals {
            for cipher in proposal.encryption {
                for hash in hashes(of: proposal) {
                    for group in proposal.dhGroups {
                        let number = UInt8(truncatingIfNeeded: result.count + 1)
                        result.append(
                            IKEv1Phase1Transform(
                                number: number, cipher: cipher, hash: hash, authMethod: method,
                                group: group, lifeSeconds: lifetime.seconds,
                                lifeKilobytes: lifetime.kilobytes))
                    }
                }
            }
        }
        return result
    }

    // RFC 2409 section 5: in aggressive mode the first message already carries KE (and,
    // with revised public key encryption, payloads encrypted with a key made by the
    // negotiated PRF and cipher), so every offered transform must use the group (and
    // then the hash and cipher) of the first.
    /// The transforms an aggressive mode initiator can offer.
    static func aggressiveOffer(_ transforms: [IKEv1Phase1Transform], revisedEncryption: Bool)
        -> [IKEv1Phase1Transform]
    {
        guard let first = transforms.first else { return [] }
        let kept = transforms.filter { transform in
            transform.group == first.group
                && (!revisedEncryption
                    || (transform.cipher == first.cipher && transform.hash == first.hash))
        }
        return kept.enumerated().map { index, transform in
            var renumbered = transform
            renumbered.number = UInt8(truncatingIfNeeded: index + 1)
            return renumbered
        }
    }

    /// The transform as a proposal of one transform per type, the way summaries and
    /// failure reports show it: the hash appears as both its integrity algorithm and its
    /// HMAC PRF, as strongSwan lists IKEv1 proposals.
    static func proposal(of transform: IKEv1Phase1Transform) -> Proposal {
        proposal(cipher: transform.cipher, hash: transform.hash, group: transform.group)
    }

    /// A cipher, hash and group as a proposal of one transform per type.
    static func proposal(cipher: Cipher, hash: HashAlgorithm, group: DHGroup) -> Proposal {
        Proposal(
            protocolID: .ike, encryption: [cipher], prf: [prf(of: hash)],
            integrity: [integrity(of: hash)], dhGroups: [group])
    }

    /// The HMAC PRF of a hash.
    static func prf(of hash: HashAlgorithm) -> PseudorandomFunction {
        switch hash {
        case .md5: return .hmacMD5
        case .sha1: return .hmacSHA1
        case .sha256: return .hmacSHA256
        case .sha384: return .hmacSHA384
        case .sha512: return .hmacSHA512
        }
    }

    /// The integrity algorithm strongSwan's keywords name for a hash.
    static func integrity(of hash: HashAlgorithm) -> IntegrityAlgorithm {
        switch hash {
        case .md5: return .hmacMD5_96
        case .sha1: return .hmacSHA1_96
        case .sha256: return .hmacSHA256_128
        case .sha384: return .hmacSHA384_192
        case .sha512: return .hmacSHA512_256
        }
    }

    /// Whether two transforms name the same algorithms and method.
    static func fits(_ offered: IKEv1Phase1Transform, _ ours: IKEv1Phase1Transform) -> Bool {
        offered.cipher == ours.cipher && offered.hash == ours.hash && offered.group == ours.group
            && offered.authMethod == ours.authMethod
    }

    /// The responder's selection.
    static func select(
        offered: [IKEv1Phase1Transform], ours: [IKEv1Phase1Transform],
        preference: ProposalPreference, lifetime: IKEv1Lifetime,
        policy: IKEv1Options.LifetimePolicy
    ) -> Phase1Selection {
        var pairs: [(IKEv1Phase1Transform, IKEv1Phase1Transform)] = []
        switch preference {
        case .local:
            for mine in ours {
                for theirs in offered where fits(theirs, mine) { pairs.append((theirs, mine)) }
            }
        case .peer:
            for theirs in offered {
                for mine in ours where fits(theirs, mine) { pairs.append((theirs, mine)) }
            }
        }
        for (theirs, _) in pairs {
            let decision = IKEv1LifetimeNegotiation.decide(
                proposedSeconds: theirs.lifeSeconds, proposedKilobytes: theirs.lifeKilobytes,
                ours: lifetime, policy: policy)
            if decision != .refused { return .chosen(theirs, decision) }
        }
        return .refused(
            refusalCode(pairs: pairs, offered: offered, ours: ours),
            refusalReason(
                pairs: pairs, offered: offered, ours: ours, lifetime: lifetime))
    }

    private static func refusalCode(
        pairs: [(IKEv1Phase1Transform, IKEv1Phase1Transform)], offered: [IKEv1Phase1Transform],
        ours: [IKEv1Phase1Transform]
    ) -> NegotiationFailure.Code {
        guard pairs.isEmpty else { return .noProposalChosen }
        return onlyMethodsDiffer(offered: offered, ours: ours)
            ? .authMethodMismatch : .noProposalChosen
    }

    private static func onlyMethodsDiffer(
        offered: [IKEv1Phase1Transform], ours: [IKEv1Phase1Transform]
    ) -> Bool {
        offered.contains { theirs in
            ours.contains { mine in
                var same = theirs
                same.authMethod = mine.authMethod
                return fits(same, mine)
            }
        }
    }

    private static func refusalReason(
        pairs: [(IKEv1Phase1Transform, IKEv1Phase1Transform)], offered: [IKEv1Phase1Transform],
        ours: [IKEv1Phase1Transform], lifetime: IKEv1Lifetime
    ) -> String {
        if let (theirs, _) = pairs.first {
            let seconds = theirs.lifeSeconds ?? IKEv1LifetimeNegotiation.defaultSeconds
            return "the proposed lifetime of \(seconds) s is longer than ours of "
                + "\(lifetime.seconds) s and the lifetime policy is reject"
        }
        if onlyMethodsDiffer(offered: offered, ours: ours) {
            let theirs = Set(offered.map(\.authMethod)).map(methodName).sorted()
            let mine = Set(ours.map(\.authMethod)).map(methodName).sorted()
            return "proposals differ only in the authentication method: "
                + "\(theirs.joined(separator: ", ")) offered, \(mine.joined(separator: ", ")) "
                + "configured"
        }
        return "no offered transform matches a configured one"
    }

    /// The keyword-like name of a method, for reasons.
    static func methodName(_ method: IKEv1AuthMethod) -> String {
        switch method {
        case .preSharedKey: return "psk"
        case .dssSignature: return "dss"
        case .rsaSignature: return "rsa-sig"
        case .rsaEncryption: return "rsa-encryption"
        case .revisedRSAEncryption: return "revised-rsa-encryption"
        case .ecdsaSHA256P256: return "ecdsa-256"
        case .ecdsaSHA384P384: return "ecdsa-384"
        case .ecdsaSHA512P521: return "ecdsa-521"
        }
    }

    /// The configured proposals with their selection lists, and what was offered, for a
    /// failure report.
    static func failureLists(offered: [IKEv1Phase1Transform], configured: [Proposal])
        -> NegotiationFailure.ProposalLists
    {
        NegotiationFailure.ProposalLists(
            received: offered.map(proposal(of:)), configured: configured)
    }
}
