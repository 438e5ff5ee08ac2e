import IKECore
import IKEEngine
import IKEPolicy

/// Translates one end of a pair into the engine's configuration (DESIGN.md: the engine
/// never sees YAML). Secrets are resolved and key files read here; every problem is a
/// diagnostic with the span of the setting, thrown together as `translationFailed`.
public enum ConfigurationTranslator {
    /// The configuration of `end` of a pair, from its profile (addresses already
    /// resolved), validating certificates at `validationTime` (seconds since 1970).
    public static func configuration(
        for end: PairedPolicies.End, profile: EndProfile, endpoints: EndpointPair,
        validationTime: Double
    ) throws(PlanError) -> IKEPeerConfiguration {
        var loader = CredentialLoader()
        let auth = AuthenticationTranslation(policy: end.policy, peer: end.peer).translate(
            &loader)
        guard let (local, remote) = auth, loader.diagnostics.isEmpty else {
            throw PlanError(.translationFailed, diagnostics: loader.diagnostics)
        }

        let phase1 = profile.phase1
        return IKEPeerConfiguration(
            version: profile.version, local: Endpoint(address: endpoints.local),
            remote: Endpoint(address: endpoints.remote), localIdentity: profile.localIdentity,
            remoteIdentity: profile.auth.remote == .null ? nil : profile.remoteIdentity,
            ikeProposals: phase1.proposals.coreProposals,
            proposalPreference: phase1.order == .ours ? .local : .peer,
            localAuthentication: local, remoteAuthentication: remote,
            ikeLifetime: IKELifetime(
                seconds: UInt64(phase1.lifetimeSeconds), kilobytes: phase1.lifetimeKilobytes),
            children: profile.children.map(child),
            ikev1: IKEv1Options(
                mode: phase1.mode == .main ? .main : .aggressive,
                lifetimePolicy: lifetimePolicy(phase1.lifetimeCheck)),
            validationTime: validationTime)
    }

    /// A phase 2 entry as a Child SA configuration.
    static func child(_ child: ChildProfile) -> ChildConfiguration {
        ChildConfiguration(
            name: child.name, protocolID: child.ipsecProtocol.securityProtocol,
            mode: child.mode == .transport ? .transport : .tunnel,
            localSelectors: child.localSelectors, remoteSelectors: child.remoteSelectors,
            proposals: child.proposals.coreProposals,
            lifetime: ChildLifetime(
                seconds: UInt64(child.lifetimeSeconds), bytes: child.lifetimeBytes,
                packets: child.lifetimePackets))
    }

    private static func lifetimePolicy(_ check: LifetimeCheck) -> IKEv1Options.LifetimePolicy {
        switch check {
        case .accept: return .accept
        case .notify: return .notify
        case .reject: return .reject
        }
    }
}
