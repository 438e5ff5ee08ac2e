import IKECore
import IKEDiagnostics

extension PolicyChecker {
    static let peerKeys: FieldNames = [
        "address", "id", "local-id", "ike", "auth", "phase1", "phase2",
    ]

    /// The `peers:` map, then the checks across peers (addresses and identities must not
    /// repeat). Nil when any peer failed.
    mutating func checkPeers(_ entry: YAMLEntry, gateway: Gateway?) -> [Peer]? {
        guard case .mapping(let entries) = entry.value.content else {
            wrongType(entry.value, expected: "a mapping of peer names to peers", for: "peers")
            return nil
        }
        guard !entries.isEmpty else {
            error(.emptyCollection, "'peers' needs at least one peer", at: entry.value.span)
            return nil
        }
        var peers: [Peer] = []
        peers.reserveCapacity(entries.count)
        // Most peers write a remote network or two of their own: the selector memo is
        // sized once here instead of regrown (rehashing every text) as it fills.
        selectors.reserveCapacity(selectors.count + 2 * entries.count)
        var failed = false
        for peerEntry in entries {
            if let peer = checkPeer(peerEntry, gateway: gateway) {
                peers.append(peer)
            } else {
                failed = true
            }
        }
        checkDistinct(peers)
        return failed ? nil : peers
    }

    private mutating func checkPeer(_ entry: YAMLEntry, gateway: Gateway?) -> Peer? {
        let nameOK = checkName(entry.key, at: entry.keySpan, kind: "peer")
        // Named in messages only, so written out only when one is.
        lazy var what = "peer '\(entry.key)'"
        guard let fields = fields(entry.value, of: what, allowed: Self.peerKeys) else { return nil }
        let owner = entry.keySpan

        let address = required(fields, "address", in: what, owner: owner).flatMap {
            peerAddress($0.value)
        }
        let remoteID = fields["id"].map { identity($0.value, for: "id") }
        let localID = fields["local-id"].map { identity($0.value, for: "local-id") }
        var version: Located<IKEVersion>?
        var versionKnown = true
        if let node = fields["ike"]?.value {
            version = ikeVersion(node)
            versionKnown = version != nil
        }
        let effective = versionKnown ? (version?.value ?? .v2) : nil
        if case .any? = address?.value, fields["id"] == nil {
            error(
                .anyWithoutIdentity, "\(what) at any address needs an 'id' to be recognised by",
                at: address?.span ?? owner)
        }

        let auth = required(fields, "auth", in: what, owner: owner).flatMap {
            checkAuth($0, version: effective, gateway: gateway)
        }
        let phase1 = required(fields, "phase1", in: what, owner: owner).flatMap {
            checkPhase1($0, version: effective)
        }
        let phase2 =
            fields["phase2"].map {
                checkPhase2($0, version: effective, gateway: gateway, peerAddress: address)
            } ?? []

        guard nameOK, let address, let auth, let phase1, let phase2,
            remoteID.map({ $0 != nil }) ?? true, localID.map({ $0 != nil }) ?? true, versionKnown
        else { return nil }
        return Peer(
            name: Located(entry.key, at: entry.keySpan), address: address,
            remoteIdentity: remoteID ?? nil,
            localIdentity: localID ?? nil, version: version, auth: auth, phase1: phase1,
            phase2: phase2, span: entry.keySpan)
    }

    private mutating func ikeVersion(_ node: YAMLNode) -> Located<IKEVersion>? {
        guard let text = string(node, for: "ike") else { return nil }
        switch text.value {
        case "v1": return Located(.v1, at: text.span)
        case "v2": return Located(.v2, at: text.span)
        default:
            unknownWord(text, for: "ike", choices: ["v1", "v2"])
            return nil
        }
    }

    /// `any`, an address, a prefix, a range, or a list of those.
    private mutating func peerAddress(_ node: YAMLNode) -> Located<PeerAddress>? {
        if node.textIs("any") { return Located(.any, at: node.span) }
        guard let items = oneOrMany(node, for: "address", expected: "an address or a list") else {
            return nil
        }
        var entries: [Located<AddressEntry>] = []
        entries.reserveCapacity(items.count)
        var failed = false
        for item in items {
            guard let text = string(item, for: "address") else {
                failed = true
                continue
            }
            if text.value == "any" {
                error(
                    .invalidAddress, "'any' stands alone; it cannot be one address of a list",
                    at: text.span)
                failed = true
                continue
            }
            if let entry = addressEntry(text) { entries.append(entry) } else { failed = true }
        }
        return failed ? nil : Located(.entries(entries), at: node.span)
    }

    /// One address, prefix or range, with fix-its for host bits and reversed ranges.
    mutating func addressEntry(_ text: Located<String>) -> Located<AddressEntry>? {
        switch AddressSyntax.entry(text.value) {
        case .success(let entry):
            return Located(entry, at: text.span)
        case .failure(let problem):
            let fixIts =
                problem.replacement.map {
                    [FixIt("write '\($0)'", span: text.span, replacement: $0)]
                } ?? []
            error(problem.id, problem.message, at: text.span, fixIts: fixIts)
            return nil
        }
    }

    /// No two peers may share an address entry or an identity: a responder could not tell
    /// them apart, and pairing two policies would be ambiguous.
    private mutating func checkDistinct(_ peers: [Peer]) {
        // The first peer of each address and identity, as its position and place: one
        // hash per entry (the first is put back on a repeat, which is rare).
        var addresses: [AddressEntry: (Int, SourceSpan)] = [:]
        var identities: [Identity: (Int, SourceSpan)] = [:]
        addresses.reserveCapacity(peers.count)
        identities.reserveCapacity(peers.count)
        for (position, peer) in peers.enumerated() {
            if case .entries(let entries) = peer.address.value {
                for entry in entries {
                    guard
                        let (first, span) = addresses.updateValue(
                            (position, entry.span), forKey: entry.value)
                    else { continue }
                    addresses[entry.value] = (first, span)
                    let other = peers[first].name.value
                    error(
                        .duplicatePeerAddress,
                        "peer '\(peer.name.value)' has the same address '\(entry.value)' as "
                            + "peer '\(other)'",
                        at: entry.span,
                        notes: [DiagnosticNote("'\(other)' uses it here", at: span)])
                }
            }
            guard let identity = peer.remoteIdentity,
                let (first, span) = identities.updateValue(
                    (position, identity.span), forKey: identity.value)
            else { continue }
            identities[identity.value] = (first, span)
            let other = peers[first].name.value
            error(
                .duplicatePeerIdentity,
                "peer '\(peer.name.value)' has the same id '\(identity.value)' as peer "
                    + "'\(other)'",
                at: identity.span, notes: [DiagnosticNote("'\(other)' uses it here", at: span)])
        }
    }
}
