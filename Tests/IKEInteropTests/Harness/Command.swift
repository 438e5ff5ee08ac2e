import Foundation

/// What a finished program produced.
struct CommandResult {
    /// The arguments it ran with.
    let arguments: [String]
    /// The exit status (128 + signal when killed).
    let status: Int32
    /// Standard output.
    let stdout: String
    /// Standard error.
    let stderr: String

    /// Standard output and error, for failure messages.
    var transcript: String {
        "$ \(arguments.joined(separator: " "))\n(exit \(status))\n\(stdout)\(stderr)"
    }
}

/// A failure of the harness itself: a tool missing, a step that did not work. Its text
/// says what to install or do.
struct InteropSetupError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

/// Runs programs with a time limit, their output collected through files (never pipes,
/// which a chatty program could fill and block on).
enum Command {
    /// Runs `arguments` to completion, killing it after `timeout` seconds.
    @discardableResult
    static func run(_ arguments: [String], timeout: Double = 30) throws -> CommandResult {
        let process = try Background(arguments)
        return process.wait(timeout: timeout)
    }

    /// Runs `arguments` and throws with its transcript unless it exits 0.
    @discardableResult
    static func check(_ arguments: [String], timeout: Double = 30) throws -> CommandResult {
        let result = try run(arguments, timeout: timeout)
        guard result.status == 0 else {
            throw InteropSetupError("a setup step failed:\n\(result.transcript)")
        }
        return result
    }

    /// The full path of `program` on PATH, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        for folder in (path + ":/usr/sbin:/sbin").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A program running in the background in a process group of its own, its output going
/// to temporary files. Spawned and reaped with the C library directly: stopping it
/// signals the whole group (a daemon under `timeout` under `ip netns exec` included), and
/// waiting never spins a run loop.
final class Background {
    let arguments: [String]
    private let pid: pid_t
    private let stdoutPath: String
    private let stderrPath: String
    private var exitStatus: Int32?

    /// Starts `arguments` (the first is looked up on PATH).
    init(_ arguments: [String]) throws {
        guard let program = arguments.first,
            let executable = program.hasPrefix("/") ? program : Command.which(program)
        else {
            throw InteropSetupError("'\(arguments.first ?? "")' is not installed")
        }
        self.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.path
        let stem = "ikec-interop-\(getpid())-\(UUID().uuidString)"
        stdoutPath = "\(folder)/\(stem).out"
        stderrPath = "\(folder)/\(stem).err"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(
            &actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var cArguments = ([executable] + arguments.dropFirst()).map { strdup($0) }
        cArguments.append(nil)
        defer { for pointer in cArguments { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, cArguments, environ)
        guard status == 0 else {
            throw InteropSetupError("cannot start \(executable): error \(status)")
        }
        pid = child
    }

    deinit {
        if isRunning { signalGroup(SIGKILL) }
        _ = reap(blocking: true)
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
    }

    /// Whether it still runs.
    var isRunning: Bool { reap(blocking: false) == nil }

    /// Waits for it to end, signalling its group with SIGTERM after `timeout` seconds and
    /// SIGKILL three seconds later.
    func wait(timeout: Double) -> CommandResult {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { usleep(10_000) }
        if isRunning {
            signalGroup(SIGTERM)
            let grace = Date().addingTimeInterval(3)
            while isRunning && Date() < grace { usleep(10_000) }
            if isRunning { signalGroup(SIGKILL) }
        }
        let status = reap(blocking: true) ?? -1
        return CommandResult(
            arguments: arguments, status: status, stdout: Self.read(stdoutPath),
            stderr: Self.read(stderrPath))
    }

    /// Asks its group to stop (SIGTERM) and waits.
    func stop() -> CommandResult {
        if isRunning { signalGroup(SIGTERM) }
        return wait(timeout: 5)
    }

    private func signalGroup(_ signal: Int32) {
        kill(-pid, signal)
    }

    /// The exit status once it ended (128 + signal when killed), nil while it runs.
    private func reap(blocking: Bool) -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        guard result == pid else { return result < 0 ? -1 : nil }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros; their bit layout is Linux's.
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return exitStatus
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
