import Foundation

/// The `ikec` executable `swift build` made beside this test bundle, run as a user runs
/// it: `compile` for the daemons' configurations, `probe` and `respond` inside ikec's
/// namespace.
enum IkecBinary {
    /// The path of `ikec` in the build folder of this test run.
    static func path() throws -> String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // The test bundle may sit in a nested folder of the build products.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("ikec").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw InteropSetupError(
            "the ikec executable is not in the build folder of \(executable.path): run "
                + "'swift build' (swift test builds it too)")
    }

    /// `ikec compile --target TARGET -o FOLDER POLICY`; throws with the diagnostics when it
    /// fails.
    static func compile(_ target: String, policy: String, into folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        let result = try Command.run([
            try path(), "compile", "--target", target, "-o", folder, policy,
        ])
        guard result.status == 0 else {
            throw InteropSetupError("ikec compile failed:\n\(result.transcript)")
        }
    }

    /// The arguments running `ikec` with `arguments` inside `namespace`.
    static func inNamespace(_ namespace: String, _ arguments: [String]) throws -> [String] {
        NamespacePair.exec(namespace, [try path()] + arguments)
    }
}

/// The JSON report of `ikec probe` or `ikec respond --format json`, read loosely: the
/// tests check the fields a user would look at.
struct LiveReportJSON {
    let root: [String: Any]

    init(_ result: CommandResult) throws {
        guard let data = result.stdout.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw InteropSetupError("ikec did not print a JSON report:\n\(result.transcript)")
        }
        root = object
    }

    var result: String? { root["result"] as? String }
    var negotiations: [[String: Any]] { root["negotiations"] as? [[String: Any]] ?? [] }
    var first: [String: Any] { negotiations.first ?? [:] }

    /// The selected IKE proposal of the first negotiation, as keywords.
    var ikeProposal: String? { (first["ikeSA"] as? [String: Any])?["proposal"] as? String }
    var ikeSA: [String: Any]? { first["ikeSA"] as? [String: Any] }
    var childSAs: [[String: Any]] { first["childSAs"] as? [[String: Any]] ?? [] }
    var failures: [[String: Any]] { first["failures"] as? [[String: Any]] ?? [] }

    /// A Child SA of the first negotiation by name.
    func child(_ name: String) -> [String: Any]? {
        childSAs.first { $0["name"] as? String == name }
    }

    /// Whether the Child SA's echo came back.
    func echoReplied(_ name: String) -> Bool {
        (child(name)?["echo"] as? [String: Any])?["replied"] as? Bool == true
    }
}
