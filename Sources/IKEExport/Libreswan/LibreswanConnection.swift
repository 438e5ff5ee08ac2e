import IKECore
import IKEDiagnostics
import IKEPolicy

/// The `conn` sections of one peer.
struct LibreswanConnection {
    let policy: CheckedPolicy
    let peer: Peer
    var diagnostics: ExportDiagnostics

    /// `leftid`.
    var localID: String { Self.identity(policy.localIdentity(for: peer).value) }
    /// `rightid`.
    var remoteID: String { peer.expectedRemoteIdentity.map(Self.identity) ?? "%any" }

    mutating func render() -> String {
        LibreswanLimits(peer: peer).check(into: &diagnostics)
        var common: [(String, String)] = [("keyexchange", "ike")]
        common.append(("ikev2", peer.ikeVersion == .v2 ? "yes" : "no"))
        common.append(("left", leftAddress()))
        common.append(("leftid", localID))
        common.append(("right", rightAddress()))
        common.append(("rightid", remoteID))
        common += authentication()
        var proposals = LibreswanProposals(diagnostics: ExportDiagnostics())
        common.append(
            (
                "ike",
                proposals.ike(peer.phase1.proposals, version: peer.ikeVersion)
                    .joined(separator: ",")
            ))
        if peer.phase1.exchangeMode == .aggressive { common.append(("aggressive", "yes")) }
        common.append(
            ("ikelifetime", DurationText.render(seconds: UInt64(peer.phase1.lifetimeSeconds))))

        var out = ""
        let entries = peer.phase2
        if entries.isEmpty {
            out += section(peer.name.value, common + [("auto", "add")])
        }
        for entry in entries {
            let name =
                entries.count == 1 ? peer.name.value : peer.name.value + "-" + entry.name.value
            out += section(name, common + child(entry, proposals: &proposals) + [("auto", "add")])
        }
        diagnostics.merge(proposals.diagnostics)
        return out
    }

    private func section(_ name: String, _ settings: [(String, String)]) -> String {
        "conn \(name)\n" + settings.map { "\t\($0.0)=\($0.1)\n" }.joined() + "\n"
    }

    private mutating func child(_ entry: Phase2Entry, proposals: inout LibreswanProposals)
        -> [(String, String)]
    {
        var out: [(String, String)] = []
        out += selectors(entry.localSelectors, side: "left", entry: entry)
        out += selectors(entry.remoteSelectors, side: "right", entry: entry)
        let list = proposals.child(entry.proposals, version: peer.ikeVersion)
        out.append((entry.effectiveProtocol == .ah ? "ah" : "esp", list.joined(separator: ",")))
        out.append(("phase2", entry.effectiveProtocol.rawValue))
        let pfs = entry.proposals.proposals.map { !$0.proposal.dhGroups.isEmpty }
        if Set(pfs).count > 1 {
            diagnostics.add(
                .unsupportedInLibreswan,
                "Libreswan applies PFS to all proposals of a connection or to none; "
                    + "phase 2 entry '\(entry.name.value)' mixes them", at: entry.proposals.span)
        }
        out.append(("pfs", pfs.contains(true) ? "yes" : "no"))
        out.append(("type", entry.effectiveMode.rawValue))
        out.append(("salifetime", DurationText.render(seconds: UInt64(entry.lifetimeSeconds))))
        if let bytes = entry.lifetime.bytes?.value {
            out.append(("ipsec-max-bytes", String(bytes)))
        }
        if let packets = entry.lifetime.packets?.value {
            out.append(("ipsec-max-packets", String(packets)))
        }
        return out
    }

    /// `leftsubnet` and `leftprotoport`: one prefix per side, one protocol and port.
    private mutating func selectors(_ list: SelectorList, side: String, entry: Phase2Entry)
        -> [(String, String)]
    {
        guard list.origin == .written, let first = list.selectors.first else { return [] }
        if list.selectors.count > 1 {
            diagnostics.add(
                .selectorPairs,
                "Libreswan 4.10 negotiates one selector per side for phase 2 entry "
                    + "'\(entry.name.value)', which lists \(list.selectors.count)",
                at: list.selectors[1].span,
                notes: [DiagnosticNote("write one phase 2 entry per pair of selectors")])
        }
        let selector = first.value
        guard let network = selector.network else {
            diagnostics.add(
                .unsupportedInLibreswan,
                "Libreswan 4.10 takes a prefix, not an address range, "
                    + "as a subnet", at: first.span)
            return []
        }
        var out = [(side + "subnet", network.description)]
        if selector.ipProtocol != 0 {
            var port = "%any"
            if selector.startPort == selector.endPort {
                port = String(selector.startPort)
            } else if !(selector.startPort == 0 && selector.endPort == 65535) {
                diagnostics.add(
                    .unsupportedInLibreswan, "Libreswan 4.10 takes one port or all, not a range",
                    at: first.span)
            }
            out.append((side + "protoport", "\(selector.ipProtocol)/\(port)"))
        }
        return out
    }

    /// `left`: our address of the peer's family (Libreswan takes one).
    private func leftAddress() -> String {
        let addresses = policy.gateway.addresses.map(\.value)
        let family = peer.address.value.hosts.first?.isIPv4
        let match = addresses.first { family == nil || $0.isIPv4 == family }
        return (match ?? addresses.first)?.description ?? "%defaultroute"
    }

