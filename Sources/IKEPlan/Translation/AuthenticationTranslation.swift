import IKECore
import IKECrypto
import IKEDiagnostics
import IKEEngine
import IKEPolicy

/// A policy's `auth:` and `credentials:` in the engine's terms: how we prove our identity
/// and how the peer must prove its own.
struct AuthenticationTranslation {
    let policy: CheckedPolicy
    let peer: Peer

    /// The engine's two halves, or nil with the reasons in `loader`.
    func translate(_ loader: inout CredentialLoader)
        -> (LocalAuthentication, RemoteAuthentication)?
    {
        let auth = peer.auth
        var secret: SecretBytes?
        if auth.local.value == .psk || auth.remote.value == .psk, let psk = auth.psk {
            do {
                secret = try psk.value.resolve()
            } catch {
                loader.fail(
                    .secretUnavailable,
                    "the pre-shared key for peer '\(peer.name.value)' is unavailable: "
                        + error.context,
                    at: psk.span)
            }
        }
        let local = localAuthentication(auth.local.value, secret: secret, loader: &loader)
        let remote = remoteAuthentication(auth.remote.value, secret: secret, loader: &loader)
        guard let local, let remote else { return nil }
        return (local, remote)
    }

    private func localAuthentication(
        _ method: AuthMethod, secret: SecretBytes?, loader: inout CredentialLoader
    ) -> LocalAuthentication? {
        switch method {
        case .psk:
            return secret.map(LocalAuthentication.preSharedKey)
        case .null:
            return .null
        case .pubkey, .rsa, .ecdsa, .digitalSignature:
            guard let credentials = policy.gateway.credentials,
                let keyFile = credentials.privateKey,
                let key = loader.privateKey(keyFile)
            else { return nil }
            guard keyFits(key, method, keyFile: keyFile, loader: &loader) else { return nil }
            let settings = signatureSettings(method)
            if let certificateFile = credentials.certificate {
                guard let chain = loader.certificates(certificateFile), let leaf = chain.first,
                    let leafKey = try? leaf.publicKey,
                    loader.checkPair(
                        key, leafKey, keyFile: keyFile, reference: certificateFile,
                        what: "certificate")
                else { return nil }
                return .certificate(key, chain: chain, settings)
            }
            if let publicFile = credentials.publicKey {
                guard let published = loader.publicKey(publicFile),
                    loader.checkPair(
                        key, published, keyFile: keyFile, reference: publicFile,
                        what: "public key")
                else { return nil }
            }
            return .rawPublicKey(key, settings)
        case .rsaEncryption, .rsaEncryptionRevised:
            guard let keyFile = policy.gateway.credentials?.privateKey,
                let key = loader.privateKey(keyFile)
            else { return nil }
            return .rsaEncryption(key, revised: method == .rsaEncryptionRevised)
        }
    }

    private func remoteAuthentication(
        _ method: AuthMethod, secret: SecretBytes?, loader: inout CredentialLoader
    ) -> RemoteAuthentication? {
        let auth = peer.auth
        switch method {
        case .psk:
            return secret.map(RemoteAuthentication.preSharedKey)
        case .null:
            return .null
        case .pubkey, .rsa, .ecdsa, .digitalSignature:
            if let file = auth.peerPublicKey {
                return loader.publicKey(file).map(RemoteAuthentication.rawPublicKey)
            }
            var anchors: [Certificate] = []
            for file in policy.gateway.credentials?.trust ?? [] {
                guard let loaded = loader.certificates(file, id: .trustAnchorUnusable) else {
                    return nil
                }
                anchors += loaded
            }
            var pinned: Certificate?
            if let file = auth.peerCertificate {
                guard let loaded = loader.certificates(file)?.first else { return nil }
                pinned = loaded
                // A pinned certificate without trust anchors is its own anchor.
                if anchors.isEmpty { anchors = [loaded] }
            }
            return .certificate(trustAnchors: anchors, pinned: pinned)
        case .rsaEncryption, .rsaEncryptionRevised:
            let revised = method == .rsaEncryptionRevised
            if let file = auth.peerPublicKey {
                return loader.publicKey(file).map {
                    RemoteAuthentication.rsaEncryption(peerPublicKey: $0, revised: revised)
                }
            }
            guard let file = auth.peerCertificate,
                let certificate = loader.certificates(file)?.first,
                let key = try? certificate.publicKey
            else { return nil }
            return .rsaEncryption(peerPublicKey: key, revised: revised)
        }
    }

    /// `rsa` needs an RSA key, `ecdsa` an ECDSA key; `pubkey` and `digital-signature` take
    /// any key the engine signs with.
    private func keyFits(
        _ key: PrivateKey, _ method: AuthMethod, keyFile: Located<FileReference>,
        loader: inout CredentialLoader
    ) -> Bool {
        let fits: Bool
        switch method {
        case .rsa: fits = key.algorithm == .rsa
        case .ecdsa: fits = key.algorithm.ecdsaCoordinateLength != nil
        default: fits = true
        }
        if !fits {
            loader.fail(
                .keyMethodMismatch,
                "method '\(method)' cannot sign with the \(key.algorithm.rawValue) key "
                    + "'\(keyFile.value)'",
                at: peer.auth.local.span, notes: [DiagnosticNote("the key", at: keyFile.span)])
        }
        return fits
    }

    /// RFC 7427 for `digital-signature` and `pubkey` (falling back to the classic method
    /// when the peer announces no hashes); the classic methods for `rsa` and `ecdsa`.
    private func signatureSettings(_ method: AuthMethod) -> SignatureSettings {
        let padding: SignatureSettings.RSAPadding =
            peer.auth.rsaPadding?.value == .pss ? .pss : .pkcs1
        let kind: SignatureSettings.Method =
            method == .rsa || method == .ecdsa ? .classic : .digitalSignature
        return SignatureSettings(
            method: kind, hashes: peer.auth.effectiveSignatureHashes, rsaPadding: padding)
    }
}
