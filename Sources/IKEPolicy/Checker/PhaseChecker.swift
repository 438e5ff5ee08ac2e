import IKECore
import IKEDiagnostics

extension PolicyChecker {
    static let phase1Keys: FieldNames = [
        "mode", "proposals", "lifetime", "lifetime-check", "proposal-order",
    ]
    static let phase1LifetimeKeys: FieldNames = ["time", "bytes"]
    static let phase2LifetimeKeys: FieldNames = ["time", "bytes", "packets"]
    static let phase2Keys: FieldNames = [
        "protocol", "mode", "local-ts", "remote-ts", "proposals", "lifetime",
    ]

    /// Notes for keys that belong one level down, in a phase 2 entry's proposals.
    static let phase2KeyHints: [String: String] = {
        let pfs =
            "PFS is chosen per proposal: 'pfs: GROUP' in a proposal map, or the group in a"
            + " keyword proposal ('aes256gcm16-ecp384')"
        let transforms = "algorithms are listed in 'proposals', as keyword strings or maps"
        return [
            "pfs": pfs, "dh": pfs, "encryption": transforms, "integrity": transforms,
            "esn": transforms,
        ]
    }()

    /// A peer's `phase1:`. `version` is nil when the peer's `ike:` was invalid.
    mutating func checkPhase1(_ entry: YAMLEntry, version: IKEVersion?) -> Phase1? {
        guard let fields = fields(entry.value, of: "phase1", allowed: Self.phase1Keys) else {
            return nil
        }
        let errorsBefore = errorTotal
        let mode = fields["mode"].flatMap { word($0.value, for: "mode", as: ExchangeMode.self) }
        let check = fields["lifetime-check"].flatMap {
            word($0.value, for: "lifetime-check", as: LifetimeCheck.self)
        }
        let order = fields["proposal-order"].flatMap {
            word($0.value, for: "proposal-order", as: ProposalOrder.self)
        }

        // RFC 7296 has one initial exchange and no lifetime negotiation (section 2.8).
        if version == .v2 {
            if let mode, let key = fields["mode"]?.keySpan {
                let message =
                    mode.value == .aggressive
                    ? "aggressive mode does not exist in IKEv2"
                    : "'mode' applies only to IKEv1; IKEv2 has one initial exchange"
                error(
                    .settingNotInVersion, message, at: mode.span,
                    notes: [DiagnosticNote("remove 'mode' or set 'ike: v1'", at: key)])
            }
            if let key = fields["lifetime-check"]?.keySpan, check != nil {
                error(
                    .settingNotInVersion,
                    "'lifetime-check' applies only to IKEv1; IKEv2 does not negotiate lifetimes",
                    at: key)
            }
        }
        let proposals = required(fields, "proposals", in: "phase1", owner: entry.keySpan).flatMap {
            proposalList($0.value, protocolID: .ike, version: version)
        }
        let lifetime =
            fields["lifetime"].flatMap { self.lifetime($0.value, phase2: false) } ?? .unwritten
        if version == .v2, let bytes = lifetime.bytes {
            error(
                .bytesLifetimeInIKEv2, "an IKEv2 IKE SA has no byte lifetime", at: bytes.span,
                notes: [DiagnosticNote("IKEv2 rekeys the IKE SA by time only; use 'time'")])
        }
        guard let proposals, errorTotal == errorsBefore else { return nil }
        return Phase1(
            mode: mode, proposals: proposals, lifetime: lifetime, lifetimeCheck: check,
            proposalOrder: order, span: entry.keySpan)
    }

    /// A peer's `phase2:` map.
    mutating func checkPhase2(
        _ entry: YAMLEntry, version: IKEVersion?, gateway: Gateway?,
        peerAddress: Located<PeerAddress>?
    ) -> [Phase2Entry]? {
        guard case .mapping(let entries) = entry.value.content else {
            wrongType(entry.value, expected: "a mapping of entry names to entries", for: "phase2")
            return nil
        }
        var out: [Phase2Entry] = []
        out.reserveCapacity(entries.count)
        var failed = false
        for child in entries {
            if let checked = phase2Entry(
                child, version: version, gateway: gateway, peerAddress: peerAddress)
            {
                out.append(checked)
            } else {
                failed = true
            }
        }
        return failed ? nil : out
    }

