import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 1.2 and 2.15: the responder checks the initiator's identity and AUTH
// payload, then answers SK{IDr, [CERT,] AUTH, SA, TSi, TSr}. A failed authentication is
// answered with AUTHENTICATION_FAILED alone and ends the negotiation (section 2.21.2); a
// Child SA that cannot be granted is answered with its error notification in place of
// SA, TSi and TSr, and the IKE SA still comes up.

extension IKEv2Session {
    /// Answers the IKE_AUTH request.
    func respondToAuth(_ message: IKEv2Message, datagram: Datagram, context: AuthenticationContext)
        -> [SessionAction]
    {
        track(datagram)
        let inner: [IKEv2Payload]
        switch openProtected(message, datagram: datagram, on: context.sa) {
        case .payloads(let payloads): inner = payloads
        case .dropped(let discarded): return [.discarded(discarded)]
        }

        var initiatorID: IKEv2IdentificationPayload?
        var requestedID: IKEv2IdentificationPayload?
        var auth: IKEv2AuthenticationPayload?
        var certificates: [IKEv2CertificatePayload] = []
        for payload in inner {
            switch payload {
            case .identificationInitiator(let id): initiatorID = id
            case .identificationResponder(let id): requestedID = id
            case .authentication(let value): auth = value
            case .certificate(let certificate): certificates.append(certificate)
            default: break
            }
        }
        guard let initiatorID, let auth else {
            return refuseAuthRequest(
                context, notify: .invalidSyntax, code: .invalidSyntax,
                reason: "IKE_AUTH request lacks IDi or AUTH")
        }

        // Identities first, then the method and the AUTH data.
        let keys = context.sa.keyMaterial
        let remoteAuthentication: AuthenticationSummary
        do {
            if let expected = configuration.remoteIdentity,
                !IdentityTask.matches(initiatorID.identification, expected: expected)
            {
                throw AuthenticationRefusal(
                    code: .identityMismatch,
                    reason: "peer identity \(IdentityTask.describe(initiatorID.identification)) "
                        + "is not the expected '\(expected)'"
                        + IdentityTask.reversedOrderNote(
                            initiatorID.identification, expected: expected))
            }
            if let requestedID, let ours = configuration.localIdentity,
                !IdentityTask.matches(requestedID.identification, expected: ours)
            {
                throw AuthenticationRefusal(
                    code: .identityMismatch,
                    reason: "peer asked for identity "
                        + "\(IdentityTask.describe(requestedID.identification)), we are '\(ours)'"
                        + IdentityTask.reversedOrderNote(requestedID.identification, expected: ours)
                )
            }
            let signed = try AuthenticationTask.signedOctets(
                realMessage: context.message1, peerNonce: context.responderNonce,
                prf: keys.prf, authKey: keys.keys.skPi, idBody: initiatorID.bodyOctets)
            remoteAuthentication = try PeerAuthenticationTask.verify(
                PeerAuthenticationTask.Presented(
                    auth: auth, certificates: certificates,
                    identification: initiatorID.identification),
                expected: configuration.remoteAuthentication, signedOctets: signed,
                prf: keys.prf, peerAuthKey: keys.keys.skPi,
                validationTime: configuration.validationTime)
        } catch let refusal as AuthenticationRefusal {
            return refuseAuthRequest(
                context, notify: .authenticationFailed, code: refusal.code, reason: refusal.reason)
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeAuth))]
        }

        do {
            return try completeAuthResponse(
                inner: inner, initiatorID: initiatorID, context: context,
                remoteAuthentication: remoteAuthentication)
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeAuth))]
        }
    }

    /// Answers with one error notification and ends the session.
    private func refuseAuthRequest(
        _ context: AuthenticationContext, notify: IKEv2NotifyType,
        code: NegotiationFailure.Code, reason: String
    ) -> [SessionAction] {
        var actions: [SessionAction] = []
        if let (action, _) = try? sendProtected(
            on: context.sa, exchange: .ikeAuth, messageID: 1, response: true,
            inner: [.notify(IKEv2NotifyPayload(type: notify))])
        {
            actions.append(action)
        }
        actions.append(
            close(
                failure(
                    code, phase: .ikeSA, exchange: .ikeAuth, notify: notify, refusedBy: .responder,
                    reason: reason)))
        return actions
    }

    private func completeAuthResponse(
        inner: [IKEv2Payload], initiatorID: IKEv2IdentificationPayload,
        context: AuthenticationContext, remoteAuthentication: AuthenticationSummary
    ) throws -> [SessionAction] {
        let keys = context.sa.keyMaterial

        // Our identity and AUTH payload.
        let identification = try IdentityTask.identification(configuration.localIdentity)
        let idPayload = IKEv2IdentificationPayload(identification)
        let signed = try AuthenticationTask.signedOctets(
            realMessage: context.message2, peerNonce: context.initiatorNonce, prf: keys.prf,
            authKey: keys.keys.skPr, idBody: idPayload.bodyOctets)
        let ours = try AuthenticationTask.authenticate(
            with: configuration.localAuthentication, signedOctets: signed, prf: keys.prf,
            ourAuthKey: keys.keys.skPr, peerHashes: context.peerHashes)
        var response: [IKEv2Payload] = [.identificationResponder(idPayload)]
        response.append(contentsOf: ours.certificates)
        response.append(.authentication(ours.auth))

        // The Child SA, if one was asked for.
        var childActions: [SessionAction] = []
        var children: [ChildSA] = []
        if let offer = ChildOffer(inner) {
            switch decideChild(offer, exchange: .ikeAuth, rekeying: nil, ignoringGroups: true) {
            case .granted(let child, let choice, let local, let remote, let mode):
                let spi = ChildSATask.newSPI(random)
                let peerSPI = UInt32(truncatingIfNeeded: bigEndianValue(choice.peerSPI))
                let installed = try ChildSATask.makeChildSA(
                    configuration: child, proposal: choice.proposal, inboundSPI: spi,
                    outboundSPI: peerSPI, localSelectors: local, remoteSelectors: remote,
                    mode: mode, keyMaterial: keys, sharedSecret: nil,
                    initiatorNonce: context.initiatorNonce,
                    responderNonce: context.responderNonce, exchangeRole: .responder,
                    udpEncapsulation: usesUDPEncapsulation, generation: 0)
                response.append(
                    contentsOf: grantPayloads(
                        choice: choice, spi: spi, local: local, remote: remote, mode: mode))
                children.append(installed)
                childActions.append(.childSAEstablished(installed))
            case .refused(let notify, let failure):
                response.append(.notify(IKEv2NotifyPayload(type: notify)))
                childActions.append(.failed(failure))
            }
        }

        var sa = context.sa
        let (send, octets) = try sendProtected(
            on: sa, exchange: .ikeAuth, messageID: 1, response: true, inner: response)
        sa.expectedRequestID = 2
        sa.lastResponse = (1, octets)

        let remoteIdentity = try? IdentityTask.identity(of: initiatorID.identification).get()
        let summary = makeSummary(
            sa: sa, localAuthentication: ours.summary,
            remoteAuthentication: remoteAuthentication, remoteIdentity: remoteIdentity ?? nil)
        state = .established(
            Established(
                sa: sa, retiring: nil, summary: summary, children: children,
                replacedChildren: [], pending: nil, queue: []))
        return [send, .ikeSAEstablished(summary)] + childActions
    }
}
