import IKECore

/// The checks a configuration must pass before an IKEv2 session uses it. The policy
/// checker catches these in a policy; this guards the engine's own API.
enum ConfigurationCheck {
    /// The first problem, in words, or nil.
    static func problem(in configuration: IKEPeerConfiguration) -> String? {
        guard configuration.version == .v2 else { return "an IKEv1 configuration was given" }
        guard !configuration.ikeProposals.isEmpty else { return "no IKE proposal is configured" }
        for proposal in configuration.ikeProposals {
            if let problem = ikeProposalProblem(proposal) { return problem }
        }
        if let problem = authenticationProblem(configuration) { return problem }
        for child in configuration.children {
            if let problem = childProblem(child) { return problem }
        }
        return nil
    }

    private static func ikeProposalProblem(_ proposal: Proposal) -> String? {
        var text: String { proposal.keywordString }
        guard proposal.protocolID == .ike else { return "IKE proposal '\(text)' is not for IKE" }
        guard !proposal.encryption.isEmpty, !proposal.prf.isEmpty, !proposal.dhGroups.isEmpty
        else { return "IKE proposal '\(text)' lacks a cipher, a PRF or a DH group" }
        guard proposal.isAEAD || !proposal.integrity.isEmpty else {
            return "IKE proposal '\(text)' has neither an AEAD cipher nor integrity"
        }
        guard proposal.encryption.allSatisfy({ $0.algorithm != .null }) else {
            return "IKE proposal '\(text)' uses ENCR_NULL"
        }
        if let unimplemented = proposal.firstUnimplementedTransform {
            return "IKE proposal '\(text)' uses '\(unimplemented)', which ikec does not implement"
        }
        return nil
    }

    private static func authenticationProblem(_ configuration: IKEPeerConfiguration) -> String? {
        switch configuration.localAuthentication {
        case .rsaEncryption: return "RSA encryption authentication exists only in IKEv1"
        case .certificate(_, let chain, _) where chain.isEmpty:
            return "certificate authentication needs our certificate"
        case .null, .preSharedKey, .certificate, .rawPublicKey: break
        }
        if case .rsaEncryption = configuration.remoteAuthentication {
            return "RSA encryption authentication exists only in IKEv1"
        }
        if configuration.localIdentity == nil {
            guard case .null = configuration.localAuthentication else {
                return "only NULL authentication may send ID_NULL"
            }
        }
        return nil
    }

    private static func childProblem(_ child: ChildConfiguration) -> String? {
        guard child.protocolID != .ike else { return "Child SA '\(child.name)' is not ESP or AH" }
        guard !child.proposals.isEmpty else { return "Child SA '\(child.name)' has no proposal" }
        for proposal in child.proposals {
            var text: String { proposal.keywordString }
            guard proposal.protocolID == child.protocolID else {
                return "Child SA '\(child.name)' proposal '\(text)' is for another protocol"
            }
            if child.protocolID == .esp && proposal.encryption.isEmpty {
                return "Child SA '\(child.name)' ESP proposal '\(text)' has no cipher"
            }
            if child.protocolID == .ah && proposal.integrity.isEmpty {
                return "Child SA '\(child.name)' AH proposal '\(text)' has no integrity"
            }
            if let unimplemented = proposal.firstUnimplementedTransform {
                return "Child SA '\(child.name)' uses '\(unimplemented)', which ikec does not "
                    + "implement"
            }
        }
        return nil
    }
}
