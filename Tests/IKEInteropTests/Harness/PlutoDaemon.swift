import Foundation

/// Libreswan's pluto in the peer's namespace, run from the copy Tests/prepare.sh unpacks
/// (the package conflicts with strongSwan's), with its own NSS database, run and
/// configuration folders. pluto runs `addconn` from /usr/libexec/ipsec, so the unpacked
/// /usr/libexec is bind-mounted over the real one in the private mount namespace that
/// `ip netns exec` gives the daemon; the host sees no change. The NSS database trusts the
/// test CAs and holds the certificates and keys the compiled configurations name.
final class PlutoDaemon: PeerDaemon {
    let folder: String
    let namespace: String
    let root: String
    private var process: Background?
    private var loadedConnections: [String] = []
    private var importedCertificates: Set<String> = []

    var logPath: String { "\(folder)/pluto.log" }
    var controlSocket: String { "\(folder)/run/pluto.ctl" }
    var configPath: String { "\(folder)/ipsec.conf" }
    var secretsPath: String { "\(folder)/ipsec.secrets" }
    var tools: String { "\(root)/usr/libexec/ipsec" }

    /// Where Tests/prepare.sh unpacks Libreswan (`IKEC_LIBRESWAN_ROOT` overrides it).
    static var unpackedRoot: String {
        ProcessInfo.processInfo.environment["IKEC_LIBRESWAN_ROOT"] ?? "/opt/ikec-test/libreswan"
    }

    /// Makes the NSS database and starts pluto with an empty configuration.
    init(namespace: String, folder: String) throws {
        self.namespace = namespace
        self.folder = folder
        self.root = Self.unpackedRoot
        guard FileManager.default.isExecutableFile(atPath: "\(root)/usr/libexec/ipsec/pluto")
        else {
            throw InteropSetupError(
                "Libreswan is not unpacked in \(root): run Tests/prepare.sh (it runs "
                    + "'apt-get download libreswan' and 'dpkg-deb -x' there)")
        }
        guard Command.which("certutil") != nil else {
            throw InteropSetupError("certutil is missing: apt-get install libnss3-tools")
        }
        for sub in ["nss", "run"] {
            try FileManager.default.createDirectory(
                atPath: "\(folder)/\(sub)", withIntermediateDirectories: true)
        }
        try Command.check(["certutil", "-N", "-d", "sql:\(folder)/nss", "--empty-password"])
        try trustTestCAs()
        try configuration(including: nil).write(
            toFile: configPath, atomically: true, encoding: .utf8)
        try "".write(toFile: secretsPath, atomically: true, encoding: .utf8)

        let pluto = [
            "\(tools)/pluto", "--nofork", "--config", configPath, "--secretsfile", secretsPath,
            "--rundir", "\(folder)/run", "--nssdir", "\(folder)/nss", "--ipsecdir", folder,
            "--no-dnssec", "--logfile", logPath,
        ]
        let script =
            "mount -n --bind '\(root)/usr/libexec' /usr/libexec && exec timeout -k 5 900 "
            + pluto.map { "'\($0)'" }.joined(separator: " ")
        let daemon = try Background(NamespacePair.exec(namespace, ["sh", "-c", script]))
        process = daemon
        try waitFor(controlSocket, of: daemon, what: "pluto")
    }

    deinit { stop() }

    func stop() {
        _ = process?.stop()
        process = nil
    }

    // INTEROP.md: IKEv1 needs ikev1-policy=accept; the updown script is /bin/true, since
    // no SA reaches the kernel anyway. The compiled connections are included as written.
    private func configuration(including compiled: String?) -> String {
        var text = "config setup\n\tikev1-policy=accept\n\nconn %default\n"
        text += "\tleftupdown=/bin/true\n\n"
        if let compiled { text += "include \(compiled)\n" }
        return text
    }

