import IKECore
import IKEEngine
import IKEPolicy

extension ConfigurationTranslator {
    /// The configuration of one peer entry of one policy between two given addresses:
    /// what `ikec probe` and `ikec respond` negotiate with a real gateway, where no second
    /// policy exists to pair with. The translation is the paired one's; how well the
    /// entry names the other end plays no part in it, so the end is made with the weakest
    /// match.
    public static func configuration(
        of peer: Peer, in policy: CheckedPolicy, endpoints: EndpointPair, validationTime: Double
    ) throws(PlanError) -> IKEPeerConfiguration {
        let end = PairedPolicies.End(policy: policy, peer: peer, match: .address)
        let profile = ProfileBuilder.profile(of: peer, in: policy, endpoints: endpoints)
        return try configuration(
            for: end, profile: profile, endpoints: endpoints, validationTime: validationTime)
    }
}
