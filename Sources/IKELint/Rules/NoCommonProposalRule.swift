import IKECore
import IKEDiagnostics
import IKEPolicy

/// Paired policies whose proposals (or IKE versions) cannot agree.
struct NoCommonProposalRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L035", name: "no-common-proposal",
        summary: "two paired policies have no proposal in common",
        explanation: """
            When 'ikec lint' is given both ends of a connection (a peer in each file \
            names the other gateway by address or identity), it checks that they can \
            agree at all: the same IKE version, a phase 1 proposal in common, and for \
            each pair of phase 2 entries whose selectors mirror each other a phase 2 \
            proposal in common. Otherwise the responder answers NO_PROPOSAL_CHOSEN \
            (RFC 7296 section 2.7) and the tunnel never comes up.

            The finding names the transform types in which the closest pair of \
            proposals differs. 'ikec negotiate a.yaml b.yaml' runs the exchange itself.

            Fix: add a proposal both sides accept.
            """,
        defaultSeverity: .error)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for pair in context.pairs {
            let local = pair.localPeer
            let remote = pair.remotePeer
            let remoteName = "'\(pair.remote.gateway.name.value)' (\(pair.remote.source.path))"
            if local.ikeVersion != remote.ikeVersion {
                out.append(
                    finding(
                        "peer '\(local.name.value)' uses IKE\(local.ikeVersion) but "
                            + "\(remoteName) uses IKE\(remote.ikeVersion)",
                        at: local.version?.span ?? local.name.span,
                        notes: [
                            DiagnosticNote(
                                "the other side's peer entry is here",
                                at: remote.version?.span ?? remote.name.span)
                        ]))
                continue
            }
            if let missing = disjoint(
                local.phase1.proposals, remote.phase1.proposals, what: "phase 1",
                remoteName: remoteName)
            {
                out.append(missing)
            }
            for entry in local.phase2 {
                guard let mirror = remote.phase2.first(where: { Self.mirrors(entry, $0) }),
                    let missing = disjoint(
                        entry.proposals, mirror.proposals,
                        what: "phase 2 entry '\(entry.name.value)'", remoteName: remoteName)
                else { continue }
                out.append(missing)
            }
        }
        return out
    }

    private func disjoint(
        _ ours: ProposalList, _ theirs: ProposalList, what: String, remoteName: String
    ) -> Diagnostic? {
        let mine = ours.coreProposals
        let other = theirs.coreProposals
        guard !mine.contains(where: { a in other.contains { ProposalMatching.match(a, $0) } })
        else { return nil }
        var closest: [TransformType] = TransformType.allCases
        for a in mine {
            for b in other {
                let differences = ProposalMatching.differences(a, b)
                if differences.count < closest.count { closest = differences }
            }
        }
        let names = closest.map(Self.typeName).joined(separator: ", ")
        return finding(
            "\(what) has no proposal in common with \(remoteName)", at: ours.span,
            notes: [
                DiagnosticNote(
                    "the other side offers "
                        + "\(other.map { "'\($0.keywordString)'" }.joined(separator: ", ")) here",
                    at: theirs.span),
                DiagnosticNote("the closest proposals differ in: \(names)"),
            ])
    }

    private static func typeName(_ type: TransformType) -> String {
        switch type {
        case .encryption: return "encryption"
        case .prf: return "PRF"
        case .integrity: return "integrity"
        case .dhGroup: return "Diffie-Hellman group"
        case .esn: return "ESN"
        }
    }

    /// Whether two entries describe the same traffic from each end.
    static func mirrors(_ a: Phase2Entry, _ b: Phase2Entry) -> Bool {
        let aLocal = Set(a.localSelectors.selectors.map(\.value))
        let aRemote = Set(a.remoteSelectors.selectors.map(\.value))
        let bLocal = Set(b.localSelectors.selectors.map(\.value))
        let bRemote = Set(b.remoteSelectors.selectors.map(\.value))
        return !aLocal.isEmpty && aLocal == bRemote && aRemote == bLocal
    }
}
