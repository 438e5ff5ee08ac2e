import IKECore
import IKEDiagnostics
import IKEEngine
import IKEPlan
import IKEPolicy

/// A peer entry of a checked policy as the engine's configuration for a live negotiation
/// with a real gateway: IKEPlan's translation (secrets resolved, key files read), with UDP
/// encapsulation forced, since ikec carries ESP in user space, in UDP, as strongSwan's
/// kernel-libipsec does.
enum LivePeerConfiguration {
    /// The configuration of `peer` between two real addresses. A secret or key file that
    /// cannot be used is an input problem (exit status 1), reported with its place in the
    /// policy and never its contents.
    static func make(
        policy: CheckedPolicy, peer: Peer, local: IPAddress, remote: IPAddress,
        validationTime: Double
    ) throws(LiveFailure) -> IKEPeerConfiguration {
        do {
            var configuration = try ConfigurationTranslator.configuration(
                of: peer, in: policy, endpoints: EndpointPair(local: local, remote: remote),
                validationTime: validationTime)
            configuration.forceUDPEncapsulation = true
            return configuration
        } catch {
            let rendered = TextRenderer(files: [policy.source.file]).render(error.diagnostics)
            throw LiveFailure(
                message: "peer '\(peer.name.value)' cannot be negotiated:\n\(rendered)",
                status: .inputProblems)
        }
    }
}
