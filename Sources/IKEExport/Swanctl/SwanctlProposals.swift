import IKECore
import IKEPolicy

/// Proposals in strongSwan's keyword syntax (swanctl.conf(5), `proposals`,
/// `esp_proposals`, `ah_proposals`).
///
/// - strongSwan cannot hold AEAD and non-AEAD ciphers in one proposal, so a proposal with
///   both kinds becomes two: the AEAD ciphers without integrity, then the others with it.
/// - Every PRF is written out. The checked policy already holds the PRFs ikec implies from
///   the integrity algorithms; writing them leaves strongSwan nothing to infer, so its own
///   inference (which skips some integrity algorithms) cannot differ from ikec's.
/// - In IKEv1 a proposal carries one algorithm of each kind and strongSwan strips the rest,
///   so each IKEv1 transform of the policy's expansion becomes a proposal of its own, in
///   the same order.
/// - A phase 2 proposal keeps its Diffie-Hellman groups: that is how strongSwan learns the
///   PFS group for IKEv1 quick mode and for IKEv2 Child SA rekeys.
enum SwanctlProposals {
    /// The `proposals` value of an IKE SA.
    static func ike(_ list: ProposalList, version: IKEVersion) -> [String] {
        switch version {
        case .v2:
            return list.proposals.flatMap { split($0.proposal).map(keywords) }
        case .v1:
            return list.proposals.flatMap { $0.ikev1Phase1.map(phase1) }
        }
    }

    /// The `esp_proposals` or `ah_proposals` value of a Child SA.
    static func child(_ list: ProposalList, version: IKEVersion) -> [String] {
        switch version {
        case .v2:
            return list.proposals.flatMap { split($0.proposal).map(keywords) }
        case .v1:
            return list.proposals.flatMap { policyProposal in
                policyProposal.ikev1Phase2.map(phase2)
            }
        }
    }

    /// A proposal whose ciphers mix AEAD and non-AEAD algorithms, as strongSwan needs it:
    /// one proposal per kind, AEAD first, each with only the transforms that kind takes.
    static func split(_ proposal: Proposal) -> [Proposal] {
        let aead = proposal.encryption.filter { $0.algorithm.info.isAEAD }
        let plain = proposal.encryption.filter { !$0.algorithm.info.isAEAD }
        guard !aead.isEmpty && !plain.isEmpty else { return [proposal] }
        var aeadPart = proposal
        aeadPart.encryption = aead
        aeadPart.integrity = []
        var plainPart = proposal
        plainPart.encryption = plain
        return [aeadPart, plainPart]
    }

    /// One strongSwan proposal: ciphers, integrity, PRFs, groups, ESN, joined by dashes.
    static func keywords(_ proposal: Proposal) -> String {
        var words: [String] = []
        words += proposal.encryption.map { Transform.encryption($0).keyword }
        words += proposal.integrity.map { integrityKeyword($0) }
        words += proposal.prf.map { Transform.prf($0).keyword }
        words += proposal.dhGroups.map { Transform.dhGroup($0).keyword }
        words += proposal.esn.map { Transform.esn($0).keyword }
        return words.joined(separator: "-")
    }

    /// An IKEv1 ISAKMP transform: the Hash attribute is both strongSwan's integrity and PRF
    /// keyword (`sha256` and `prfsha256`).
    static func phase1(_ transform: IKEv1Phase1Transform) -> String {
        let hash = transform.hash.rawValue
        return [
            Transform.encryption(transform.cipher).keyword, hash, "prf" + hash,
            Transform.dhGroup(transform.group).keyword,
        ].joined(separator: "-")
    }

    /// An IKEv1 quick mode transform.
    static func phase2(_ transform: IKEv1Phase2Transform) -> String {
        var words: [String] = []
        if let cipher = transform.cipher { words.append(Transform.encryption(cipher).keyword) }
        if let integrity = transform.integrity {
            words.append(integrityKeyword(integrity))
        }
        if let group = transform.pfsGroup { words.append(Transform.dhGroup(group).keyword) }
        if let esn = transform.esn { words.append(Transform.esn(esn).keyword) }
        return words.joined(separator: "-")
    }

    /// strongSwan names AES-GMAC integrity (AH) after the cipher: `aes128gmac`.
    static func integrityKeyword(_ integrity: IntegrityAlgorithm) -> String {
        switch integrity {
        case .aes128GMAC: return "aes128gmac"
        case .aes192GMAC: return "aes192gmac"
        case .aes256GMAC: return "aes256gmac"
        default: return Transform.integrity(integrity).keyword
        }
    }
}
