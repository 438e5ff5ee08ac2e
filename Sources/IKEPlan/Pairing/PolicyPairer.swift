import IKECore
import IKEDiagnostics
import IKEPolicy

/// Finds the peer entry in each of two policies that names the other's gateway (DESIGN.md,
/// "Pairing two configs"), and the addresses the two ends talk over.
public enum PolicyPairer {
    /// Pairs `a` with `b`. Throws `pairingMissing` or `pairingAmbiguous` (saying which side
    /// lacks what), or `translationFailed` when the two share no address family.
    public static func pair(_ a: CheckedPolicy, _ b: CheckedPolicy) throws(PlanError)
        -> PairedPolicies
    {
        var problems: [Diagnostic] = []
        var found: [(Peer, PeerMatch)] = []
        for (policy, other) in [(a, b), (b, a)] {
            switch entry(in: policy, naming: other) {
            case .found(let peer, let match): found.append((peer, match))
            case .problem(let problem): problems.append(problem)
            }
        }
        if let first = problems.first {
            let code: PlanError.Code =
                first.id == PlanDiagnosticID.ambiguousPeer.rawValue
                ? .pairingAmbiguous : .pairingMissing
            throw PlanError(code, diagnostics: problems)
        }

        let (peerA, matchA) = found[0]
        let (peerB, matchB) = found[1]
        guard let endpoints = commonEndpoints(a, peerA, b, peerB) else {
            throw PlanError(
                .translationFailed,
                diagnostics: [
                    Diagnostic(
                        id: PlanDiagnosticID.noCommonAddressFamily.rawValue, severity: .error,
                        message: "'\(a.gateway.name.value)' and '\(b.gateway.name.value)' have "
                            + "no addresses of one family that each other's peer entry covers",
                        span: peerA.address.span,
                        notes: [DiagnosticNote("the other entry", at: peerB.address.span)])
                ])
        }
        return PairedPolicies(
            a: PairedPolicies.End(policy: a, peer: peerA, match: matchA),
            b: PairedPolicies.End(policy: b, peer: peerB, match: matchB), endpoints: endpoints)
    }

    /// The best entry of `policy` naming `other`'s gateway, or the diagnostic saying why
    /// there is none or no single one.
    static func entry(in policy: CheckedPolicy, naming other: CheckedPolicy) -> Lookup {
        let candidates = policy.peers.compactMap { peer in
            PeerMatch.of(peer, naming: other).map { (peer, $0) }
        }
        guard let best = candidates.map(\.1).max() else {
            return .problem(missing(in: policy, for: other))
        }
        let winners = candidates.filter { $0.1 == best }
        guard winners.count == 1 else {
            let names = winners.map { "'\($0.0.name.value)'" }.joined(separator: ", ")
            return .problem(
                Diagnostic(
                    id: PlanDiagnosticID.ambiguousPeer.rawValue, severity: .error,
                    message: "\(fileName(policy)) has \(winners.count) peers that fit gateway "
                        + "'\(other.gateway.name.value)' equally (\(best)): \(names)",
                    span: nil,
                    notes: winners.map {
                        DiagnosticNote("peer '\($0.0.name.value)'", at: $0.0.span)
                    }
                        + [DiagnosticNote("give each peer the 'id' of the gateway it is for")]))
        }
        return .found(winners[0].0, winners[0].1)
    }

    /// The outcome of looking for one side's entry.
    enum Lookup {
        /// The entry and how well it names the other gateway.
        case found(Peer, PeerMatch)
        /// Why there is none, or no single one.
        case problem(Diagnostic)
    }

    /// "hq.yaml has no peer for gateway 'branch' (addresses 203.0.113.7, id
    /// fqdn:branch.example.net); peers are: ...".
    private static func missing(in policy: CheckedPolicy, for other: CheckedPolicy) -> Diagnostic {
        let gateway = other.gateway
        let addresses = gateway.addresses.map { $0.value.description }.joined(separator: ", ")
        let listed = policy.peers.map(describe).joined(separator: "; ")
        var message =
            "\(fileName(policy)) has no peer for gateway '\(gateway.name.value)' "
            + "(\(gateway.addresses.count == 1 ? "address" : "addresses") \(addresses), "
            + "id \(gateway.identity.value))"
        message += policy.peers.isEmpty ? "; it has no peers" : "; peers are: \(listed)"
        let notes = policy.peers.map { peer in
            DiagnosticNote("peer '\(peer.name.value)': \(describe(peer))", at: peer.span)
        }
        return Diagnostic(
            id: PlanDiagnosticID.noMatchingPeer.rawValue, severity: .error, message: message,
            span: nil, notes: notes)
    }

    /// `branch2 (address 203.0.113.8, id fqdn:branch2.example.net)`.
    private static func describe(_ peer: Peer) -> String {
        let address: String
        switch peer.address.value {
        case .any: address = "any"
        case .entries(let entries):
            address = entries.map(\.value.description).joined(separator: ", ")
        }
        let id = peer.remoteIdentity.map { ", id \($0.value)" } ?? ""
        return "\(peer.name.value) (address \(address)\(id))"
    }

    private static func fileName(_ policy: CheckedPolicy) -> String {
        PolicyLocation(file: policy.source.path, keyPath: "", span: nil).fileName
    }

    /// The first pair of addresses of one family, ours in our order then theirs, that
    /// each side's peer entry covers.
    private static func commonEndpoints(
        _ a: CheckedPolicy, _ peerA: Peer, _ b: CheckedPolicy, _ peerB: Peer
    ) -> EndpointPair? {
        for local in a.gateway.addresses.map(\.value) where peerB.address.value.matches(local) {
            for remote in b.gateway.addresses.map(\.value)
            where remote.isIPv4 == local.isIPv4 && peerA.address.value.matches(remote) {
                return EndpointPair(local: local, remote: remote)
            }
        }
        return nil
    }
}