    /// Compiles the case with `ikec compile --target libreswan`, deletes the previous
    /// case's connections (and their SAs), installs the secrets and adds the new ones.
    func load(_ testCase: InteropCase, into folder: String) throws {
        let compiled = "\(folder)/libreswan"
        try IkecBinary.compile("libreswan", policy: testCase.peerPolicy, into: compiled)
        for name in loadedConnections {
            _ = try Command.run(whack(["--delete", "--name", name]))
        }
        try FileManager.default.removeItem(atPath: secretsPath)
        try FileManager.default.copyItem(
            atPath: "\(compiled)/ipsec.secrets", toPath: secretsPath)
        try importCertificates(namedIn: "\(compiled)/ipsec.conf")
        try Command.check(whack(["--rereadsecrets"]))

        // The compiled file's own `config setup` repeats ikev1-policy; the wrapper's
        // includes it whole.
        try configuration(including: "\(compiled)/ipsec.conf").write(
            toFile: configPath, atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: "\(compiled)/ipsec.conf", encoding: .utf8)
        loadedConnections = text.split(separator: "\n").compactMap { line in
            line.hasPrefix("conn ") ? String(line.dropFirst(5)) : nil
        }
        for name in loadedConnections {
            try Command.check(
                NamespacePair.exec(
                    namespace,
                    [
                        "\(tools)/addconn", "--config", configPath, "--ctlsocket",
                        controlSocket, name,
                    ]))
        }
    }

    /// The test PKI's CAs (Fixtures/pki), trusted to issue peer certificates ("CT,,").
    private func trustTestCAs() throws {
        for ca in ["ecdsa-ca", "rsa-ca"] {
            try Command.check([
                "certutil", "-A", "-d", "sql:\(folder)/nss", "-n", ca, "-t", "CT,,", "-a", "-i",
                "\(Self.pki)/\(ca).crt",
            ])
        }
    }

    /// Imports each certificate the compiled configuration names (`leftcert=NICKNAME`,
    /// which `ikec compile` derives from the file name) with its private key, from
    /// Fixtures/pki, through a PKCS#12 file with an empty password (NSS imports keys only
    /// that way). The previous case's certificates and keys are deleted first: the peer's
    /// ECDSA and RSA certificates share a subject, and NSS files a certificate whose
    /// subject it already holds under the existing nickname, so pluto would find both.
    private func importCertificates(namedIn config: String) throws {
        let text = try String(contentsOfFile: config, encoding: .utf8)
        let nicknames = Set(
            text.split(separator: "\n").compactMap { line -> String? in
                let setting = line.trimmingCharacters(in: .whitespaces)
                return setting.hasPrefix("leftcert=") ? String(setting.dropFirst(9)) : nil
            })
        guard nicknames != importedCertificates else { return }

        for nickname in importedCertificates {
            try Command.check(["certutil", "-F", "-d", "sql:\(folder)/nss", "-n", nickname])
        }
        importedCertificates = []
        for nickname in nicknames {
            let bundle = "\(folder)/\(nickname).p12"
            try Command.check([
                "openssl", "pkcs12", "-export", "-in", "\(Self.pki)/\(nickname).crt", "-inkey",
                "\(Self.pki)/\(nickname).key", "-name", nickname, "-passout", "pass:", "-out",
                bundle,
            ])
            try Command.check(["pk12util", "-i", bundle, "-d", "sql:\(folder)/nss", "-W", ""])
            try FileManager.default.removeItem(atPath: bundle)
            importedCertificates.insert(nickname)
        }
    }

    private static var pki: String { InteropCase.fixtures.appendingPathComponent("pki").path }

    /// `whack --initiate` for the connection of each Child SA.
    func initiate(_ testCase: InteropCase) throws -> [CommandResult] {
        try loadedConnections.map { name in
            try Command.run(whack(["--name", name, "--initiate", "--asynchronous"]))
        }
    }

    private func whack(_ arguments: [String]) -> [String] {
        NamespacePair.exec(namespace, ["\(tools)/whack", "--ctlsocket", controlSocket] + arguments)
    }
}
