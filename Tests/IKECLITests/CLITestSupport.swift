import Foundation
import IKECLI
import Testing

/// Running `ikec` in-process and as the built binary.
enum CLITestSupport {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/IKECLITests/Fixtures`.
    static let fixtures = root.appendingPathComponent("Tests/IKECLITests/Fixtures")

    /// Makes the repository root the working directory (the paths in pinned outputs are
    /// relative to it; every test wants the same directory, so setting it again is
    /// harmless) and gives the example and fixture secrets the mode the examples README
    /// asks for, so that outputs do not depend on the checkout's umask.
    static func prepare() {
        let moved = FileManager.default.changeCurrentDirectoryPath(root.path)
        precondition(moved, "cannot enter the repository root \(root.path)")
        // A clean clone gives every file mode 0644; the fixtures' pairs need 0600 as much
        // as the examples do.
        for folder in [root.appendingPathComponent("examples"), fixtures] {
            let walker = FileManager.default.enumerator(atPath: folder.path)
            while let name = walker?.nextObject() as? String {
                guard name.hasSuffix(".psk") || name.hasSuffix(".key") else { continue }
                try? FileManager.default.setAttributes(
                    [.posixPermissions: 0o600],
                    ofItemAtPath: folder.appendingPathComponent(name).path)
            }
        }
    }

    /// Runs `ikec` in-process.
    static func run(
        _ arguments: [String], variables: [String: String] = [:], stdin: String = "",
        terminal: Bool = false
    ) -> CommandOutput {
        prepare()
        let input = Array(stdin.utf8)
        let environment = CLIEnvironment(
            variables: variables, stdoutIsTerminal: terminal, stderrIsTerminal: terminal,
            readStandardInput: { input })
        return CLI.run(arguments, environment: environment)
    }

    /// The built `ikec` executable, next to the test bundle.
    static var binary: URL? {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("ikec")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let debug = root.appendingPathComponent(".build/debug/ikec")
        return FileManager.default.isExecutableFile(atPath: debug.path) ? debug : nil
    }

    /// Runs the built binary in the repository root.
    static func runBinary(_ arguments: [String], variables: [String: String] = [:]) throws
        -> CommandOutput
    {
        prepare()
        let executable = try #require(binary, "build the ikec product first")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in variables { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = IKECLI.ExitStatus(rawValue: process.terminationStatus) ?? .misuse
        #expect(process.terminationReason == .exit, "ikec died of a signal")
        return CommandOutput(
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), status: status)
    }

    /// Runs a Python snippet on `input` (standard input); returns its exit status and
    /// output. A snippet that exits before reading all of its input (a missing module)
    /// fails the test through its status, not the test process through SIGPIPE.
    static func python(_ script: String, input: String) throws -> (Int32, String) {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        // A write error means the snippet stopped reading; its status and output say why.
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Compares with a golden file; `IKEC_RECORD=1` writes it and fails the test.
    static func expectGolden(
        _ actual: String, _ url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        if ProcessInfo.processInfo.environment["IKEC_RECORD"] == "1" {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(url.lastPathComponent); review it and run again",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(expected != nil, "missing golden file \(url.path)", sourceLocation: sourceLocation)
        #expect(actual == expected, "differs from \(url.path)", sourceLocation: sourceLocation)
    }
}
