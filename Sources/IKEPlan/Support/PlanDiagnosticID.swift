/// The diagnostics IKEPlan emits, by stable id. `IKE-P00x` are about pairing two policies,
/// `IKE-P01x` about turning a policy into an engine configuration.
public enum PlanDiagnosticID: String, Sendable, Hashable, CaseIterable {
    /// A policy has no peer entry for the other gateway.
    case noMatchingPeer = "IKE-P001"
    /// A policy has several equally good peer entries for the other gateway.
    case ambiguousPeer = "IKE-P002"
    /// The two ends have no address family in common to talk over.
    case noCommonAddressFamily = "IKE-P003"
    /// A pre-shared key's variable is unset or its file cannot be read or decoded.
    case secretUnavailable = "IKE-P010"
    /// A private key file cannot be read or parsed.
    case privateKeyUnusable = "IKE-P011"
    /// A certificate file cannot be read or parsed.
    case certificateUnusable = "IKE-P012"
    /// The private key does not belong to the certificate or public key beside it.
    case keyCertificateMismatch = "IKE-P013"
    /// A public key file cannot be read or parsed.
    case publicKeyUnusable = "IKE-P014"
    /// The key cannot make the signatures the method names (an RSA key for `ecdsa`).
    case keyMethodMismatch = "IKE-P015"
    /// A trust anchor file cannot be read or parsed.
    case trustAnchorUnusable = "IKE-P016"
}
