import IKECore
import IKEEngine

/// Compares what the two ends of a run hold: the IKE SA and each Child SA.
enum AgreementBuilder {
    /// The IKE SA as both ends hold it; nil unless both have one.
    static func ikeSA(initiator: IKESASummary?, responder: IKESASummary?) -> AgreedIKESA? {
        guard let initiator, let responder else { return nil }
        return AgreedIKESA(
            proposal: initiator.selectedProposal,
            proposalsAgree: initiator.selectedProposal == responder.selectedProposal,
            initiatorSPI: initiator.initiatorSPI, responderSPI: initiator.responderSPI,
            initiatorAuthentication: responder.remoteAuthentication,
            responderAuthentication: initiator.remoteAuthentication,
            initiatorIdentity: responder.remoteIdentity,
            responderIdentity: initiator.remoteIdentity,
            keysAgree: initiator.keys == responder.keys
                && initiator.initiatorSPI == responder.initiatorSPI
                && initiator.responderSPI == responder.responderSPI,
            fingerprint: KeyFingerprint.of(initiator.keys),
            keyNames: initiator.keys.named.map(\.name), initiatorSummary: initiator)
    }

    /// The Child SAs the initiator holds, each with the responder's SA of the same SPIs.
    static func children(initiator: [ChildSA], responder: [ChildSA]) -> [AgreedChildSA] {
        initiator.compactMap { ours in
            guard
                let theirs = responder.first(where: {
                    $0.inboundSPI == ours.outboundSPI && $0.outboundSPI == ours.inboundSPI
                })
            else { return nil }
            return child(ours, theirs)
        }
    }

    /// One Child SA from both ends' views.
    static func child(_ ours: ChildSA, _ theirs: ChildSA) -> AgreedChildSA {
        let parameters =
            ours.protocolID == theirs.protocolID && ours.mode == theirs.mode
            && ours.localSelectors == theirs.remoteSelectors
            && ours.remoteSelectors == theirs.localSelectors
            && ours.selectedProposal == theirs.selectedProposal
        let keys = ours.keys
        let mirrored =
            keys.outboundEncryptionKey == theirs.keys.inboundEncryptionKey
            && keys.outboundIntegrityKey == theirs.keys.inboundIntegrityKey
            && keys.inboundEncryptionKey == theirs.keys.outboundEncryptionKey
            && keys.inboundIntegrityKey == theirs.keys.outboundIntegrityKey
        return AgreedChildSA(
            name: ours.name, responderName: theirs.name, protocolID: ours.protocolID,
            mode: ours.mode, proposal: ours.selectedProposal,
            initiatorSelectors: ours.localSelectors, responderSelectors: ours.remoteSelectors,
            initiatorToResponderSPI: ours.outboundSPI, responderToInitiatorSPI: ours.inboundSPI,
            parametersAgree: parameters, keysMirrored: mirrored,
            initiatorToResponderFingerprint: KeyFingerprint.of(
                encryption: keys.outboundEncryptionKey, integrity: keys.outboundIntegrityKey),
            responderToInitiatorFingerprint: KeyFingerprint.of(
                encryption: keys.inboundEncryptionKey, integrity: keys.inboundIntegrityKey),
            generation: ours.generation, initiatorView: ours, responderView: theirs)
    }
}
