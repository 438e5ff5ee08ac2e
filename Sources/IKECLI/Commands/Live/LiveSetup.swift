import IKECore
import IKEEngine
import IKEPolicy
import IKETransport

/// What both live commands read from their arguments before any datagram is sent.
struct LiveSetup {
    /// The policy file argument.
    let path: String
    /// The checked policy.
    let policy: CheckedPolicy
    /// The echo test's settings.
    let echo: EchoSettings
    /// Seconds before giving up.
    let timeout: Double
    /// `--pcap`.
    let pcapPath: String?
    /// `--keys`.
    let keysPath: String?
    /// `--format json`.
    let json: Bool

    /// Reads the shared options and loads the policy. Usage errors are thrown as they
    /// are; a policy that cannot be used as a `LiveFailure`.
    static func read(_ arguments: ParsedArguments, environment: CLIEnvironment)
        throws(LiveSetupError) -> LiveSetup
    {
        let echo: EchoSettings
        let timeout: Double
        do {
            echo = EchoSettings(
                source: try LiveOptions.address("source-address", in: arguments),
                target: try LiveOptions.address("target-address", in: arguments))
            timeout = try LiveOptions.seconds("timeout", in: arguments)
        } catch {
            throw .usage(error)
        }
        let path = arguments.positionals[0]
        let policy: CheckedPolicy
        do {
            policy = try LivePolicy.load(path, environment: environment)
        } catch {
            throw .failure(error)
        }
        return LiveSetup(
            path: path, policy: policy, echo: echo, timeout: timeout,
            pcapPath: arguments.value("pcap"), keysPath: arguments.value("keys"),
            json: arguments.value("format") == "json")
    }

    /// Binds the transport on `address`. An address that is not on this host, a port
    /// already taken or missing privileges are misuses: they are the user's setup.
    static func transport(on address: IPAddress) throws(LiveFailure) -> UDPTransport {
        do {
            return try UDPTransport(localAddress: address)
        } catch {
            let hint =
                error.code == .permissionDenied ? " (ports 500 and 4500 need root)" : ""
            throw LiveFailure(
                message: "cannot listen on \(address): \(error)\(hint)", status: .misuse)
        }
    }

    /// The report as the command's output: exit 0 only when everything worked.
    func output(_ report: LiveReport) -> CommandOutput {
        CommandOutput(
            stdout: json ? report.json() : report.text(),
            status: report.succeeded ? .success : .inputProblems)
    }
}

/// Why a live command could not start.
enum LiveSetupError: Error {
    /// A misused option: exit 2 with the usage hint.
    case usage(UsageError)
    /// Anything else, already worded.
    case failure(LiveFailure)

    /// The command's output for it.
    func output(command: String, environment: CLIEnvironment) -> CommandOutput {
        let colour = environment.stderrIsTerminal && environment.variables["NO_COLOR"] == nil
        switch self {
        case .usage(let error): return CommandOutput.usage(error, command: command, colour: colour)
        case .failure(let failure): return failure.output(command: command, colour: colour)
        }
    }
}
