import IKECore
import IKEWire

// RFC 2409 section 5.5 and RFC 2407 sections 4.4 and 4.5: a quick mode SA payload offers
// one AH or ESP proposal whose transforms are alternatives, each naming one algorithm of
// each kind with the encapsulation mode, the PFS group and the lifetime as attributes. A
// configured proposal with lists expands in order: ciphers outermost, then integrity
// algorithms, then PFS groups, then ESN choices. One KE payload carries one group, so an
// initiator offers only the transforms of its first PFS group (the first group of the
// first proposal), as strongSwan does; a responder configured for another group, or for
// none, finds no fit and answers NO-PROPOSAL-CHOSEN. RFC 3947 section 5.1: with NAT
// traversal the modes become UDP-Encapsulated-Tunnel (3) and -Transport (4).

/// What a quick mode transform means, with nothing left to the wire.
struct Phase2Choice: Equatable {
    /// The ESP cipher (nil for AH).
    var cipher: Cipher?
    /// The integrity algorithm (nil with an AEAD cipher).
    var integrity: IntegrityAlgorithm?
    /// The PFS group, or nil for no PFS.
    var group: DHGroup?
    /// The encapsulation mode, the draft numbers mapped to RFC 3947's.
    var mode: IKEv1EncapsulationMode
    /// Whether 64-bit sequence numbers are used (RFC 4304).
    var extendedSequenceNumbers: Bool
}

/// The responder's quick mode choice, or why there is none.
enum Phase2Selection {
    /// The chosen offered transform, what it means, and the lifetime decision.
    case chosen(IKEv1Phase2Transform, Phase2Choice, IKEv1LifetimeNegotiation.Decision)
    /// Nothing fits: the code and the nearest miss.
    case refused(NegotiationFailure.Code, String)
}

/// Quick mode proposal expansion and selection.
enum IKEv1QuickModeProposals {
    /// The encapsulation mode attribute for a mode.
    static func encapsulation(_ mode: IPsecMode, udp: Bool) -> IKEv1EncapsulationMode {
        switch (mode, udp) {
        case (.tunnel, false): return .tunnel
        case (.transport, false): return .transport
        case (.tunnel, true): return .udpEncapsulatedTunnel
        case (.transport, true): return .udpEncapsulatedTransport
        }
    }

    /// The PFS group an initiator uses for `child`: its first proposal's first group.
    static func pfsGroup(_ child: ChildConfiguration) -> DHGroup? {
        child.proposals.first?.dhGroups.first
    }

