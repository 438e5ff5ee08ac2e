import IKECore

/// `ikec respond CONFIG --listen ADDR`: answer real initiators with the policy.
public enum RespondCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "respond", summary: "Answer real initiators with the policy",
        overview: """
            Listen on UDP ports 500 and 4500 of the given address and answer initiators \
            whose address matches a peer entry of the policy (and its IKE version). Once a \
            Child SA is up, send an ICMP echo request through it and wait for the reply; \
            echo requests that arrive through a tunnel for our selectors are answered. After \
            --count negotiations, delete the SAs and report each negotiation. Exit status: 0 \
            every negotiation and echo worked, 1 a negotiation or echo failed or too few \
            came before --timeout, 2 misuse.
            """,
        arguments: [ArgumentSpec("config", help: "The policy file, or - for standard input")],
        options: [
            OptionSpec.value(
                "listen", placeholder: "address", help: "The local address to listen on"),
            OptionSpec.value(
                "count", placeholder: "n", default: "1",
                help: "Negotiations to answer before stopping"),
            LiveOptions.timeout(default: "60"),
        ] + LiveOptions.shared)

    /// Answers initiators and reports.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        let listen: IPAddress
        let count: Int
        do throws(UsageError) {
            guard let address = try LiveOptions.address("listen", in: arguments) else {
                throw UsageError(.missingValue, "'--listen <address>' is required")
            }
            listen = address
            count = try LiveOptions.count("count", in: arguments)
        } catch {
            return LiveSetupError.usage(error).output(command: "respond", environment: environment)
        }
        let setup: LiveSetup
        do {
            setup = try LiveSetup.read(arguments, environment: environment)
        } catch {
            return error.output(command: "respond", environment: environment)
        }
        do {
            let transport = try LiveSetup.transport(on: listen)
            return setup.output(
                RespondRun.run(
                    setup: setup, transport: transport, count: count,
                    validationTime: environment.now.timeIntervalSince1970))
        } catch {
            return LiveSetupError.failure(error).output(
                command: "respond", environment: environment)
        }
    }
}
