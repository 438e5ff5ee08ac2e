import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a command may learn from the process: environment variables, whether standard
/// output and error are terminals, standard input, and the clock. Tests build one by hand.
public struct CLIEnvironment: Sendable {
    /// Environment variables.
    public var variables: [String: String]
    /// Whether standard output is a terminal.
    public var stdoutIsTerminal: Bool
    /// Whether standard error is a terminal.
    public var stderrIsTerminal: Bool
    /// Reads all of standard input (called at most once per run).
    public var readStandardInput: @Sendable () -> [UInt8]
    /// The current time (certificate expiry).
    public var now: Date

    /// An environment.
    public init(
        variables: [String: String] = [:], stdoutIsTerminal: Bool = false,
        stderrIsTerminal: Bool = false,
        readStandardInput: @escaping @Sendable () -> [UInt8] = { [] },
        now: Date = Date()
    ) {
        self.variables = variables
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.readStandardInput = readStandardInput
        self.now = now
    }

    /// This process's environment.
    public static func process() -> CLIEnvironment {
        CLIEnvironment(
            variables: ProcessInfo.processInfo.environment,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            readStandardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) })
    }
}