    /// `right`: the peer's one address, or `%any`.
    private mutating func rightAddress() -> String {
        switch peer.address.value {
        case .any:
            return "%any"
        case .entries(let entries):
            if entries.count == 1, case .host(let address) = entries[0].value {
                return address.description
            }
            diagnostics.add(
                .unsupportedInLibreswan,
                "Libreswan 4.10 takes one peer address or %any, not prefixes, ranges or lists",
                at: peer.address.span)
            return "%any"
        }
    }

    /// `authby`, or `leftauth` and `rightauth` when the sides differ, and certificates.
    private mutating func authentication() -> [(String, String)] {
        let local = authWord(peer.auth.local)
        let remote = authWord(peer.auth.remote)
        var out: [(String, String)] =
            local == remote ? [("authby", local)] : [("leftauth", local), ("rightauth", remote)]
        if peer.auth.local.value.usesPublicKeys,
            let certificate = policy.gateway.credentials?.certificate
        {
            out.append(("leftcert", Self.nickname(certificate.value)))
            diagnostics.add(
                .nssCertificate,
                "certificate '\(certificate.value.written)' is the NSS nickname "
                    + "'\(Self.nickname(certificate.value))'", at: certificate.span,
                notes: [DiagnosticNote("import it and its key into pluto's NSS database")])
        }
        if peer.auth.remote.value.usesPublicKeys, let pinned = peer.auth.peerCertificate {
            out.append(("rightcert", Self.nickname(pinned.value)))
        }
        if let key = peer.auth.peerPublicKey ?? policy.gateway.credentials?.publicKey.map({ $0 }),
            peer.auth.local.value.usesPublicKeys || peer.auth.remote.value.usesPublicKeys,
            policy.gateway.credentials?.certificate == nil || peer.auth.peerPublicKey != nil
        {
            diagnostics.add(
                .unsupportedInLibreswan,
                "Libreswan 4.10 takes raw public keys inline in its own format, not from a file",
                at: key.span)
        }
        return out
    }

    /// Libreswan's word for a method; IKEv1 allows only `secret` and `rsasig`.
    private mutating func authWord(_ method: Located<AuthMethod>) -> String {
        switch method.value {
        case .psk: return "secret"
        case .null: return "null"
        case .rsa: return "rsasig"
        case .ecdsa:
            if peer.ikeVersion == .v1 {
                diagnostics.add(
                    .unsupportedInLibreswan, "Libreswan 4.10 has no ECDSA authentication in IKEv1",
                    at: method.span)
            }
            return "ecdsa"
        case .digitalSignature where peer.auth.rsaPadding != nil:
            return "rsasig"
        case .pubkey, .digitalSignature:
            diagnostics.add(
                .unsupportedInLibreswan,
                "Libreswan 4.10 needs the key type: '\(method.value)' must be 'rsa' or 'ecdsa' "
                    + "for this target", at: method.span)
            return "rsasig"
        case .rsaEncryption, .rsaEncryptionRevised:
            return "rsasig"
        }
    }

    /// An identity in Libreswan's syntax: `@fqdn`, an address, `user@domain`, a quoted DN,
    /// `@#hex` for a key id.
    static func identity(_ identity: Identity) -> String {
        switch identity {
        case .address(let address): return address.description
        case .fqdn(let name): return "@" + name
        case .email(let name): return name
        case .distinguishedName(let name): return "\"" + name + "\""
        case .keyID(let octets): return "@#" + octets.hexString
        }
    }

    /// The NSS nickname for a certificate file: its name without the extension.
    static func nickname(_ file: FileReference) -> String {
        let base = CredentialLayout.baseName(file.resolvedPath)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}

/// The checks Libreswan shares with strongSwan, and its own.
struct LibreswanLimits {
    let peer: Peer

    func check(into diagnostics: inout ExportDiagnostics) {
        for side in [peer.auth.local, peer.auth.remote]
        where side.value == .rsaEncryption || side.value == .rsaEncryptionRevised {
            ExportChecks.rsaEncryption(side, daemon: "Libreswan", into: &diagnostics)
            if peer.auth.fromShorthand { break }
        }
        ExportChecks.lifetimeCheck(peer.phase1, daemon: "Libreswan", into: &diagnostics)
        ExportChecks.ikeBytes(peer.phase1, daemon: "Libreswan", into: &diagnostics)
        if let order = peer.phase1.proposalOrder, order.value == .theirs {
            diagnostics.add(
                .proposalOrder, "Libreswan cannot prefer the initiator's proposal order",
                at: order.span, notes: [DiagnosticNote("it always selects by its own order")])
        }
        if peer.auth.signatureHashes != nil || peer.auth.rsaPadding?.value == .pkcs1 {
            let span = peer.auth.signatureHashes?.first?.span ?? peer.auth.rsaPadding?.span
            diagnostics.add(
                .unsupportedInLibreswan,
                "Libreswan 4.10 chooses RFC 7427 hashes and RSA padding itself",
                at: span, notes: [DiagnosticNote("remove 'signature-hashes' for this target")])
        }
    }
}
