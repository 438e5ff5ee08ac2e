import Foundation
import Testing

/// The charon suite's world: one namespace pair and one charon for every case, each case
/// loading its own compiled configuration. Made once per suite by `CharonScope` and torn
/// down whatever happens.
final class CharonEnvironment: @unchecked Sendable {
    let namespaces: NamespacePair
    let charon: CharonDaemon
    let work: String

    init() throws {
        NamespacePair.removeStale()
        try Prerequisites.check()
        work =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "ikec-interop-\(getpid())-\(UUID().uuidString.prefix(8))"
            ).path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        namespaces = try NamespacePair()
        charon = try CharonDaemon(namespace: namespaces.peer, folder: "\(work)/charon")
    }

    func tearDown() {
        charon.stop()
        namespaces.remove()
        try? FileManager.default.removeItem(atPath: work)
    }

    /// What one run of a case left: ikec's exit status and report, charon's log of the
    /// case, and tshark's reading of ikec's capture with ikec's keys.
    struct CaseRun {
        let ikec: CommandResult
        let report: LiveReportJSON
        let log: CharonLog
        let capture: TsharkDecode
    }

    /// Compiles and loads the daemon's side of `testCase`, clears old SAs, and returns
    /// the folder for this run's files and the log mark.
    private func prepare(_ testCase: InteropCase, role: String) throws -> (String, UInt64) {
        let folder = "\(work)/\(testCase.name)-\(role)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try IkecBinary.compile("swanctl", policy: testCase.peerPolicy, into: "\(folder)/swanctl")
        try charon.terminateAll()
        try charon.load("\(folder)/swanctl")
        return (folder, charon.logMark)
    }

    /// `ikec probe` against charon.
    func probe(_ testCase: InteropCase) throws -> CaseRun {
        let (folder, mark) = try prepare(testCase, role: "probe")
        let result = try Command.run(
            try IkecBinary.inNamespace(
                namespaces.ikec,
                [
                    "probe", testCase.ikecPolicy, "--peer", "peer", "--format", "json",
                    "--timeout", "20", "--pcap", "\(folder)/ikec.pcap", "--keys",
                    "\(folder)/keys",
                ]), timeout: 40)
        return try finish(result, folder: folder, mark: mark)
    }

    /// charon initiates each Child SA with swanctl; `ikec respond` answers.
    func respond(_ testCase: InteropCase) throws -> CaseRun {
        let (folder, mark) = try prepare(testCase, role: "respond")
        let responder = try Background(
            try IkecBinary.inNamespace(
                namespaces.ikec,
                [
                    "respond", testCase.ikecPolicy, "--listen", NamespacePair.ikecAddress,
                    "--format", "json", "--timeout", "25", "--pcap", "\(folder)/ikec.pcap",
                    "--keys", "\(folder)/keys",
                ]))
        try waitForListener(responder)
        var initiations: [CommandResult] = []
        for child in testCase.children {
            initiations.append(try charon.initiate(child: child))
            if testCase.expectedNotify != nil { break }
        }
        let result = responder.wait(timeout: 40)
        let run = try finish(result, folder: folder, mark: mark)
        if testCase.expectedNotify == nil {
            for initiation in initiations where initiation.status != 0 {
                Issue.record("swanctl --initiate failed:\n\(initiation.transcript)")
            }
        }
        return run
    }

    private func waitForListener(_ responder: Background) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, responder.isRunning {
            let sockets = try Command.run(NamespacePair.exec(namespaces.ikec, ["ss", "-Hnlu"]))
            if sockets.stdout.contains("\(NamespacePair.ikecAddress):4500") { return }
            usleep(20_000)
        }
        throw InteropSetupError("ikec respond did not listen:\n\(responder.stop().transcript)")
    }

    private func finish(_ result: CommandResult, folder: String, mark: UInt64) throws -> CaseRun {
        let report = try LiveReportJSON(result)
        let capture = try TsharkDecode(pcap: "\(folder)/ikec.pcap", keys: "\(folder)/keys")
        return CaseRun(ikec: result, report: report, log: charon.log(since: mark), capture: capture)
    }
}

/// Starts the charon environment around the whole suite and tears it down after, even
/// when tests fail; the suite's tests find it in `current`.
struct CharonScope: SuiteTrait, TestScoping {
    @TaskLocal static var current: CharonEnvironment?

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let environment = try CharonEnvironment()
        defer { environment.tearDown() }
        try await Self.$current.withValue(environment) { try await function() }
    }
}

extension Trait where Self == CharonScope {
    /// One charon in a namespace pair for the whole suite.
    static var charonInNamespaces: Self { Self() }
}
