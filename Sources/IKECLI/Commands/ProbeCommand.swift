import IKECore
import IKEEngine
import IKEPolicy

/// `ikec probe CONFIG --peer NAME`: negotiate for real with a live gateway over UDP.
public enum ProbeCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "probe", summary: "Negotiate for real with a live gateway over UDP",
        overview: """
            Initiate to the peer's address with the policy's settings for it: set up the \
            IKE SA and every phase 2 entry, send an ICMP echo request through each Child SA \
            (sealed with the outbound SA, from an address in the local selector to one in \
            the remote selector) and wait for the reply through the inbound SA, then delete \
            the SAs. ESP travels in UDP on port 4500. Traffic goes only to the peer's \
            configured address. Exit status: 0 everything worked, 1 a negotiation or echo \
            failed, 2 misuse.
            """,
        arguments: [ArgumentSpec("config", help: "The policy file, or - for standard input")],
        options: [
            OptionSpec.value("peer", placeholder: "name", help: "The peer entry to negotiate with"),
            LiveOptions.timeout(default: "30"),
        ] + LiveOptions.shared)

    /// Probes the peer and reports.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        guard let peerName = arguments.value("peer") else {
            return LiveSetupError.usage(
                UsageError(.missingValue, "'--peer <name>' is required")
            ).output(command: "probe", environment: environment)
        }
        let setup: LiveSetup
        do {
            setup = try LiveSetup.read(arguments, environment: environment)
        } catch {
            return error.output(command: "probe", environment: environment)
        }
        do {
            let peer = try LivePolicy.peer(named: peerName, in: setup.policy)
            let (local, remote) = try endpoints(setup.policy, peer)
            let configuration = try LivePeerConfiguration.make(
                policy: setup.policy, peer: peer, local: local, remote: remote,
                validationTime: environment.now.timeIntervalSince1970)
            let transport = try LiveSetup.transport(on: local)
            return setup.output(
                ProbeRun.run(configuration, peer: peerName, transport: transport, setup: setup))
        } catch {
            return LiveSetupError.failure(error).output(command: "probe", environment: environment)
        }
    }

    /// The peer's single address, and the gateway's first address of its family.
    private static func endpoints(_ policy: CheckedPolicy, _ peer: Peer) throws(LiveFailure)
        -> (IPAddress, IPAddress)
    {
        guard let remote = peer.address.value.hosts.first else {
            throw LiveFailure(
                message: "peer '\(peer.name.value)' has no single address to send to",
                status: .misuse)
        }
        guard
            let local = policy.gateway.addresses.map(\.value).first(where: {
                $0.isIPv4 == remote.isIPv4
            })
        else {
            throw LiveFailure(
                message: "the gateway has no \(remote.isIPv4 ? "IPv4" : "IPv6") address "
                    + "to reach \(remote) from", status: .misuse)
        }
        return (local, remote)
    }
}
