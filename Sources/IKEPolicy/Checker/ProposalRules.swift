import IKECore
import IKEDiagnostics

/// The lists of one proposal, each transform with the element that named it.
private struct Sorted {
    var encryption: [(Cipher, WrittenProposal.Element)] = []
    var prf: [(PseudorandomFunction, WrittenProposal.Element)] = []
    var integrity: [(IntegrityAlgorithm, WrittenProposal.Element)] = []
    var groups: [(DHGroup, WrittenProposal.Element)] = []
    var esn: [(ExtendedSequenceNumbers, WrittenProposal.Element)] = []
    var noGroup: [WrittenProposal.Element] = []
}

extension PolicyChecker {
    /// Types a written proposal for `protocolID` in `version`: RFC 7296 section 3.3's
    /// rules on which transforms each protocol carries, RFC 5282's rule that AEAD ciphers
    /// come without integrity, and IKEv1's narrower vocabulary. Nil after any error.
    mutating func typedProposal(
        _ written: WrittenProposal, protocolID: SecurityProtocol, version: IKEVersion
    ) -> PolicyProposal? {
        guard written.isComplete else { return nil }

        // A proposal with the same transforms, typed before for the same use without an
        // error, types the same way: only its places differ.
        let key = ProposalMemo.TypingKey(written, protocolID: protocolID, version: version)
        if let template = memo.templates[key] { return template.instantiate(written) }
        let errorsBefore = errorTotal

        // Every transform must be one ikec can run.
        for element in written.elements {
            if case .transform(let transform) = element.item, !transform.isImplemented {
                error(
                    .unimplementedTransform, "'\(element.text)' is not implemented by ikec",
                    at: element.span,
                    notes: [
                        DiagnosticNote(
                            "\(transform.ianaName) is registered, but ikec's engine cannot run it")
                    ])
            }
        }
        let lists = sort(written, protocolID: protocolID)

        switch protocolID {
        case .ike: checkIKE(written, lists, version: version)
        case .esp: checkESP(written, lists, version: version)
        case .ah: checkAH(written, lists, version: version)
        }
        if !lists.noGroup.isEmpty && !lists.groups.isEmpty {
            error(
                .noneWithGroups, "'none' cannot be combined with Diffie-Hellman groups",
                at: lists.noGroup[0].span,
                notes: [DiagnosticNote("write either 'none' (no PFS) or the groups")])
        }
        guard errorTotal == errorsBefore else { return nil }
        let template = build(written, lists, protocolID: protocolID, version: version)
        memo.templates[key] = template
        return template.instantiate(written)
    }

    private func sort(_ written: WrittenProposal, protocolID: SecurityProtocol) -> Sorted {
        var lists = Sorted()
        for element in written.elements {
            switch element.item {
            case .noGroup:
                lists.noGroup.append(element)
            case .transform(let transform):
                // AH authenticates only: AES-GMAC named as a cipher is its integrity twin.
                if protocolID == .ah, let gmac = Self.gmacIntegrity(transform) {
                    lists.integrity.append((gmac, element))
                    continue
                }
                switch transform {
                case .encryption(let cipher): lists.encryption.append((cipher, element))
                case .prf(let prf): lists.prf.append((prf, element))
                case .integrity(let integrity): lists.integrity.append((integrity, element))
                case .dhGroup(let group): lists.groups.append((group, element))
                case .esn(let esn): lists.esn.append((esn, element))
                }
            }
        }
        return lists
    }

