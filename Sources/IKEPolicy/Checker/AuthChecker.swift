import IKECore
import IKEDiagnostics

extension PolicyChecker {
    static let authKeys: FieldNames = [
        "method", "local", "remote", "psk", "peer-public-key", "peer-certificate",
        "signature-hashes", "rsa-padding",
    ]
    static let pskKeys: FieldNames = ["env", "file"]
    static let signatureHashNames: [String: HashAlgorithm] = [
        "sha1": .sha1, "sha256": .sha256, "sha384": .sha384, "sha512": .sha512,
    ]

    /// A peer's `auth:` section and the rules that tie methods to IKE versions and
    /// credentials. `version` is nil when the peer's `ike:` was invalid.
    mutating func checkAuth(_ entry: YAMLEntry, version: IKEVersion?, gateway: Gateway?)
        -> AuthConfig?
    {
        // Mask the secret first, so that even a malformed `psk` never shows in an excerpt.
        if case .mapping(let entries) = entry.value.content,
            let psk = entries.first(where: { $0.keyIs("psk") })
        {
            markSecret(psk.value)
        }
        guard let fields = fields(entry.value, of: "auth", allowed: Self.authKeys) else {
            return nil
        }
        let errorsBefore = errorTotal
        let (local, remote) = authMethods(fields, owner: entry.keySpan)

        let psk = fields["psk"].flatMap { presharedKey($0.value) }
        let peerKey = fields["peer-public-key"].flatMap {
            fileReference($0.value, for: "peer-public-key")
        }
        let peerCertificate = fields["peer-certificate"].flatMap {
            fileReference($0.value, for: "peer-certificate")
        }
        let hashes = fields["signature-hashes"].flatMap { signatureHashes($0.value) }
        let padding = fields["rsa-padding"].flatMap {
            word($0.value, for: "rsa-padding", as: RSAPadding.self)
        }
        guard let local, let remote, errorTotal == errorsBefore else { return nil }

        let config = AuthConfig(
            local: local, remote: remote, fromShorthand: fields["method"] != nil, psk: psk,
            peerPublicKey: peerKey, peerCertificate: peerCertificate, signatureHashes: hashes,
            rsaPadding: padding, span: entry.keySpan)
        checkMethods(config, fields: fields, version: version, gateway: gateway)
        return errorTotal == errorsBefore ? config : nil
    }

    /// `method:` or `local:` with `remote:`.
    private mutating func authMethods(_ fields: FieldMap, owner: SourceSpan)
        -> (Located<AuthMethod>?, Located<AuthMethod>?)
    {
        if let method = fields["method"] {
            for key: StaticString in ["local", "remote"] {
                if let other = fields[key] {
                    error(
                        .conflictingKeys, "'\(key)' conflicts with 'method', which sets both sides",
                        at: other.keySpan,
                        notes: [DiagnosticNote("'method' is set here", at: method.keySpan)])
                }
            }
            let value = word(method.value, for: "method", as: AuthMethod.self)
            return (value, value)
        }
        if fields["local"] == nil && fields["remote"] == nil {
            error(
                .missingKey, "missing key 'method' (or 'local' and 'remote') in auth", at: owner)
            return (nil, nil)
        }
        let local = required(fields, "local", in: "auth", owner: owner).flatMap {
            word($0.value, for: "local", as: AuthMethod.self)
        }
        let remote = required(fields, "remote", in: "auth", owner: owner).flatMap {
            word($0.value, for: "remote", as: AuthMethod.self)
        }
        return (local, remote)
    }

