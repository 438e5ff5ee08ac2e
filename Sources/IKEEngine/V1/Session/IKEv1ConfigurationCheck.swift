import IKECore
import IKEWire

/// A configuration an IKEv1 session cannot use, in words.
struct IKEv1ConfigurationProblem: Error {
    /// The problem.
    let text: String
}

/// The checks a configuration must pass before an IKEv1 session uses it. The policy
/// checker catches these in a policy; this guards the engine's own API.
enum IKEv1ConfigurationCheck {
    /// Our authentication method, or the first problem.
    static func check(_ configuration: IKEPeerConfiguration)
        -> Result<IKEv1AuthMethod, IKEv1ConfigurationProblem>
    {
        func problem(_ text: String) -> Result<IKEv1AuthMethod, IKEv1ConfigurationProblem> {
            .failure(IKEv1ConfigurationProblem(text: text))
        }
        guard configuration.version == .v1 else {
            return problem("an IKEv2 configuration was given")
        }
        guard configuration.localIdentity != nil else {
            return problem("IKEv1 needs a local identity (ID_NULL exists only in IKEv2)")
        }
        guard !configuration.ikeProposals.isEmpty else {
            return problem("no IKE proposal is configured")
        }
        for proposal in configuration.ikeProposals {
            if let text = ikeProposalProblem(proposal) { return problem(text) }
        }
        let transforms = IKEv1Phase1Proposals.transforms(
            configuration.ikeProposals, method: .preSharedKey, lifetime: IKELifetime())
        guard transforms.count <= 255 else {
            return problem("the IKE proposals expand to \(transforms.count) transforms, over 255")
        }
        guard let method = IKEv1Authentication.method(for: configuration.localAuthentication)
        else { return problem("our credential has no IKEv1 authentication method") }
        if let text = authenticationProblem(configuration, method: method) { return problem(text) }
        for child in configuration.children {
            if let text = childProblem(child, configuration: configuration) {
                return problem(text)
            }
        }
        return .success(method)
    }

    private static func ikeProposalProblem(_ proposal: Proposal) -> String? {
        let text = proposal.keywordString
        guard proposal.protocolID == .ike else { return "IKE proposal '\(text)' is not for IKE" }
        guard !proposal.encryption.isEmpty, !proposal.dhGroups.isEmpty,
            !IKEv1Phase1Proposals.hashes(of: proposal).isEmpty
        else { return "IKE proposal '\(text)' lacks a cipher, a hash or a DH group" }
        for cipher in proposal.encryption {
            let info = cipher.algorithm.info
            guard IKEv1Values.phase1Encryption(cipher.algorithm) != nil, !info.isAEAD,
                info.blockSize > 1, info.implemented
            else {
                return "IKE proposal '\(text)' uses '\(cipher)', which IKEv1 phase 1 cannot use"
            }
        }
        if let group = proposal.dhGroups.first(where: { !$0.info.implemented }) {
            return "IKE proposal '\(text)' uses '\(Transform.dhGroup(group))', which ikec does "
                + "not implement"
        }
        return nil
    }

    private static func authenticationProblem(
        _ configuration: IKEPeerConfiguration, method: IKEv1AuthMethod
    ) -> String? {
        guard let ours = IKEv1Authentication.family(of: method),
            let theirs = IKEv1Authentication.family(of: configuration.remoteAuthentication)
        else { return "NULL authentication exists only in IKEv2" }
        guard ours == theirs else {
            return "IKEv1 negotiates one authentication method for both peers: ours is "
                + "\(IKEv1Authentication.methodName(method)), the peer's differs"
        }
        switch (configuration.localAuthentication, configuration.remoteAuthentication) {
        case (.certificate(_, let chain, _), _) where chain.isEmpty:
            return "certificate authentication needs our certificate"
        case (.rsaEncryption(let key, _), .rsaEncryption(let peerKey, _)):
            guard key.algorithm == .rsa, peerKey.algorithm == .rsa else {
                return "RSA encryption authentication needs RSA keys on both sides"
            }
        default:
            break
        }
        return nil
    }

    private static func childProblem(
        _ child: ChildConfiguration, configuration: IKEPeerConfiguration
    ) -> String? {
        guard child.protocolID != .ike else { return "Child SA '\(child.name)' is not ESP or AH" }
        guard !child.proposals.isEmpty else { return "Child SA '\(child.name)' has no proposal" }
        for proposal in child.proposals {
            let text = proposal.keywordString
            guard proposal.protocolID == child.protocolID else {
                return "Child SA '\(child.name)' proposal '\(text)' is for another protocol"
            }
            if child.protocolID == .esp && proposal.encryption.isEmpty {
                return "Child SA '\(child.name)' ESP proposal '\(text)' has no cipher"
            }
            if child.protocolID == .ah && proposal.integrity.isEmpty {
                return "Child SA '\(child.name)' AH proposal '\(text)' has no integrity"
            }
            if let unimplemented = proposal.transforms.first(where: { !$0.isImplemented }) {
                return "Child SA '\(child.name)' uses '\(unimplemented)', which ikec does not "
                    + "implement"
            }
            for cipher in proposal.encryption
            where IKEv1Values.espTransformID(cipher.algorithm) == nil {
                return "Child SA '\(child.name)' uses '\(cipher)', which has no IKEv1 number"
            }
            for integrity in proposal.integrity
            where IKEv1Values.authenticationAlgorithm(integrity) == nil {
                return "Child SA '\(child.name)' uses '\(Transform.integrity(integrity))', which "
                    + "has no IKEv1 number"
            }
        }
        let expanded = IKEv1QuickModeProposals.transforms(
            child, encapsulation: .tunnel, lifetime: IKEv1Lifetime(seconds: 0, kilobytes: nil))
        guard expanded.count <= 255 else {
            return "Child SA '\(child.name)' proposals expand to \(expanded.count) transforms"
        }
        let (ours, theirs) = IKEv1QuickModeTask.proposedSelectors(
            child, local: configuration.local, remote: configuration.remote)
        guard ISAKMPIdentificationPayload(clientID: ours) != nil,
            ISAKMPIdentificationPayload(clientID: theirs) != nil
        else {
            return "Child SA '\(child.name)' has a port range IKEv1 client IDs cannot express"
        }
        return nil
    }
}