    // RFC 7296 section 3.3.3: an IKE SA proposal has ENCR, PRF, INTEG (unless AEAD) and
    // D-H, and no ESN.
    private mutating func checkIKE(
        _ written: WrittenProposal, _ lists: Sorted, version: IKEVersion
    ) {
        if let pfs = written.pfsKey {
            error(.transformNotAllowed, "'pfs' applies to phase 2; phase 1 uses 'dh'", at: pfs)
        }
        for (_, element) in lists.esn {
            error(
                .transformNotAllowed,
                "'\(element.text)' is a phase 2 setting; an IKE SA has no ESN",
                at: element.span)
        }
        for element in lists.noGroup {
            error(
                .transformNotAllowed, "'\(element.text)' is not allowed in phase 1",
                at: element.span,
                notes: [DiagnosticNote("the IKE SA always needs a Diffie-Hellman group")])
        }
        for (cipher, element) in lists.encryption where !Self.allowedInIKE(cipher.algorithm) {
            let why = cipher.algorithm == .null ? "encryption" : "cipher"
            error(
                .transformNotAllowed, "'\(element.text)' \(why) is not allowed for an IKE SA",
                at: element.span,
                notes: [DiagnosticNote("\(cipher.algorithm.info.ianaName) is for ESP only")])
        }
        guard checkCiphers(written, lists, version: version, what: "an IKE") else { return }

        let aead = lists.encryption.first?.0.algorithm.info.isAEAD ?? false
        if aead && lists.prf.isEmpty && version == .v2 {
            aeadWithoutPRF(written, lists)
        }
        if lists.groups.isEmpty && lists.noGroup.isEmpty {
            error(
                .missingDHGroup, "phase 1 proposal has no Diffie-Hellman group", at: written.span,
                notes: [DiagnosticNote("add a group such as 'ecp256', 'x25519' or 'modp3072'")])
        }
        if version == .v1 { checkIKEv1Phase1(lists) }
    }

    /// Shared by IKE and ESP: ciphers present, not mixed, integrity where needed.
    private mutating func checkCiphers(
        _ written: WrittenProposal, _ lists: Sorted, version: IKEVersion, what: String
    ) -> Bool {
        guard let first = lists.encryption.first else {
            let hint =
                what == "an ESP"
                ? "add a cipher; 'null' with an integrity algorithm gives integrity-only ESP"
                : "add a cipher such as 'aes256gcm16' or 'aes256'"
            error(
                .missingTransform, "\(what) proposal needs an encryption algorithm",
                at: written.span, notes: [DiagnosticNote(hint)])
            return false
        }
        let aeadKind = first.0.algorithm.info.isAEAD
        if let other = lists.encryption.first(where: { $0.0.algorithm.info.isAEAD != aeadKind }) {
            error(
                .mixedCipherKinds,
                "'\(other.1.text)' and '\(first.1.text)' mix AEAD and non-AEAD ciphers in one "
                    + "proposal",
                at: other.1.span,
                notes: [DiagnosticNote("write AEAD and non-AEAD ciphers as separate proposals")])
            return false
        }
        if aeadKind, let integrity = lists.integrity.first {
            error(
                .aeadWithIntegrity,
                "AEAD cipher '\(first.1.text)' cannot be combined with integrity algorithm "
                    + "'\(integrity.1.text)'",
                at: integrity.1.span,
                notes: [DiagnosticNote("an AEAD cipher protects integrity itself (RFC 5282)")],
                fixIts: removalFix(written, integrity.1))
            return false
        }
        // IKEv1 phase 1 takes its Hash attribute from a PRF keyword as well.
        let encrypts = lists.encryption.contains { $0.0.algorithm.info.encrypts }
        let hashFromPRF = version == .v1 && what == "an IKE" && !lists.prf.isEmpty
        if !aeadKind, encrypts, lists.integrity.isEmpty, !hashFromPRF {
            error(
                .missingIntegrity, "cipher '\(first.1.text)' needs an integrity algorithm",
                at: written.span,
                notes: [
                    DiagnosticNote(
                        "add one such as 'sha256', or use an AEAD cipher such as 'aes256gcm16'")
                ])
            return false
        }
        return true
    }

    private mutating func aeadWithoutPRF(_ written: WrittenProposal, _ lists: Sorted) {
        let bits = lists.encryption.map { $0.0.effectiveKeyBits }.max() ?? 128
        let prf = bits >= 256 ? "prfsha384" : "prfsha256"
        var fixIts: [FixIt] = []
        if let text = written.written, let textSpan = written.textSpan,
            let last = lists.encryption.last
        {
            var tokens = text.split(separator: "-", omittingEmptySubsequences: false).map(
                String.init)
            let position = (tokens.lastIndex(of: last.1.text) ?? 0) + 1
            tokens.insert(prf, at: min(position, tokens.count))
            fixIts.append(
                FixIt("add '\(prf)'", span: textSpan, replacement: tokens.joined(separator: "-")))
        }
        error(
            .aeadWithoutPRF, "AEAD phase 1 proposal needs an explicit PRF", at: written.span,
            notes: [
                DiagnosticNote("an AEAD cipher implies no PRF; add 'prfsha256' or 'prfsha384'")
            ],
            fixIts: fixIts)
    }

