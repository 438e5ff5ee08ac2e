import IKECore
import IKEPolicy

/// The `local` and `remote` authentication rounds of a connection (swanctl.conf(5),
/// `connections.<conn>.local` and `.remote`).
///
/// Methods map to strongSwan's `auth` words: `psk`; `pubkey` (any key; RFC 7427
/// signatures in IKEv2 when the peer supports them); `rsa` and `ecdsa` (the same, with the
/// key type constrained). The digital-signature method becomes an `ike:` signature scheme
/// constraint listing the policy's RFC 7427 hashes in order: strongSwan signs with the
/// first the peer supports and accepts only those from the peer. With `rsa-padding: pss`
/// the scheme is `rsa/pss` (ECDSA keys stay allowed with the same hashes), which is also
/// the only way strongSwan accepts RSASSA-PSS without `charon.rsa_pss` in
/// strongswan.conf. NULL and the IKEv1 RSA encryption methods have no `auth` word and are
/// reported by `SwanctlLimits`.
struct SwanctlAuth {
    let policy: CheckedPolicy
    let peer: Peer

    /// `local { ... }`.
    func local(into text: inout SettingsText, layout: inout CredentialLayout) {
        let method = peer.auth.local.value
        text.set("auth", authWord(method))
        text.set("id", SwanctlIdentity.render(policy.localIdentity(for: peer).value))
        guard method.usesPublicKeys, let credentials = policy.gateway.credentials else { return }
        if let certificate = credentials.certificate {
            // A chain's CA certificates go to x509ca/, where charon finds them to send.
            let names = layout.certificateNames(
                for: certificate.value, in: "x509", othersIn: "x509ca")
            text.set("certs", names[0])
        } else if let publicKey = credentials.publicKey {
            text.set("pubkeys", layout.name(for: publicKey.value, in: "pubkey"))
        }
        if let privateKey = credentials.privateKey {
            // charon finds the key through the certificate's or public key's key id once
            // swanctl has loaded it from the private/ folder.
            _ = layout.name(for: privateKey.value, in: "private")
        }
    }

    /// `remote { ... }`.
    func remote(into text: inout SettingsText, layout: inout CredentialLayout) {
        let method = peer.auth.remote.value
        text.set("auth", authWord(method))
        if let identity = peer.expectedRemoteIdentity {
            text.set("id", SwanctlIdentity.render(identity))
        } else {
            text.set("id", "%any")
        }
        guard method.usesPublicKeys else { return }
        if let pinned = peer.auth.peerCertificate {
            text.set("certs", layout.name(for: pinned.value, in: "x509"))
        } else if let key = peer.auth.peerPublicKey {
            text.set("pubkeys", layout.name(for: key.value, in: "pubkey"))
        } else if let trust = policy.gateway.credentials?.trust, !trust.isEmpty {
            let names = trust.flatMap {
                layout.certificateNames(for: $0.value, in: "x509ca", othersIn: "x509ca")
            }
            text.set("cacerts", list: names)
        }
    }

    /// strongSwan's `auth` value for a method.
    func authWord(_ method: AuthMethod) -> String {
        switch method {
        case .psk: return "psk"
        case .pubkey: return "pubkey"
        case .rsa: return "rsa"
        case .ecdsa: return "ecdsa"
        case .digitalSignature: return signatureScheme()
        case .null: return "null"
        case .rsaEncryption, .rsaEncryptionRevised: return "pubkey"
        }
    }

    /// Does not yet allow Ed25519 or Ed448 keys together with `rsa-padding: pss`: the
    /// constraint names RSA-PSS and ECDSA only, so such a key would find no scheme.
    ///
    /// RFC 7427 section 4: the hashes of the SIGNATURE_HASH_ALGORITHMS preference, as
    /// strongSwan's `ike:` constraint (`ike:pubkey-sha256-sha384`,
    /// `ike:rsa/pss-sha256-ecdsa-sha256`).
    func signatureScheme() -> String {
        let hashes = peer.auth.effectiveSignatureHashes.map(\.rawValue).joined(separator: "-")
        switch peer.auth.rsaPadding?.value {
        case .pss: return "ike:rsa/pss-\(hashes)-ecdsa-\(hashes)"
        case .pkcs1, nil: return "ike:pubkey-\(hashes)"
        }
    }
}
