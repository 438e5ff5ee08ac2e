import Foundation

/// A real IKE daemon in the peer's namespace (charon or pluto): it loads a case's compiled
/// configuration, initiates on request, and writes a log the tests read.
protocol PeerDaemon: AnyObject {
    /// The daemon's log file.
    var logPath: String { get }
    /// Compiles `testCase`'s peer policy into `folder` with `ikec compile` and loads it,
    /// replacing the previous case's connections and secrets and ending its SAs.
    func load(_ testCase: InteropCase, into folder: String) throws
    /// Makes the daemon initiate every Child SA of `testCase` (stopping at the first for a
    /// mismatch); the results of its commands.
    func initiate(_ testCase: InteropCase) throws -> [CommandResult]
    /// Stops the daemon.
    func stop()
}

extension PeerDaemon {
    /// The log's size: what a case reads starts here.
    var logMark: UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: logPath))?[.size] as? UInt64) ?? 0
    }

    /// The log written since `mark`.
    func log(since mark: UInt64) -> String {
        guard let handle = FileHandle(forReadingAtPath: logPath) else { return "" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: mark)
        let data = (try? handle.readToEnd()) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until `path` exists while `process` runs; throws with its output otherwise.
    func waitFor(_ path: String, of process: Background, what: String) throws {
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: path) {
            guard Date() < deadline, process.isRunning else {
                let result = process.stop()
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                throw InteropSetupError("\(what) did not start:\n\(result.transcript)\n\(log)")
            }
            usleep(20_000)
        }
    }
}