    // RFC 2409 appendix A: IKEv1 phase 1 has an Encryption and a Hash attribute; no AEAD.
    private mutating func checkIKEv1Phase1(_ lists: Sorted) {
        for (cipher, element) in lists.encryption {
            if cipher.algorithm.info.isAEAD {
                error(
                    .notInIKEv1, "IKEv1 phase 1 cannot use AEAD cipher '\(element.text)'",
                    at: element.span,
                    notes: [DiagnosticNote("use a cipher such as 'aes256' with 'sha256', or IKEv2")]
                )
            } else if IKEv1Values.phase1Encryption(cipher.algorithm) == nil {
                error(
                    .notInIKEv1, "IKEv1 phase 1 has no value for cipher '\(element.text)'",
                    at: element.span)
            }
        }
        for (integrity, element) in lists.integrity
        where IKEv1Values.phase1Hash(forIntegrity: integrity) == nil {
            error(
                .notInIKEv1, "IKEv1 phase 1 has no hash for '\(element.text)'", at: element.span)
        }
        for (prf, element) in lists.prf where IKEv1Values.phase1Hash(forPRF: prf) == nil {
            error(.notInIKEv1, "IKEv1 phase 1 has no hash for '\(element.text)'", at: element.span)
        }
    }

    // RFC 4303 section 3.2 and RFC 7296 section 3.3.3: ESP has ENCR, INTEG unless AEAD,
    // optional D-H (PFS) and ESN, and no PRF.
    private mutating func checkESP(_ written: WrittenProposal, _ lists: Sorted, version: IKEVersion)
    {
        rejectPRFs(lists, protocolName: "ESP")
        let onlyNull =
            !lists.encryption.isEmpty
            && lists.encryption.allSatisfy { $0.0.algorithm == .null }
        if onlyNull && lists.integrity.isEmpty {
            error(
                .nullWithoutIntegrity, "ESP with 'null' encryption needs an integrity algorithm",
                at: written.span,
                notes: [DiagnosticNote("ESP without encryption and integrity protects nothing")])
            return
        }
        guard checkCiphers(written, lists, version: version, what: "an ESP") else { return }
        guard version == .v1 else { return }
        for (cipher, element) in lists.encryption
        where IKEv1Values.espTransformID(cipher.algorithm) == nil {
            error(.notInIKEv1, "IKEv1 has no ESP transform for '\(element.text)'", at: element.span)
        }
        for (integrity, element) in lists.integrity
        where IKEv1Values.authenticationAlgorithm(integrity) == nil {
            error(
                .notInIKEv1, "IKEv1 has no authentication algorithm for '\(element.text)'",
                at: element.span)
        }
    }

    // RFC 4302: AH authenticates; it has INTEG, optional D-H and ESN, and no cipher.
    private mutating func checkAH(_ written: WrittenProposal, _ lists: Sorted, version: IKEVersion)
    {
        rejectPRFs(lists, protocolName: "AH")
        for (_, element) in lists.encryption {
            error(
                .transformNotAllowed, "AH does not encrypt; remove '\(element.text)'",
                at: element.span, notes: [DiagnosticNote("use 'protocol: esp' to encrypt")],
                fixIts: removalFix(written, element))
        }
        if lists.integrity.isEmpty {
            error(
                .missingTransform, "an AH proposal needs an integrity algorithm", at: written.span,
                notes: [DiagnosticNote("add one such as 'sha256'")])
        }
        guard version == .v1 else { return }
        for (integrity, element) in lists.integrity
        where IKEv1Values.ahTransformID(integrity) == nil {
            error(.notInIKEv1, "IKEv1 has no AH transform for '\(element.text)'", at: element.span)
        }
    }

    private mutating func rejectPRFs(_ lists: Sorted, protocolName: String) {
        for (_, element) in lists.prf {
            error(
                .transformNotAllowed,
                "'\(element.text)' is a phase 1 setting; \(protocolName) has no PRF",
                at: element.span)
        }
    }

    /// A fix-it that deletes one keyword from a keyword string.
    private func removalFix(_ written: WrittenProposal, _ element: WrittenProposal.Element)
        -> [FixIt]
    {
        guard let text = written.written, let span = written.textSpan else { return [] }
        var tokens = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let index = tokens.firstIndex(of: element.text) else { return [] }
        tokens.remove(at: index)
        return [
            FixIt(
                "remove '\(element.text)'", span: span, replacement: tokens.joined(separator: "-"))
        ]
    }