    private mutating func phase2Entry(
        _ entry: YAMLEntry, version: IKEVersion?, gateway: Gateway?,
        peerAddress: Located<PeerAddress>?
    ) -> Phase2Entry? {
        let nameOK = checkName(entry.key, at: entry.keySpan, kind: "phase 2 entry")
        // Named in messages only, so written out only when one is.
        lazy var what = "phase 2 entry '\(entry.key)'"
        guard
            let fields = fields(
                entry.value, of: what, allowed: Self.phase2Keys, explain: Self.phase2KeyHints)
        else { return nil }
        let errorsBefore = errorTotal
        let ipsec = fields["protocol"].flatMap {
            word($0.value, for: "protocol", as: IPsecProtocol.self)
        }
        let mode = fields["mode"].flatMap {
            word($0.value, for: "mode", as: EncapsulationMode.self)
        }

        let local: SelectorList? =
            fields["local-ts"].map { selectorList($0.value, for: "local-ts") }
            ?? gateway.map { defaultSelectors($0.addresses.map { $0.map(AddressEntry.host) }) }
        let remote: SelectorList? =
            fields["remote-ts"].map { selectorList($0.value, for: "remote-ts") }
            ?? peerAddress.map { address in
                switch address.value {
                case .any: return SelectorList(selectors: [], origin: .dynamic)
                case .entries(let entries): return defaultSelectors(entries)
                }
            }
        let protocolID = ipsec?.value.securityProtocol ?? .esp
        let proposals = required(fields, "proposals", in: what, owner: entry.keySpan).flatMap {
            proposalList($0.value, protocolID: protocolID, version: version)
        }
        let lifetime =
            fields["lifetime"].flatMap { self.lifetime($0.value, phase2: true) } ?? .unwritten
        guard nameOK, let local, let remote, let proposals, errorTotal == errorsBefore else {
            return nil
        }
        return Phase2Entry(
            name: Located(entry.key, at: entry.keySpan), ipsecProtocol: ipsec, mode: mode,
            localSelectors: local, remoteSelectors: remote, proposals: proposals,
            lifetime: lifetime, span: entry.keySpan)
    }

    private func defaultSelectors(_ entries: [Located<AddressEntry>]) -> SelectorList {
        SelectorList(
            selectors: entries.map { $0.map(\.trafficSelector) }, origin: .addressDefault)
    }

    /// A duration, or a map with `time`, `bytes` and (phase 2) `packets`. Nil after an
    /// error.
    private mutating func lifetime(_ node: YAMLNode, phase2: Bool) -> Lifetime? {
        if case .scalar = node.content {
            guard let seconds = duration(node, for: "lifetime") else { return nil }
            return Lifetime(seconds: seconds, bytes: nil, packets: nil, span: node.span)
        }
        let allowed = phase2 ? Self.phase2LifetimeKeys : Self.phase1LifetimeKeys
        let explain = phase2 ? [:] : ["packets": "a packet limit applies to phase 2 SAs only"]
        guard let fields = fields(node, of: "lifetime", allowed: allowed, explain: explain) else {
            return nil
        }
        let errorsBefore = errorTotal
        let time = fields["time"].flatMap { duration($0.value, for: "time") }
        let bytes = fields["bytes"].flatMap { size($0.value, for: "bytes") }
        let packets = fields["packets"].flatMap {
            integer($0.value, for: "packets", id: .invalidPacketCount)
        }
        if let packets, packets.value == 0 {
            error(.invalidPacketCount, "a packet limit must be positive", at: packets.span)
        }
        guard errorTotal == errorsBefore else { return nil }
        if case .mapping(let entries) = node.content, entries.isEmpty {
            error(.emptyCollection, "'lifetime' needs 'time', 'bytes' or 'packets'", at: node.span)
            return nil
        }
        return Lifetime(seconds: time, bytes: bytes, packets: packets, span: node.span)
    }

    private mutating func duration(_ node: YAMLNode, for what: String) -> Located<Int>? {
        if node.isScalar, let seconds = node.withUTF8(QuickSyntax.seconds) {
            return Located(seconds, at: node.span)
        }
        guard let text = string(node, for: what) else { return nil }
        switch DurationSyntax.read(text.value) {
        case .seconds(let seconds):
            return Located(seconds, at: text.span)
        case .tooLarge:
            error(.valueTooLarge, "duration '\(text.value)' is too large", at: text.span)
        case .invalid(let hint):
            error(
                .invalidDuration, "'\(text.value)' is not a valid duration for '\(what)'",
                at: text.span,
                notes: [
                    DiagnosticNote("write a positive whole number with s, m, h or d: 90m, 24h")
                ],
                fixIts: hint.map { [FixIt("write '\($0)'", span: text.span, replacement: $0)] }
                    ?? [])
        }
        return nil
    }

    private mutating func size(_ node: YAMLNode, for what: String) -> Located<UInt64>? {
        if node.isScalar, let bytes = node.withUTF8(QuickSyntax.bytes) {
            return Located(bytes, at: node.span)
        }
        guard let text = string(node, for: what) else { return nil }
        switch SizeSyntax.read(text.value) {
        case .bytes(let bytes):
            return Located(bytes, at: text.span)
        case .tooLarge:
            error(.valueTooLarge, "size '\(text.value)' is too large", at: text.span)
        case .invalid(let hint):
            error(
                .invalidSize, "'\(text.value)' is not a valid size for '\(what)'", at: text.span,
                notes: [
                    DiagnosticNote(
                        "write a positive whole number of bytes, or with KiB, MiB, GiB, TiB, KB, "
                            + "MB, GB, TB"
                    )
                ],
                fixIts: hint.map { [FixIt("write '\($0)'", span: text.span, replacement: $0)] }
                    ?? [])
        }
        return nil
    }
}
