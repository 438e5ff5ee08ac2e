import Foundation
import Testing

/// One suite's world: a namespace pair and one daemon in the peer's namespace for every
/// case, each case loading its own compiled configuration. Made once per suite by a
/// scope trait and torn down whatever happens.
final class InteropEnvironment: @unchecked Sendable {
    let namespaces: NamespacePair
    let daemon: any PeerDaemon
    let work: String

    /// Checks the machine, clears what a killed run left, and starts the daemon that
    /// `makeDaemon` makes in the peer's namespace.
    init(makeDaemon: (_ namespace: String, _ folder: String) throws -> any PeerDaemon) throws {
        try Prerequisites.check()
        NamespacePair.removeStale()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ikec-interop-\(getpid())-\(UUID().uuidString.prefix(8))"
        ).path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let namespaces = try NamespacePair()
        do {
            daemon = try makeDaemon(namespaces.peer, "\(work)/daemon")
        } catch {
            namespaces.remove()
            try? FileManager.default.removeItem(atPath: work)
            throw error
        }
        self.namespaces = namespaces
        self.work = work
    }

    /// Stops the daemon and removes the namespaces and the work folder (kept when
    /// `IKEC_INTEROP_KEEP` is set, to read captures, keys and logs after a failure).
    func tearDown() {
        daemon.stop()
        namespaces.remove()
        if ProcessInfo.processInfo.environment["IKEC_INTEROP_KEEP"] == nil {
            try? FileManager.default.removeItem(atPath: work)
        }
    }

    /// What one run of a case left: ikec's exit status and report, the daemon's log of
    /// the case, and tshark's reading of ikec's capture with ikec's keys.
    struct CaseRun {
        let ikec: CommandResult
        let report: LiveReportJSON
        let log: String
        let capture: TsharkDecode
        /// The files of the run (the capture, the key tables).
        let folder: String
    }

    /// `ikec probe` against the daemon.
    func probe(_ testCase: InteropCase, timeout: Int = 20) throws -> CaseRun {
        let (folder, mark) = try prepare(testCase, role: "probe")
        let result = try Command.run(
            try IkecBinary.inNamespace(
                namespaces.ikec,
                [
                    "probe", testCase.ikecPolicy, "--peer", "peer", "--format", "json",
                    "--timeout", "\(timeout)", "--pcap", "\(folder)/ikec.pcap", "--keys",
                    "\(folder)/keys",
                ]), timeout: Double(timeout) + 20)
        return try finish(result, folder: folder, mark: mark)
    }

    /// The daemon initiates each Child SA; `ikec respond` answers.
    func respond(_ testCase: InteropCase, timeout: Int = 25) throws -> CaseRun {
        let (folder, mark) = try prepare(testCase, role: "respond")
        let responder = try Background(
            try IkecBinary.inNamespace(
                namespaces.ikec,
                [
                    "respond", testCase.ikecPolicy, "--listen", testCase.ikecAddress,
                    "--format", "json", "--timeout", "\(timeout)", "--pcap",
                    "\(folder)/ikec.pcap", "--keys", "\(folder)/keys",
                ]))
        try waitForListener(responder, on: testCase.ikecAddress)
        let initiations = try daemon.initiate(testCase)
        let result = responder.wait(timeout: Double(timeout) + 20)
        if testCase.expectedNotify == nil, testCase.daemonInstallsChildSAs {
            for initiation in initiations where initiation.status != 0 {
                Issue.record("the daemon did not initiate:\n\(initiation.transcript)")
            }
        }
        return try finish(result, folder: folder, mark: mark)
    }

    private func prepare(_ testCase: InteropCase, role: String) throws -> (String, UInt64) {
        let folder = "\(work)/\(testCase.name)-\(role)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try daemon.load(testCase, into: folder)
        return (folder, daemon.logMark)
    }

    private func waitForListener(_ responder: Background, on address: String) throws {
        let socket = address.contains(":") ? "[\(address)]:4500" : "\(address):4500"
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, responder.isRunning {
            let sockets = try Command.run(NamespacePair.exec(namespaces.ikec, ["ss", "-Hnlu"]))
            if sockets.stdout.contains(socket) { return }
            usleep(20_000)
        }
        throw InteropSetupError("ikec respond did not listen:\n\(responder.stop().transcript)")
    }

    private func finish(_ result: CommandResult, folder: String, mark: UInt64) throws -> CaseRun {
        let report = try LiveReportJSON(result)
        let capture = try TsharkDecode(pcap: "\(folder)/ikec.pcap", keys: "\(folder)/keys")
        return CaseRun(
            ikec: result, report: report, log: daemon.log(since: mark), capture: capture,
            folder: folder)
    }
}

/// Starts an interop environment around a whole suite and tears it down after, even when
/// tests fail; the suite's tests find it in `current`.
struct DaemonScope: SuiteTrait, TestScoping {
    @TaskLocal static var current: InteropEnvironment?

    /// Which daemon the suite talks to.
    enum Daemon: Sendable {
        case charon
        case pluto
    }

    let daemon: Daemon

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let environment = try InteropEnvironment { namespace, folder in
            switch daemon {
            case .charon: return try CharonDaemon(namespace: namespace, folder: folder)
            case .pluto: return try PlutoDaemon(namespace: namespace, folder: folder)
            }
        }
        defer { environment.tearDown() }
        try await Self.$current.withValue(environment) { try await function() }
    }
}

extension Trait where Self == DaemonScope {
    /// One charon in a namespace pair for the whole suite.
    static var charonInNamespaces: Self { Self(daemon: .charon) }
    /// One pluto in a namespace pair for the whole suite.
    static var plutoInNamespaces: Self { Self(daemon: .pluto) }
}
