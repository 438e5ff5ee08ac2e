import Foundation

/// strongSwan's charon (`charon-systemd`) in the daemon's namespace, with a private
/// strongswan.conf, vici socket and file log, under `timeout` so that it cannot outlive a
/// crashed test run for long. Configurations are loaded between cases with swanctl; the
/// daemon runs once per suite.
final class CharonDaemon {
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
        process = try Background(
            NamespacePair.exec(
                namespace,
                [
                    "env", "STRONGSWAN_CONF=\(folder)/strongswan.conf", "timeout", "-k", "5", "900",
                    "charon-systemd",
                ]))
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: "\(folder)/charon.vici") {
            guard Date() < deadline, process?.isRunning == true else {
                let result = process?.stop()
                throw InteropSetupError(
                    "charon-systemd did not open its vici socket:\n\(result?.transcript ?? "")\n"
                        + ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""))
            }
            usleep(20_000)
        }
    }

    deinit { stop() }

    /// Stops the daemon.
    func stop() {
        _ = process?.stop()
        process = nil
    }

    // INTEROP.md: kernel-libipsec before kernel-netlink, an explicit plugin list with
    // kdf, a private vici socket, a file log with IKE and CHILD_SA details at level 4
    // (keys and proposals appear there), no journal.
    private static func configuration(folder: String) -> String {
        """
        charon-systemd {
          load_modular = no
          load = random nonce openssl ctr kdf pem x509 pubkey pkcs1 pkcs8 socket-default vici kernel-libipsec kernel-netlink
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

    /// Loads `swanctl.conf` of `configFolder` (its credentials folders beside it),
    /// replacing every connection and secret loaded before.
    func load(_ configFolder: String) throws {
        try Command.check(
            NamespacePair.exec(
                namespace,
                [
                    "swanctl", "--load-all", "--clear", "--file", "\(configFolder)/swanctl.conf",
                    "--uri", vici,
                ]))
    }

    /// `swanctl --initiate --child NAME`: charon initiates.
    func initiate(child: String, timeout: Int = 15) throws -> CommandResult {
        try Command.run(
            NamespacePair.exec(
                namespace,
                [
                    "swanctl", "--initiate", "--child", child, "--timeout", "\(timeout)",
                    "--uri", vici,
                ]), timeout: Double(timeout) + 5)
    }

    /// Deletes every IKE SA, so a case starts from nothing.
    func terminateAll() throws {
        let list = try Command.run(
            NamespacePair.exec(namespace, ["swanctl", "--list-sas", "--raw", "--uri", vici]))
        guard list.stdout.contains("uniqueid") else { return }
        for connection in ["ikec"] {
            _ = try Command.run(
                NamespacePair.exec(
                    namespace,
                    [
                        "swanctl", "--terminate", "--ike", connection, "--force", "--timeout",
                        "3", "--uri", vici,
                    ]), timeout: 8)
        }
    }

    /// The log's size: what a case reads starts here.
    var logMark: UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: logPath))?[.size] as? UInt64) ?? 0
    }

    /// The log written since `mark`.
    func log(since mark: UInt64) -> CharonLog {
        guard let handle = FileHandle(forReadingAtPath: logPath) else { return CharonLog(text: "") }
        defer { try? handle.close() }
        try? handle.seek(toOffset: mark)
        let data = (try? handle.readToEnd()) ?? Data()
        return CharonLog(text: String(decoding: data, as: UTF8.self))
    }
}
