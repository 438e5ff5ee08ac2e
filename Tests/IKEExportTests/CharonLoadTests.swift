import Foundation
import IKEPolicy
import Testing

@testable import IKEExport

/// Loads every compiled example into a real strongSwan 5.9 charon (charon-systemd in a
/// private network namespace, as /work/shared/INTEROP.md describes) with
/// `swanctl --load-all`, which must load every connection, secret, certificate and key.
///
/// This proves that charon parses every setting ikec writes (proposal keywords, selector
/// syntax, identities, `ike:` signature constraints, lifetimes), that the credential links
/// and the secrets file of `ikec compile -o` are where swanctl looks for them, and that
/// the keys decode. It does not negotiate: the pairs' handshakes are the interop tests'.
@Suite(.serialized)
struct CharonLoadTests {
    @Test func everyCompiledExampleLoadsIntoCharon() throws {
        for tool in ["/usr/sbin/charon-systemd", "/usr/sbin/swanctl", "/usr/sbin/ip"] {
            try #require(
                FileManager.default.isExecutableFile(atPath: tool),
                "\(tool) is missing: install strongswan-swanctl, charon-systemd and iproute2")
        }
        let work = try ExportTestSupport.temporaryFolder("charon")
        let charon = try CharonInstance(folder: work)
        defer {
            charon.stop()
            try? FileManager.default.removeItem(at: work)
        }

        var loadedAny = false
        for policyURL in ExportTestSupport.examplePolicies() {
            let expected = policyURL.deletingPathExtension().appendingPathExtension("swanctl.conf")
            guard FileManager.default.fileExists(atPath: expected.path) else { continue }
            let result = PolicyLoader.load(path: policyURL.path)
            let policy = try #require(result.policy, "\(policyURL.path) does not load")
            let config = ConfigExporter.compile(policy, target: .swanctl)
            let secrets = try SecretsFile.render(config, gateway: policy.gateway.name.value).get()
            let folder = work.appendingPathComponent(
                policyURL.deletingLastPathComponent().lastPathComponent + "-"
                    + policyURL.deletingPathExtension().lastPathComponent)
            try OutputFolder.write(config, secrets: secrets, to: folder.path)

            let output = try charon.swanctl(
                [
                    "--load-all", "--noprompt", "--file",
                    folder.appendingPathComponent("swanctl.conf").path,
                ])
            let problems = output.split(separator: "\n").filter { line in
                !line.hasPrefix("opening directory")
                    && (line.contains("failed") || line.contains("error")
                        || line.contains("invalid") || line.contains("ignor"))
            }
            #expect(problems.isEmpty, "\(policyURL.lastPathComponent): \(output)")
            for peer in policy.peers {
                let name = peer.name.value.replacingOccurrences(of: ".", with: "_")
                #expect(output.contains("loaded connection '\(name)'"), "\(output)")
            }
            for secret in config.secrets {
                #expect(output.contains("loaded ike secret '\(secret.name)'"), "\(output)")
            }
            for link in config.links where link.path.hasPrefix("private/") {
                #expect(output.contains("key from '\(folder.path)/\(link.path)'"), "\(output)")
            }
            let listed = try charon.swanctl(["--list-conns"])
            for peer in policy.peers {
                let name = peer.name.value.replacingOccurrences(of: ".", with: "_")
                #expect(listed.contains("\(name): IKEv"), "\(listed)")
            }
            loadedAny = true
        }
        #expect(loadedAny)
    }
}

/// One charon-systemd in a network namespace of its own, with a private strongswan.conf,
/// vici socket and log. `stop()` ends the daemon and removes the namespace.
final class CharonInstance {
    let folder: URL
    let namespace: String
    let socket: String
    private let process = Process()

    init(folder: URL) throws {
        self.folder = folder
        namespace = "ikec-export-\(getpid())"
        socket = folder.appendingPathComponent("charon.vici").path
        let configuration = folder.appendingPathComponent("strongswan.conf")
        try """
        charon-systemd {
          load_modular = no
          load = random nonce openssl kdf pem x509 pubkey pkcs1 pkcs8 socket-default vici \
        kernel-libipsec kernel-netlink
          plugins {
            vici { socket = unix://\(socket) }
          }
          journal { default = -1 }
          filelog { log { path = \(folder.path)/charon.log
            default = 1
            cfg = 2 } }
        }
        # swanctl reads keys and certificates itself: only plugins that Debian's
        # strongswan packages above install, so that its output holds no load failures of
        # optional plugins (libstrongswan-extra-plugins) this machine may lack.
        swanctl {
          load = random nonce openssl pem pkcs1 pkcs8 x509 pubkey
        }

        """.write(to: configuration, atomically: true, encoding: .utf8)

        _ = try Self.run("/usr/sbin/ip", ["netns", "add", namespace])
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [
            "300", "/usr/sbin/ip", "netns", "exec", namespace, "/usr/sbin/charon-systemd",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["STRONGSWAN_CONF"] = configuration.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            _ = try? Self.run("/usr/sbin/ip", ["netns", "del", namespace])
            throw error
        }

        // Wait for the vici socket (charon-systemd starts in well under a second).
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) {
            usleep(100_000)
        }
        if !FileManager.default.fileExists(atPath: socket) {
            stop()
            let log =
                (try? String(
                    contentsOf: folder.appendingPathComponent("charon.log"), encoding: .utf8)) ?? ""
            throw CharonError(message: "charon-systemd did not open its vici socket: \(log)")
        }
    }

    /// `swanctl ARGS --uri unix://SOCKET` with the private strongswan.conf, standard
    /// output and error together.
    func swanctl(_ arguments: [String]) throws -> String {
        try Self.run(
            "/usr/sbin/swanctl", arguments + ["--uri", "unix://" + socket],
            environment: ["STRONGSWAN_CONF": folder.appendingPathComponent("strongswan.conf").path])
    }

    /// Ends the daemon (by the process ids inside our own namespace: `timeout` may have
    /// inherited a blocked SIGTERM from the test thread) and removes the namespace.
    func stop() {
        for signal in [SIGTERM, SIGKILL] where process.isRunning {
            let pids = (try? Self.run("/usr/sbin/ip", ["netns", "pids", namespace])) ?? ""
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) {
                kill(pid, signal)
            }
            for _ in 0..<50 where process.isRunning { usleep(100_000) }
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        _ = try? Self.run("/usr/sbin/ip", ["netns", "del", namespace])
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:])
        throws -> String
    {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: tool)
        child.arguments = arguments
        if !environment.isEmpty {
            child.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let pipe = Pipe()
        child.standardOutput = pipe
        child.standardError = pipe
        try child.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// charon could not be started.
struct CharonError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
