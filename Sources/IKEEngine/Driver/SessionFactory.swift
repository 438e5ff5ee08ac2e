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
            // The IKEv1 engine (Sources/IKEEngine/V1) is written separately and plugs in
            // here; until it does, IKEv1 configurations are refused.
            throw NegotiationFailure(
                code: .invalidConfiguration, phase: .ikeSA, exchange: "Main Mode",
                notify: nil, refusedBy: role, reportedBy: role,
                reason: "this build has no IKEv1 engine")
        }
    }
}
