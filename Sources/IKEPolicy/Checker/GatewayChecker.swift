import IKECore
import IKEDiagnostics

extension PolicyChecker {
    static let gatewayKeys: FieldNames = ["name", "address", "id", "credentials"]
    static let credentialKeys: FieldNames = ["certificate", "private-key", "trust", "public-key"]

    /// The `gateway:` section.
    mutating func checkGateway(_ entry: YAMLEntry) -> Gateway? {
        guard let fields = fields(entry.value, of: "gateway", allowed: Self.gatewayKeys) else {
            return nil
        }
        let owner = entry.keySpan
        var name: Located<String>?
        if let node = required(fields, "name", in: "gateway", owner: owner)?.value,
            let text = string(node, for: "name"),
            checkName(text.value, at: text.span, kind: "gateway")
        {
            name = text
        }
        let addresses = required(fields, "address", in: "gateway", owner: owner).flatMap {
            gatewayAddresses($0.value)
        }
        var identity: Located<Identity>?
        if let node = fields["id"]?.value {
            identity = self.identity(node, for: "id")
        } else if let first = addresses?.first {
            identity = Located(.address(first.value), at: first.span)
        }
        var credentials: Credentials?
        var credentialsFailed = false
        if let node = fields["credentials"] {
            credentials = self.credentials(node)
            credentialsFailed = credentials == nil
        }
        guard let name, let addresses, let identity, !credentialsFailed else { return nil }
        return Gateway(
            name: name, addresses: addresses, identity: identity,
            identityIsDefault: fields["id"] == nil, credentials: credentials, span: owner)
    }

    private mutating func gatewayAddresses(_ node: YAMLNode) -> [Located<IPAddress>]? {
        guard let items = oneOrMany(node, for: "address", expected: "an address or a list") else {
            return nil
        }
        var out: [Located<IPAddress>] = []
        var failed = false
        for item in items {
            guard let text = string(item, for: "address") else {
                failed = true
                continue
            }
            if let address = IPAddress(text.value) {
                out.append(Located(address, at: text.span))
            } else if case .success = AddressSyntax.entry(text.value) {
                error(
                    .gatewayAddressNotHost,
                    "the gateway's address '\(text.value)' must be a single address",
                    at: text.span,
                    notes: [DiagnosticNote("prefixes and ranges describe peers, not this gateway")])
                failed = true
            } else {
                error(.invalidAddress, "'\(text.value)' is not an IP address", at: text.span)
                failed = true
            }
        }
        return failed ? nil : out
    }

    private mutating func credentials(_ entry: YAMLEntry) -> Credentials? {
        guard let fields = fields(entry.value, of: "credentials", allowed: Self.credentialKeys)
        else { return nil }
        var failed = false
        func one(_ key: StaticString, _ checker: inout PolicyChecker) -> Located<FileReference>? {
            guard let node = fields[key]?.value else { return nil }
            let file = checker.fileReference(node, for: key.description)
            if file == nil { failed = true }
            return file
        }
        let certificate = one("certificate", &self)
        let privateKey = one("private-key", &self)
        let publicKey = one("public-key", &self)
        var trust: [Located<FileReference>] = []
        if let node = fields["trust"]?.value {
            if let items = oneOrMany(node, for: "trust", expected: "a path or a list of paths") {
                for item in items {
                    if let file = fileReference(item, for: "trust") {
                        trust.append(file)
                    } else {
                        failed = true
                    }
                }
            } else {
                failed = true
            }
        }
        guard !failed else { return nil }
        return Credentials(
            certificate: certificate, privateKey: privateKey, trust: trust, publicKey: publicKey,
            span: entry.keySpan)
    }

    /// An identity value, with a note when it had no type prefix.
    mutating func identity(_ node: YAMLNode, for what: String) -> Located<Identity>? {
        guard let text = string(node, for: what) else { return nil }
        switch IdentitySyntax.parse(text.value) {
        case .success(let (identity, inference)):
            if case .inferred(let read) = inference {
                error(
                    .identityWithoutType,
                    "identity '\(text.value)' has no type; it is read as '\(read)'", at: text.span,
                    fixIts: [
                        FixIt("write '\(read)'", span: text.span, replacement: read.description)
                    ])
            }
            return Located(identity, at: text.span)
        case .failure(let problem):
            var notes: [DiagnosticNote] = []
            if let suggestion = problem.suggestion {
                notes.append(DiagnosticNote("did you mean '\(suggestion)'?"))
            }
            if problem.id == .unknownIdentityType {
                notes.append(
                    DiagnosticNote("identity types are fqdn:, ipv4:, ipv6:, email:, dn: and keyid:")
                )
            }
            error(problem.id, problem.message, at: text.span, notes: notes)
            return nil
        }
    }
}
