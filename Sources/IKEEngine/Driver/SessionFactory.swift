import IKECore

/// Makes the session of the configured IKE version.
public enum SessionFactory {
    /// A session for `configuration` in `role`, drawing randomness from `random`.
    /// `invalidConfiguration` when the configuration cannot be used.
    public static func makeSession(
        configuration: IKEPeerConfiguration, role: IKERole, random: RandomSource
    ) throws(NegotiationFailure) -> any IKESession {
        switch configuration.version {
        case .v2:
            return try IKEv2Session(configuration: configuration, role: role, random: random)
        case .v1:
            return try IKEv1Session(configuration: configuration, role: role, random: random)
        }
    }
}