    static func allowedInIKE(_ algorithm: EncryptionAlgorithm) -> Bool {
        switch algorithm {
        case .null, .nullAuthAESGMAC, .aesCCM8IIV, .aesGCM16IIV, .chacha20Poly1305IIV:
            return false
        default:
            return true
        }
    }

    /// The typed proposal: IKECore's `Proposal`, the transforms with the elements that
    /// named them and, for IKEv1, the expansion into one transform per combination.
    private func build(
        _ written: WrittenProposal, _ lists: Sorted, protocolID: SecurityProtocol,
        version: IKEVersion
    ) -> ProposalMemo.Template {
        var prfs = lists.prf.map { ($0.0, $0.1.index) }
        if protocolID == .ike && prfs.isEmpty {
            // strongSwan: each integrity algorithm of an IKE proposal also names its PRF.
            for (integrity, element) in lists.integrity {
                if let prf = Self.impliedPRF(integrity), !prfs.contains(where: { $0.0 == prf }) {
                    prfs.append((prf, element.index))
                }
            }
        }
        let proposal = Proposal(
            protocolID: protocolID, encryption: lists.encryption.map(\.0), prf: prfs.map(\.0),
            integrity: lists.integrity.map(\.0), dhGroups: lists.groups.map(\.0),
            esn: lists.esn.map(\.0))
        var named: [ProposalMemo.Named] = []
        named += lists.encryption.map { .init(transform: .encryption($0.0), element: $0.1.index) }
        named += prfs.map { .init(transform: .prf($0.0), element: $0.1) }
        named += lists.integrity.map { .init(transform: .integrity($0.0), element: $0.1.index) }
        named += lists.groups.map { .init(transform: .dhGroup($0.0), element: $0.1.index) }
        named += lists.esn.map { .init(transform: .esn($0.0), element: $0.1.index) }

        var phase1: [IKEv1Phase1Transform] = []
        var phase2: [IKEv1Phase2Transform] = []
        if version == .v1 {
            if protocolID == .ike {
                phase1 = IKEv1Expansion.phase1(proposal)
            } else {
                phase2 = IKEv1Expansion.phase2(proposal)
            }
        }
        return ProposalMemo.Template(
            proposal: proposal, transforms: named, ikev1Phase1: phase1, ikev1Phase2: phase2)
    }

    /// The PRF strongSwan adds for an integrity algorithm in an IKE proposal.
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

/// IKEv1 carries one algorithm of each kind per transform, so a proposal's lists expand
/// into one transform per combination, in the order written.
enum IKEv1Expansion {
    /// RFC 2409 appendix A: cipher, then hash (from the integrity algorithms, then any
    /// explicit PRFs), then group.
    static func phase1(_ proposal: Proposal) -> [IKEv1Phase1Transform] {
        var hashes: [HashAlgorithm] = []
        for hash in proposal.integrity.compactMap(IKEv1Values.phase1Hash(forIntegrity:))
            + proposal.prf.compactMap(IKEv1Values.phase1Hash(forPRF:)) where !hashes.contains(hash)
        {
            hashes.append(hash)
        }
        var out: [IKEv1Phase1Transform] = []
        for cipher in proposal.encryption {
            for hash in hashes {
                for group in proposal.dhGroups {
                    out.append(IKEv1Phase1Transform(cipher: cipher, hash: hash, group: group))
                }
            }
        }
        return out
    }

    /// RFC 2407 section 4.5: cipher (none for AH), integrity (none with an AEAD), PFS group
    /// (none without PFS), ESN (none when not written).
    static func phase2(_ proposal: Proposal) -> [IKEv1Phase2Transform] {
        let ciphers: [Cipher?] = proposal.encryption.isEmpty ? [nil] : proposal.encryption
        let integrities: [IntegrityAlgorithm?] =
            proposal.integrity.isEmpty ? [nil] : proposal.integrity
        let groups: [DHGroup?] = proposal.dhGroups.isEmpty ? [nil] : proposal.dhGroups
        let esns: [ExtendedSequenceNumbers?] = proposal.esn.isEmpty ? [nil] : proposal.esn
        var out: [IKEv1Phase2Transform] = []
        for cipher in ciphers {
            for integrity in integrities {
                for group in groups {
                    for esn in esns {
                        out.append(
                            IKEv1Phase2Transform(
                                cipher: cipher, integrity: integrity, pfsGroup: group, esn: esn))
                    }
                }
            }
        }
        return out
    }
}
