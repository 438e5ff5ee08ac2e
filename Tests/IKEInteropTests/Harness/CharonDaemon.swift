import Foundation

/// strongSwan's charon (`charon-systemd`) in the peer's namespace, with a private
/// strongswan.conf, vici socket and file log, under `timeout` so that it cannot outlive a
/// crashed test run for long. Configurations are loaded between cases with swanctl; the
/// daemon runs once per suite.
final class CharonDaemon: PeerDaemon {
    let folder: String
    let namespace: String
    private var process: Background?

    var vici: String { "unix://\(folder)/charon.vici" }
    var logPath: String { "\(folder)/charon.log" }

    /// Writes the configuration and starts the daemon; waits for its vici socket.
    init(namespace: String, folder: String) throws {
        self.namespace = namespace
        self.folder = folder
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        try Self.configuration(folder: folder).write(
            toFile: "\(folder)/strongswan.conf", atomically: true, encoding: .utf8)
        let daemon = try Background(
            NamespacePair.exec(
                namespace,
                [
                    "env", "STRONGSWAN_CONF=\(folder)/strongswan.conf", "timeout", "-k", "5",
                    "900", "charon-systemd",
                ]))
        process = daemon
        try waitFor("\(folder)/charon.vici", of: daemon, what: "charon-systemd")
    }

    deinit { stop() }

    func stop() {
        _ = process?.stop()
        process = nil
    }

    // INTEROP.md: kernel-libipsec before kernel-netlink, an explicit plugin list with
    // kdf (and ctr for AES-CTR), a private vici socket, a file log flushed per line with
    // IKE and CHILD_SA details at level 4, no journal. Short retransmissions keep a
    // failing case short; IKEv1 aggressive mode with a PSK must be allowed explicitly.
    private static func configuration(folder: String) -> String {
        """
        charon-systemd {
          load_modular = no
          load = random nonce openssl ctr kdf pem x509 pubkey pkcs1 pkcs8 socket-default vici \
        kernel-libipsec kernel-netlink
          i_dont_care_about_security_and_use_aggressive_mode_psk = yes
          retransmit_tries = 3
          retransmit_timeout = 1.0
          plugins {
            vici { socket = unix://\(folder)/charon.vici }
          }
          journal { default = -1 }
          filelog {
            interop {
              path = \(folder)/charon.log
              default = 1
              ike = 4
              chd = 4
              cfg = 2
              net = 1
              enc = 1
              time_format = %H:%M:%S
              flush_line = yes
            }
          }
        }

        """
    }

    /// Compiles the case with `ikec compile --target swanctl`, ends the previous case's
    /// SAs and loads it (`--load-all` replaces every connection, `--clear` the secrets).
    func load(_ testCase: InteropCase, into folder: String) throws {
        let config = "\(folder)/swanctl"
        try IkecBinary.compile("swanctl", policy: testCase.peerPolicy, into: config)
        try terminateAll()
        try Command.check(
            NamespacePair.exec(
                namespace,
                [
                    "swanctl", "--load-all", "--clear", "--file", "\(config)/swanctl.conf",
                    "--uri", vici,
                ]))
    }

    /// `swanctl --initiate --child NAME` for each Child SA in turn.
    func initiate(_ testCase: InteropCase) throws -> [CommandResult] {
        var results: [CommandResult] = []
        for child in testCase.children {
            results.append(
                try Command.run(
                    NamespacePair.exec(
                        namespace,
                        [
                            "swanctl", "--initiate", "--child", child, "--timeout", "15",
                            "--uri", vici,
                        ]), timeout: 20))
            if testCase.expectedNotify != nil { break }
        }
        return results
    }

    /// Deletes every IKE SA, so a case starts from nothing.
    private func terminateAll() throws {
        let list = try Command.run(
            NamespacePair.exec(namespace, ["swanctl", "--list-sas", "--raw", "--uri", vici]))
        guard list.stdout.contains("uniqueid") else { return }
        _ = try Command.run(
            NamespacePair.exec(
                namespace,
                [
                    "swanctl", "--terminate", "--ike", "ikec", "--force", "--timeout", "3",
                    "--uri", vici,
                ]), timeout: 8)
    }
}
