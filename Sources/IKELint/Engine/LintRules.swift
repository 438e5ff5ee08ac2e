import IKEDiagnostics

/// The lint rule catalog.
public enum LintRules {
    /// Every rule, in id order. A new rule is a type in `Rules/` added here.
    static let all: [any LintRule] = [
        WeakIKEEncryptionRule(),
        WeakIKEIntegrityRule(),
        WeakPRFRule(),
        WeakDHGroupRule(),
        WeakESPEncryptionRule(),
        WeakIPsecIntegrityRule(),
        WeakPFSGroupRule(),
        ESPNullEncryptionRule(),
        IKEv1InUseRule(),
        AggressiveModePSKRule(),
        LiteralPSKRule(),
        ShortPSKRule(),
        LowEntropyPSKRule(),
        SecretFileReadableRule(),
        PSKEnvironmentUnsetRule(),
        NoPFSRule(),
        PFSWeakerThanPhase1Rule(),
        UnbalancedStrengthRule(),
        Phase2OutlivesPhase1Rule(),
        UnusualIKELifetimeRule(),
        UnusualIPsecLifetimeRule(),
        ShadowedProposalRule(),
        DuplicateProposalRule(),
        InvalidKERoundTripRule(),
        AHAcrossNATRule(),
        TransportModeSubnetsRule(),
        OverlappingSelectorsRule(),
        PeerWithoutIdentityRule(),
        CertificateIdentityMismatchRule(),
        CertificateExpiryRule(),
        WeakCertificateKeyRule(),
        SHA1SignatureHashRule(),
        UnusedProposalSetRule(),
        WildcardPeerPSKRule(),
        NoCommonProposalRule(),
        UnknownRuleRule(),
        UnusedSuppressionRule(),
        AmbiguousPairingRule(),
    ]

    /// Every rule's descriptor, in id order.
    public static let catalog: [RuleDescriptor] = all.map(\.descriptor)

    /// The descriptor of a rule by id (`IKE-L004`) or name (`weak-dh-group`).
    public static func descriptor(for reference: String) -> RuleDescriptor? {
        catalog.first { $0.id == reference || $0.name == reference }
    }
}
