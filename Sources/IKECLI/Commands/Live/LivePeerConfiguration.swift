import IKECore
import IKECrypto
import IKEEngine
import IKEPolicy

/// A peer entry of a checked policy as the engine's configuration for a live negotiation
/// with a real gateway: secrets resolved, key files read, UDP encapsulation forced (ikec
/// carries ESP in user space, in UDP, as strongSwan's kernel-libipsec does).
enum LivePeerConfiguration {
    /// The configuration of `peer` between two real endpoints. A secret or key file that
    /// cannot be used is an input problem (exit status 1), named without its contents.
    static func make(
        policy: CheckedPolicy, peer: Peer, local: IPAddress, remote: IPAddress,
        validationTime: Double
    ) throws(LiveFailure) -> IKEPeerConfiguration {
        let auth = try authentication(policy: policy, peer: peer)
        let phase1 = peer.phase1
        return IKEPeerConfiguration(
            version: peer.ikeVersion, local: Endpoint(address: local),
            remote: Endpoint(address: remote),
            localIdentity: policy.localIdentity(for: peer).value,
            remoteIdentity: peer.auth.remote.value == .null ? nil : peer.expectedRemoteIdentity,
            ikeProposals: phase1.proposals.coreProposals,
            proposalPreference: phase1.effectiveProposalOrder == .ours ? .local : .peer,
            localAuthentication: auth.local, remoteAuthentication: auth.remote,
            ikeLifetime: IKELifetime(
                seconds: UInt64(phase1.lifetimeSeconds), kilobytes: phase1.lifetime.kilobytes),
            children: peer.phase2.map(child),
            ikev1: IKEv1Options(
                mode: phase1.exchangeMode == .main ? .main : .aggressive,
                lifetimePolicy: lifetimePolicy(phase1.effectiveLifetimeCheck)),
            forceUDPEncapsulation: true, validationTime: validationTime)
    }

    private static func child(_ entry: Phase2Entry) -> ChildConfiguration {
        ChildConfiguration(
            name: entry.name.value, protocolID: entry.effectiveProtocol.securityProtocol,
            mode: entry.effectiveMode == .transport ? .transport : .tunnel,
            localSelectors: entry.localSelectors.selectors.map(\.value),
            remoteSelectors: entry.remoteSelectors.selectors.map(\.value),
            proposals: entry.proposals.coreProposals,
            lifetime: ChildLifetime(
                seconds: UInt64(entry.lifetimeSeconds), bytes: entry.lifetime.bytes?.value,
                packets: entry.lifetime.packets?.value))
    }

    private static func lifetimePolicy(_ check: LifetimeCheck) -> IKEv1Options.LifetimePolicy {
        switch check {
        case .accept: return .accept
        case .notify: return .notify
        case .reject: return .reject
        }
    }

    private static func authentication(policy: CheckedPolicy, peer: Peer) throws(LiveFailure)
        -> (local: LocalAuthentication, remote: RemoteAuthentication)
    {
        let auth = peer.auth
        var secret: SecretBytes?
        if auth.local.value == .psk || auth.remote.value == .psk {
            guard let psk = auth.psk else {
                throw LiveFailure(
                    message: "peer '\(peer.name.value)' has no pre-shared key",
                    status: .inputProblems)
            }
            do {
                secret = try psk.value.resolve()
            } catch {
                throw LiveFailure(
                    message: "the pre-shared key for peer '\(peer.name.value)' is unavailable: "
                        + error.context, status: .inputProblems)
            }
        }

        let local: LocalAuthentication
        switch auth.local.value {
        case .psk:
            local = .preSharedKey(secret ?? SecretBytes([]))
        case .null:
            local = .null
        case .pubkey, .rsa, .ecdsa, .digitalSignature:
            guard let credentials = policy.gateway.credentials,
                let keyFile = credentials.privateKey,
                let certificateFile = credentials.certificate
            else {
                throw LiveFailure(
                    message: "method '\(auth.local.value)' needs gateway.credentials with a "
                        + "certificate and a private key", status: .inputProblems)
            }
            let key = try CredentialFiles.privateKey(keyFile.value)
            let chain = try CredentialFiles.certificates(certificateFile.value)
            let method: SignatureSettings.Method =
                auth.local.value == .rsa || auth.local.value == .ecdsa
                ? .classic : .digitalSignature
            local = .certificate(
                key, chain: chain,
                SignatureSettings(
                    method: method, hashes: auth.effectiveSignatureHashes,
                    rsaPadding: auth.rsaPadding?.value == .pss ? .pss : .pkcs1))
        case .rsaEncryption, .rsaEncryptionRevised:
            throw LiveFailure(
                message: "method '\(auth.local.value)' is not supported by probe and respond",
                status: .inputProblems)
        }

        let remote: RemoteAuthentication
        switch auth.remote.value {
        case .psk:
            remote = .preSharedKey(secret ?? SecretBytes([]))
        case .null:
            remote = .null
        case .pubkey, .rsa, .ecdsa, .digitalSignature:
            var anchors: [Certificate] = []
            for file in policy.gateway.credentials?.trust ?? [] {
                anchors += try CredentialFiles.certificates(file.value)
            }
            let pinned = try auth.peerCertificate.map { reference throws(LiveFailure) in
                try CredentialFiles.certificates(reference.value)[0]
            }
            if anchors.isEmpty, let pinned { anchors = [pinned] }
            remote = .certificate(trustAnchors: anchors, pinned: pinned)
        case .rsaEncryption, .rsaEncryptionRevised:
            throw LiveFailure(
                message: "method '\(auth.remote.value)' is not supported by probe and respond",
                status: .inputProblems)
        }
        return (local, remote)
    }
}

/// Reads the key and certificate files a policy names; errors name the file only.
enum CredentialFiles {
    /// A PEM or DER private key.
    static func privateKey(_ file: FileReference) throws(LiveFailure) -> PrivateKey {
        let bytes = try read(file)
        if let key = try? PrivateKey(pemBytes: bytes) { return key }
        if let key = try? PrivateKey(der: bytes) { return key }
        throw LiveFailure(
            message: "'\(file.written)' is not an unencrypted PEM or DER private key",
            status: .inputProblems)
    }

    /// The certificates of a PEM or DER file, at least one.
    static func certificates(_ file: FileReference) throws(LiveFailure) -> [Certificate] {
        guard let certificates = try? Certificate.load(try read(file)), !certificates.isEmpty
        else {
            throw LiveFailure(
                message: "'\(file.written)' holds no X.509 certificate", status: .inputProblems)
        }
        return certificates
    }

    private static func read(_ file: FileReference) throws(LiveFailure) -> [UInt8] {
        guard let data = FileBytes.read(file.resolvedPath) else {
            throw LiveFailure(message: "cannot read '\(file.written)'", status: .misuse)
        }
        return data
    }
}