    /// Every transform of the child's proposals in order, numbered from 1. With
    /// `onlyGroup`, the transforms of other PFS groups are left out (`.some(nil)` keeps
    /// only those without PFS).
    static func transforms(
        _ child: ChildConfiguration, encapsulation: IKEv1EncapsulationMode,
        lifetime: IKEv1Lifetime, onlyGroup: DHGroup?? = nil
    ) -> [IKEv1Phase2Transform] {
        var result: [IKEv1Phase2Transform] = []
        func add(_ make: (UInt8) -> IKEv1Phase2Transform?) {
            if let transform = make(UInt8(truncatingIfNeeded: result.count + 1)) {
                result.append(transform)
            }
        }
        for proposal in child.proposals {
            let groups: [DHGroup?] = proposal.dhGroups.isEmpty ? [nil] : proposal.dhGroups
            let esns = proposal.esn.isEmpty ? [false] : proposal.esn.map { $0 == .enabled }
            let integrities: [IntegrityAlgorithm?] =
                proposal.integrity.isEmpty ? [nil] : proposal.integrity
            let ciphers: [Cipher?] =
                child.protocolID == .esp ? proposal.encryption.map { $0 } : [nil]
            for cipher in ciphers {
                for integrity in integrities {
                    for group in groups {
                        if let onlyGroup, group != onlyGroup { continue }
                        for esn in esns {
                            add { number in
                                make(
                                    number: number, protocolID: child.protocolID, cipher: cipher,
                                    integrity: integrity, group: group,
                                    encapsulation: encapsulation, lifetime: lifetime, esn: esn)
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    private static func make(
        number: UInt8, protocolID: SecurityProtocol, cipher: Cipher?,
        integrity: IntegrityAlgorithm?, group: DHGroup?, encapsulation: IKEv1EncapsulationMode,
        lifetime: IKEv1Lifetime, esn: Bool
    ) -> IKEv1Phase2Transform? {
        if protocolID == .esp, let cipher {
            return IKEv1Phase2Transform.esp(
                number: number, cipher: cipher, integrity: integrity, group: group,
                encapsulationMode: encapsulation, lifeSeconds: lifetime.seconds,
                lifeKilobytes: lifetime.kilobytes, extendedSequenceNumbers: esn)
        }
        guard protocolID == .ah, let integrity else { return nil }
        return IKEv1Phase2Transform.ah(
            number: number, integrity: integrity, group: group,
            encapsulationMode: encapsulation, lifeSeconds: lifetime.seconds,
            lifeKilobytes: lifetime.kilobytes, extendedSequenceNumbers: esn)
    }

    /// What a transform of `protocolID` means; nil when it names something unknown or
    /// inconsistent (an AH transform whose Authentication Algorithm disagrees with it).
    static func choice(of transform: IKEv1Phase2Transform, protocolID: SecurityProtocol)
        -> Phase2Choice?
    {
        let mode = normalised(transform.encapsulationMode ?? .tunnel)
        switch protocolID {
        case .esp:
            guard let cipher = cipher(of: transform) else { return nil }
            if cipher.algorithm.info.isAEAD, transform.authenticationAlgorithm != nil {
                return nil
            }
            return Phase2Choice(
                cipher: cipher, integrity: transform.authenticationAlgorithm,
                group: transform.group, mode: mode,
                extendedSequenceNumbers: transform.extendedSequenceNumbers)
        case .ah:
            guard let integrity = transform.ahIntegrity,
                transform.authenticationAlgorithm == nil
                    || transform.authenticationAlgorithm == integrity
            else { return nil }
            return Phase2Choice(
                cipher: nil, integrity: integrity, group: transform.group, mode: mode,
                extendedSequenceNumbers: transform.extendedSequenceNumbers)
        case .ike:
            return nil
        }
    }

    /// The cipher of an ESP transform; a missing key length means the algorithm's default
    /// (RFC 3602 section 5.3 for AES: 128 bits), as deployed peers read it.
    private static func cipher(of transform: IKEv1Phase2Transform) -> Cipher? {
        if let cipher = transform.cipher(for: .esp) { return cipher }
        guard transform.keyLength == nil,
            let algorithm = IKEv1Values.encryption(espTransformID: transform.transformID),
            let bits = algorithm.info.defaultKeyBits
        else { return nil }
        var defaulted = transform
        defaulted.keyLength = bits
        return defaulted.cipher(for: .esp)
    }

    /// The draft NAT-T mode numbers as RFC 3947's.
    static func normalised(_ mode: IKEv1EncapsulationMode) -> IKEv1EncapsulationMode {
        switch mode {
        case .udpEncapsulatedTunnelDraft: return .udpEncapsulatedTunnel
        case .udpEncapsulatedTransportDraft: return .udpEncapsulatedTransport
        default: return mode
        }
    }

    /// The responder's selection among `offered` against our transforms.
    static func select(
        offered: [IKEv1Phase2Transform], ours: [IKEv1Phase2Transform],
        protocolID: SecurityProtocol, preference: ProposalPreference, lifetime: IKEv1Lifetime,
        policy: IKEv1Options.LifetimePolicy
    ) -> Phase2Selection {
        let theirs = offered.compactMap { transform in
            choice(of: transform, protocolID: protocolID).map { (transform, $0) }
        }
        let mine = ours.compactMap { choice(of: $0, protocolID: protocolID) }
        var fitting: [(IKEv1Phase2Transform, Phase2Choice)] = []
        switch preference {
        case .local:
            for wanted in mine {
                fitting += theirs.filter { $0.1 == wanted }
            }
        case .peer:
            fitting = theirs.filter { mine.contains($0.1) }
        }
        for (transform, meaning) in fitting {
            let decision = IKEv1LifetimeNegotiation.decide(
                proposedSeconds: transform.lifeSeconds,
                proposedKilobytes: transform.lifeKilobytes, ours: lifetime, policy: policy)
            if decision != .refused { return .chosen(transform, meaning, decision) }
        }
        if let (transform, _) = fitting.first {
            let seconds = transform.lifeSeconds ?? IKEv1LifetimeNegotiation.defaultSeconds
            return .refused(
                .noProposalChosen,
                "the proposed lifetime of \(seconds) s is longer than ours of "
                    + "\(lifetime.seconds) s and the lifetime policy is reject")
        }
        return nearestMiss(theirs.map(\.1), mine)
    }

    /// The refusal naming the one attribute that differs, when one does.
    private static func nearestMiss(_ theirs: [Phase2Choice], _ mine: [Phase2Choice])
        -> Phase2Selection
    {
        for offered in theirs {
            for wanted in mine {
                var sameGroup = offered
                sameGroup.group = wanted.group
                if sameGroup == wanted {
                    return .refused(
                        .noProposalChosen,
                        "proposals differ only in the PFS group: \(groupName(offered.group)) "
                            + "offered, \(groupName(wanted.group)) configured")
                }
                var sameMode = offered
                sameMode.mode = wanted.mode
                if sameMode == wanted {
                    return .refused(
                        .modeMismatch,
                        "proposals differ only in the encapsulation mode: "
                            + "\(modeName(offered.mode)) offered, \(modeName(wanted.mode)) "
                            + "configured")
                }
            }
        }
        return .refused(.noProposalChosen, "no offered transform matches a configured one")
    }

    private static func groupName(_ group: DHGroup?) -> String {
        group.map { Transform.dhGroup($0).keyword } ?? "none"
    }

    private static func modeName(_ mode: IKEv1EncapsulationMode) -> String {
        switch mode {
        case .tunnel: return "tunnel"
        case .transport: return "transport"
        case .udpEncapsulatedTunnel: return "UDP-encapsulated tunnel"
        case .udpEncapsulatedTransport: return "UDP-encapsulated transport"
        default: return "mode \(mode.rawValue)"
        }
    }

    /// The choice as a proposal of one transform per type, as Child SA summaries show it.
    static func proposal(of choice: Phase2Choice, protocolID: SecurityProtocol) -> Proposal {
        Proposal(
            protocolID: protocolID, encryption: choice.cipher.map { [$0] } ?? [],
            integrity: choice.integrity.map { [$0] } ?? [],
            dhGroups: choice.group.map { [$0] } ?? [],
            esn: [choice.extendedSequenceNumbers ? .enabled : .disabled])
    }

    /// The offered transforms as proposals, for failure reports.
    static func proposals(of transforms: [IKEv1Phase2Transform], protocolID: SecurityProtocol)
        -> [Proposal]
    {
        transforms.compactMap { transform in
            choice(of: transform, protocolID: protocolID).map {
                proposal(of: $0, protocolID: protocolID)
            }
        }
    }
}