    /// The rules between methods, versions and key material.
    private mutating func checkMethods(
        _ auth: AuthConfig, fields: FieldMap, version: IKEVersion?, gateway: Gateway?
    ) {
        let sides = auth.fromShorthand ? [auth.local] : [auth.local, auth.remote]
        if let version {
            for side in sides where !side.value.exists(in: version) {
                let other: IKEVersion = version == .v1 ? .v2 : .v1
                error(
                    .methodNotInVersion,
                    "authentication method '\(side.value)' does not exist in IKE\(version)",
                    at: side.span, notes: [DiagnosticNote("it is an IKE\(other) method")])
            }
            if version == .v1, auth.local.value != auth.remote.value {
                error(
                    .ikev1AsymmetricAuth,
                    "IKEv1 negotiates one method for both sides; local is '\(auth.local.value)', "
                        + "remote is '\(auth.remote.value)'",
                    at: auth.remote.span,
                    notes: [DiagnosticNote("use 'method:' with one method, or IKEv2")])
            }
        }
        let methods = MethodPair(local: auth.local.value, remote: auth.remote.value)
        if methods.contains(.psk), auth.psk == nil {
            error(
                .missingPSK, "the psk method needs 'psk' in auth", at: auth.span,
                notes: [DiagnosticNote("write 'psk: { env: NAME }' or 'psk: { file: path }'")])
        }
        if auth.local.value.usesPublicKeys, !(gateway?.credentials?.canSign ?? false),
            gateway != nil
        {
            error(
                .missingLocalCredentials,
                "method '\(auth.local.value)' needs our private key and a certificate or "
                    + "public key",
                at: auth.local.span,
                notes: [
                    DiagnosticNote(
                        "add 'private-key' and 'certificate' (or 'public-key') to "
                            + "gateway.credentials"
                    )
                ])
        }
        let remote = auth.remote.value
        let trusted = !(gateway?.credentials?.trust.isEmpty ?? true)
        if remote.isSignature, !trusted, auth.peerCertificate == nil, auth.peerPublicKey == nil,
            gateway != nil
        {
            error(
                .missingRemoteTrust, "method '\(remote)' for the peer needs a way to trust its key",
                at: auth.remote.span,
                notes: [
                    DiagnosticNote(
                        "add gateway.credentials.trust, auth.peer-certificate or "
                            + "auth.peer-public-key"
                    )
                ])
        }
        if methods.contains(.rsaEncryption) || methods.contains(.rsaEncryptionRevised),
            auth.peerPublicKey == nil, auth.peerCertificate == nil
        {
            error(
                .missingPeerKey, "RSA encryption needs the peer's public key before the exchange",
                at: auth.remote.span,
                notes: [DiagnosticNote("add auth.peer-public-key or auth.peer-certificate")])
        }
        if !methods.contains(.digitalSignature) {
            for key: StaticString in ["signature-hashes", "rsa-padding"] {
                guard let entry = fields[key] else { continue }
                error(
                    .signatureOptionUnused, "'\(key)' applies only to the digital-signature method",
                    at: entry.keySpan)
            }
        }
    }

    /// A literal, `{ env: NAME }` or `{ file: path }`.
    private mutating func presharedKey(_ node: YAMLNode) -> Located<PresharedKey>? {
        switch node.content {
        case .scalar:
            let text = node.text
            guard !node.isEmptyPlainScalar else {
                wrongType(node, expected: "a key, { env: NAME } or { file: path }", for: "psk")
                return nil
            }
            switch SecretText.decode(text) {
            case .success(let bytes):
                return Located(PresharedKey(source: .literal(SecretBytes(bytes))), at: node.span)
            case .failure(let problem):
                error(
                    .malformedPSK, "the literal psk does not decode: \(problem.message)",
                    at: node.span)
                return nil
            }
        case .mapping:
            guard let fields = fields(node, of: "psk", allowed: Self.pskKeys) else { return nil }
            if let env = fields["env"], let file = fields["file"] {
                error(
                    .conflictingKeys, "'psk' takes 'env' or 'file', not both", at: file.keySpan,
                    notes: [DiagnosticNote("'env' is set here", at: env.keySpan)])
                return nil
            }
            if let env = fields["env"] {
                guard let name = string(env.value, for: "env") else { return nil }
                return Located(PresharedKey(source: .environment(name.value)), at: node.span)
            }
            if let file = fields["file"] {
                guard let reference = fileReference(file.value, for: "file") else { return nil }
                return Located(PresharedKey(source: .file(reference.value)), at: node.span)
            }
            error(.missingKey, "missing key 'env' or 'file' in psk", at: node.span)
            return nil
        case .sequence:
            wrongType(node, expected: "a key, { env: NAME } or { file: path }", for: "psk")
            return nil
        }
    }

    /// Records the places of every scalar under `psk` that may be a secret: the literal,
    /// or any value in its map other than `env` and `file`.
    private mutating func markSecret(_ node: YAMLNode) {
        switch node.content {
        case .scalar:
            secretSpans.append(node.span)
        case .sequence(let items):
            for item in items { markSecret(item) }
        case .mapping(let entries):
            for entry in entries where !entry.keyIs("env") && !entry.keyIs("file") {
                markSecret(entry.value)
            }
        }
    }

    private mutating func signatureHashes(_ node: YAMLNode) -> [Located<HashAlgorithm>]? {
        guard let items = oneOrMany(node, for: "signature-hashes", expected: "a hash or a list")
        else {
            return nil
        }
        var out: [Located<HashAlgorithm>] = []
        for item in items {
            guard let text = string(item, for: "signature-hashes") else { return nil }
            guard let hash = Self.signatureHashNames[text.value] else {
                unknownWord(
                    text, for: "signature-hashes", choices: ["sha1", "sha256", "sha384", "sha512"])
                return nil
            }
            out.append(Located(hash, at: text.span))
        }
        return out
    }
}

/// The methods of both sides, asked as a set is (two values need no hashing).
private struct MethodPair {
    let local: AuthMethod
    let remote: AuthMethod

    func contains(_ method: AuthMethod) -> Bool { local == method || remote == method }
}

extension AuthMethod {
    /// Whether IKE `version` has this method (`versions` without building a set).
    func exists(in version: IKEVersion) -> Bool {
        switch self {
        case .psk, .pubkey, .rsa, .ecdsa: return true
        case .digitalSignature, .null: return version == .v2
        case .rsaEncryption, .rsaEncryptionRevised: return version == .v1
        }
    }
}
