import IKECore
import IKEDiagnostics
import IKEPolicy

/// What a policy asks for that strongSwan 5.9 cannot be told per connection, or not at
/// all. Each finding names the policy's own place.
struct SwanctlLimits {
    let peer: Peer

    /// Adds a diagnostic for each setting of the peer that swanctl.conf cannot express.
    func check(into diagnostics: inout ExportDiagnostics) {
        checkAuth(into: &diagnostics)
        checkPhase1(into: &diagnostics)
        if peer.ikeVersion == .v1 {
            for entry in peer.phase2 {
                ExportChecks.selectorPairs(entry, daemon: "strongSwan", into: &diagnostics)
            }
        }
    }

    private func checkAuth(into diagnostics: inout ExportDiagnostics) {
        let auth = peer.auth
        for side in [auth.local, auth.remote] {
            switch side.value {
            case .null:
                diagnostics.add(
                    .nullAuth,
                    "swanctl.conf in strongSwan 5.9 has no 'auth' value for NULL "
                        + "authentication (RFC 7619)", at: side.span,
                    notes: [DiagnosticNote("use a pre-shared key or a public key method")])
            case .rsaEncryption, .rsaEncryptionRevised:
                ExportChecks.rsaEncryption(side, daemon: "strongSwan", into: &diagnostics)
            default:
                break
            }
            if auth.fromShorthand { break }
        }

        // RFC 7296 section 3.8 methods 1 and 9-11 versus RFC 7427 method 14.
        let local = auth.local
        if peer.ikeVersion == .v2, local.value == .rsa || local.value == .ecdsa {
            diagnostics.add(
                .classicSignature,
                "strongSwan signs with an RFC 7427 digital signature instead of "
                    + "'\(local.value)' when the peer supports RFC 7427",
                at: local.span,
                notes: [
                    DiagnosticNote(
                        "set 'charon.signature_authentication = no' in strongswan.conf to "
                            + "keep the classic method; it applies to every connection")
                ])
        }
        if peer.phase1.exchangeMode == .aggressive, auth.local.value == .psk {
            diagnostics.add(
                .aggressivePSK,
                "charon answers aggressive mode with a pre-shared key only when strongswan.conf "
                    + "allows it", at: peer.phase1.mode?.span ?? peer.phase1.span,
                notes: [
                    DiagnosticNote(
                        "set 'charon.i_dont_care_about_security_and_use_aggressive_mode_psk "
                            + "= yes' in strongswan.conf; it applies to every connection")
                ])
        }
    }

    private func checkPhase1(into diagnostics: inout ExportDiagnostics) {
        let phase1 = peer.phase1
        ExportChecks.lifetimeCheck(phase1, daemon: "strongSwan", into: &diagnostics)
        ExportChecks.ikeBytes(phase1, daemon: "strongSwan", into: &diagnostics)
        if let order = phase1.proposalOrder, order.value == .theirs {
            diagnostics.add(
                .proposalOrder,
                "strongSwan cannot prefer the initiator's proposal order for one connection",
                at: order.span,
                notes: [
                    DiagnosticNote(
                        "set 'charon.prefer_configured_proposals = no' in strongswan.conf; it "
                            + "applies to every connection")
                ])
        }
    }
}

/// Checks both targets share: the daemons agree on these limits.
enum ExportChecks {
    /// RFC 2409 section 5.2 and 5.3: neither daemon implements RSA encryption.
    static func rsaEncryption(
        _ side: Located<AuthMethod>, daemon: String, into diagnostics: inout ExportDiagnostics
    ) {
        diagnostics.add(
            .rsaEncryption,
            "\(daemon) does not implement IKEv1 authentication method "
                + "'\(side.value)'", at: side.span,
            notes: [DiagnosticNote("use 'rsa' signatures or a pre-shared key")])
    }

    /// RFC 2407 section 4.5.4: an IKEv1 responder may refuse or shorten a longer lifetime;
    /// the daemons take the initiator's.
    static func lifetimeCheck(
        _ phase1: Phase1, daemon: String, into diagnostics: inout ExportDiagnostics
    ) {
        guard let check = phase1.lifetimeCheck, check.value != .accept else { return }
        diagnostics.add(
            .lifetimeCheck,
            "\(daemon) accepts the lifetime an IKEv1 initiator proposes; it cannot "
                + "\(check.value == .notify ? "answer with RESPONDER-LIFETIME" : "refuse it")",
            at: check.span,
            notes: [DiagnosticNote("use 'lifetime-check: accept', or keep this peer on ikec")])
    }

    /// Neither daemon limits an ISAKMP SA by volume.
    static func ikeBytes(
        _ phase1: Phase1, daemon: String, into diagnostics: inout ExportDiagnostics
    ) {
        guard let bytes = phase1.lifetime.bytes else { return }
        diagnostics.add(
            .ikeByteLifetime, "\(daemon) has no byte lifetime for an IKEv1 ISAKMP SA",
            at: bytes.span, notes: [DiagnosticNote("remove 'bytes' from the phase 1 lifetime")])
    }

    /// RFC 2409 section 5.5: a quick mode carries one pair of client identities.
    static func selectorPairs(
        _ entry: Phase2Entry, daemon: String, into diagnostics: inout ExportDiagnostics
    ) {
        for list in [entry.localSelectors, entry.remoteSelectors]
        where list.origin == .written && list.selectors.count > 1 {
            diagnostics.add(
                .selectorPairs,
                "\(daemon) negotiates one selector per side for IKEv1 phase 2 entry "
                    + "'\(entry.name.value)', which lists \(list.selectors.count)",
                at: list.selectors[1].span,
                notes: [DiagnosticNote("write one phase 2 entry per pair of selectors")])
        }
    }
}
