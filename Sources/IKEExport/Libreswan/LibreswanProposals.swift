import IKECore
import IKEDiagnostics
import IKEPolicy

/// Proposals in Libreswan's syntax: `ENCR-INTEG-DH` with `+` between alternatives of one
/// kind (IKEv2) and `,` between proposals. In an IKE proposal the middle word is both the
/// integrity algorithm and the PRF (for AEAD ciphers, only the PRF), so a non-AEAD IKEv2
/// proposal whose PRFs are not exactly those its integrity algorithms imply cannot be
/// written. In ESP and AH the Diffie-Hellman groups are the PFS groups (with `pfs=yes`).
struct LibreswanProposals {
    var diagnostics: ExportDiagnostics

    /// `ike=`.
    mutating func ike(_ list: ProposalList, version: IKEVersion) -> [String] {
        var out: [String] = []
        for policyProposal in list.proposals {
            let proposal = policyProposal.proposal
            switch version {
            case .v1:
                for transform in policyProposal.ikev1Phase1 {
                    let hash = IKEv1Hash.integrity(transform.hash)
                    out += words(
                        [[transform.cipher].map { LibreswanAlgorithms.cipher($0, ike: true) }],
                        [hash].map { LibreswanAlgorithms.integrity($0, ike: true) },
                        [transform.group].map(LibreswanAlgorithms.group), at: policyProposal)
                }
            case .v2:
                let middle: [String?]
                if proposal.isAEAD {
                    middle = proposal.prf.map(LibreswanAlgorithms.prf)
                } else {
                    middle = proposal.integrity.map { LibreswanAlgorithms.integrity($0, ike: true) }
                    let implied = proposal.integrity.compactMap(IKEv1Hash.impliedPRF)
                    if implied != proposal.prf {
                        diagnostics.add(
                            .unsupportedInLibreswan,
                            "Libreswan cannot use PRFs other than those of the integrity "
                                + "algorithms in '\(proposal.keywordString)'",
                            at: policyProposal.span,
                            notes: [DiagnosticNote("its IKE proposals name one hash for both")])
                    }
                }
                out += words(
                    [proposal.encryption.map { LibreswanAlgorithms.cipher($0, ike: true) }],
                    middle, proposal.dhGroups.map(LibreswanAlgorithms.group), at: policyProposal)
            }
        }
        return out
    }

    /// `esp=` or `ah=`.
    mutating func child(_ list: ProposalList, version: IKEVersion) -> [String] {
        var out: [String] = []
        for policyProposal in list.proposals {
            let proposal = policyProposal.proposal
            let ciphers = proposal.encryption.map { LibreswanAlgorithms.cipher($0, ike: false) }
            var integrity = proposal.integrity.map { LibreswanAlgorithms.integrity($0, ike: false) }
            if proposal.protocolID == .esp && proposal.isAEAD { integrity = ["null"] }
            let groups = proposal.dhGroups.map(LibreswanAlgorithms.group)
            if version == .v1 {
                // One transform per combination, as IKEv1 carries them.
                for transform in policyProposal.ikev1Phase2 {
                    let cipher = transform.cipher.map {
                        [LibreswanAlgorithms.cipher($0, ike: false)]
                    }
                    let integ =
                        transform.integrity.map {
                            [LibreswanAlgorithms.integrity($0, ike: false)]
                        } ?? (proposal.protocolID == .esp ? ["null"] : [])
                    out += words(
                        cipher.map { [$0] } ?? [], integ,
                        transform.pfsGroup.map { [LibreswanAlgorithms.group($0)] } ?? [],
                        at: policyProposal)
                }
            } else {
                out += words(
                    ciphers.isEmpty ? [] : [ciphers], integrity, groups, at: policyProposal)
            }
        }
        return out
    }

    /// Joins the words of one proposal, reporting each algorithm Libreswan lacks.
    private mutating func words(
        _ ciphers: [[String?]], _ middle: [String?], _ groups: [String?],
        at proposal: PolicyProposal
    ) -> [String] {
        var parts: [String] = []
        for list in ciphers + [middle, groups] where !list.isEmpty {
            if list.contains(where: { $0 == nil }) {
                diagnostics.add(
                    .unsupportedInLibreswan,
                    "Libreswan 4.10 does not support an algorithm of '\(proposal.keywordString)' "
                        + "here", at: proposal.span,
                    notes: [DiagnosticNote("choose algorithms Libreswan supports for this peer")])
                return []
            }
            parts.append(list.compactMap { $0 }.joined(separator: "+"))
        }
        return [parts.joined(separator: "-")]
    }
}

/// The IKEv1 phase 1 hash as the integrity algorithm Libreswan names it by, and the PRF an
/// integrity algorithm implies.
enum IKEv1Hash {
    static func integrity(_ hash: HashAlgorithm) -> IntegrityAlgorithm {
        switch hash {
        case .md5: return .hmacMD5_96
        case .sha1: return .hmacSHA1_96
        case .sha256: return .hmacSHA256_128
        case .sha384: return .hmacSHA384_192
        case .sha512: return .hmacSHA512_256
        }
    }

    static func impliedPRF(_ integrity: IntegrityAlgorithm) -> PseudorandomFunction? {
        switch integrity {
        case .hmacMD5_96, .hmacMD5_128: return .hmacMD5
        case .hmacSHA1_96, .hmacSHA1_160: return .hmacSHA1
        case .hmacSHA256_128: return .hmacSHA256
        case .hmacSHA384_192: return .hmacSHA384
        case .hmacSHA512_256: return .hmacSHA512
        case .aesXCBC96: return .aes128XCBC
        case .aesCMAC96: return .aes128CMAC
        default: return nil
        }
    }
}
