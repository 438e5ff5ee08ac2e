import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 1.2: IKE_AUTH request SK{IDi, [CERT,] [CERTREQ,] [IDr,] AUTH, SA, TSi,
// TSr}; the first Child SA rides along, its proposals without D-H groups (its keys come
// from the IKE SA's exchange). The response authenticates the responder and grants the
// Child SA, or carries an error notification for it while the IKE SA still comes up
// (section 2.21.2); an authentication failure of ours is sent as an INFORMATIONAL
// AUTHENTICATION_FAILED before the SA is dropped.

extension IKEv2Session {
    /// Builds and sends the IKE_AUTH request.
    func sendAuthRequest(_ context: AuthenticationContext) -> [SessionAction] {
        do {
            let keys = context.sa.keyMaterial
            let identification = try IdentityTask.identification(configuration.localIdentity)
            let idPayload = IKEv2IdentificationPayload(identification)
            let signed = try AuthenticationTask.signedOctets(
                realMessage: context.message1, peerNonce: context.responderNonce,
                prf: keys.prf, authKey: keys.keys.skPi, idBody: idPayload.bodyOctets)
            let ours = try AuthenticationTask.authenticate(
                with: configuration.localAuthentication, signedOctets: signed, prf: keys.prf,
                ourAuthKey: keys.keys.skPi, peerHashes: context.peerHashes)

            var inner: [IKEv2Payload] = [.identificationInitiator(idPayload)]
            inner.append(contentsOf: ours.certificates)
            if let request = try certificateRequest() { inner.append(request) }
            if configuration.ikev2.sendInitialContact {
                inner.append(.notify(IKEv2NotifyPayload(type: .initialContact)))
            }
            if let expected = configuration.remoteIdentity {
                let responderID = try IdentityTask.identification(expected)
                inner.append(.identificationResponder(IKEv2IdentificationPayload(responderID)))
            }
            inner.append(.authentication(ours.auth))

            var child: ChildRequest?
            if let first = configuration.children.first {
                let (local, remote) = ChildSATask.selectors(
                    first, local: configuration.local, remote: configuration.remote)
                let request = ChildRequest(
                    configuration: first, spi: ChildSATask.newSPI(random),
                    proposals: ProposalSelection.withoutGroups(first.proposals),
                    initiatorSelectors: local, responderSelectors: remote)
                inner.append(contentsOf: ChildSATask.requestPayloads(request))
                child = request
            }

            let (action, _) = try sendProtected(
                on: context.sa, exchange: .ikeAuth, messageID: 1, response: false, inner: inner)
            state = .initiatorAuthSent(
                InitiatorAuthSent(
                    context: context, child: child, localAuthentication: ours.summary))
            return [action]
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeAuth))]
        }
    }

    /// Handles the IKE_AUTH response.
    func handleAuthResponse(_ message: IKEv2Message, datagram: Datagram, sent: InitiatorAuthSent)
        -> [SessionAction]
    {
        let context = sent.context
        let inner: [IKEv2Payload]
        switch openProtected(message, datagram: datagram, on: context.sa) {
        case .payloads(let payloads): inner = payloads
        case .dropped(let discarded): return [.discarded(discarded)]
        }

        var responderID: IKEv2IdentificationPayload?
        var auth: IKEv2AuthenticationPayload?
        var certificates: [IKEv2CertificatePayload] = []
        for payload in inner {
            switch payload {
            case .identificationResponder(let id): responderID = id
            case .authentication(let value): auth = value
            case .certificate(let certificate): certificates.append(certificate)
            default: break
            }
        }

        // The responder refused us (section 2.21.2): no AUTH, an error notification.
        guard let responderID, let auth else {
            let notify = Self.errorNotify(in: inner)
            let code = notify.map { Self.code(for: $0.type) } ?? .invalidSyntax
            let reason =
                notify.map { "responder answered \($0.type) to our IKE_AUTH request" }
                ?? "IKE_AUTH response lacks IDr or AUTH"
            return [
                close(
                    failure(
                        code, phase: .ikeSA, exchange: .ikeAuth, notify: notify?.type,
                        refusedBy: .responder, reason: reason))
            ]
        }

        // Check the responder's identity and AUTH payload.
        let keys = context.sa.keyMaterial
        let remoteAuthentication: AuthenticationSummary
        do {
            if let expected = configuration.remoteIdentity,
                !IdentityTask.matches(responderID.identification, expected: expected)
            {
                throw AuthenticationRefusal(
                    code: .identityMismatch,
                    reason: "peer identity \(IdentityTask.describe(responderID.identification)) "
                        + "is not the expected '\(expected)'"
                        + IdentityTask.reversedOrderNote(
                            responderID.identification, expected: expected))
            }
            let signed = try AuthenticationTask.signedOctets(
                realMessage: context.message2, peerNonce: context.initiatorNonce,
                prf: keys.prf, authKey: keys.keys.skPr, idBody: responderID.bodyOctets)
            remoteAuthentication = try PeerAuthenticationTask.verify(
                PeerAuthenticationTask.Presented(
                    auth: auth, certificates: certificates,
                    identification: responderID.identification),
                expected: configuration.remoteAuthentication, signedOctets: signed,
                prf: keys.prf, peerAuthKey: keys.keys.skPr,
                validationTime: configuration.validationTime)
        } catch let refusal as AuthenticationRefusal {
            return refuseResponderAuthentication(refusal, context: context)
        } catch {
            return [close(cryptoFailure(error, exchange: .ikeAuth))]
        }

        // The IKE SA is up.
        var sa = context.sa
        sa.nextRequestID = 2
        let remoteIdentity = try? IdentityTask.identity(of: responderID.identification).get()
        let summary = makeSummary(
            sa: sa, localAuthentication: sent.localAuthentication,
            remoteAuthentication: remoteAuthentication, remoteIdentity: remoteIdentity ?? nil)
        var established = Established(
            sa: sa, retiring: nil, summary: summary, children: [], replacedChildren: [],
            pending: nil, queue: [])
        var actions: [SessionAction] = [.ikeSAEstablished(summary)]

        // The first Child SA, granted or refused.
        if let request = sent.child {
            actions.append(
                contentsOf: acceptFirstChild(
                    request, inner: inner, context: context, established: &established))
        }
        for child in configuration.children.dropFirst() {
            established.queue.append(.createChild(child))
        }
        state = .established(established)
        actions.append(contentsOf: runQueue())
        return actions
    }

    /// The responder authenticated badly: tell it (section 2.21.2) and fail.
    private func refuseResponderAuthentication(
        _ refusal: AuthenticationRefusal, context: AuthenticationContext
    ) -> [SessionAction] {
        var actions: [SessionAction] = []
        let notice: [IKEv2Payload] = [.notify(IKEv2NotifyPayload(type: .authenticationFailed))]
        if let (action, _) = try? sendProtected(
            on: context.sa, exchange: .informational, messageID: 2, response: false,
            inner: notice)
        {
            actions.append(action)
        }
        actions.append(
            close(
                failure(
                    refusal.code, phase: .ikeSA, exchange: .ikeAuth, notify: .authenticationFailed,
                    refusedBy: .initiator, reason: refusal.reason)))
        return actions
    }

    /// Processes the Child SA part of the IKE_AUTH response.
    private func acceptFirstChild(
        _ request: ChildRequest, inner: [IKEv2Payload], context: AuthenticationContext,
        established: inout Established
    ) -> [SessionAction] {
        let outcome = acceptChildAnswer(
            request, inner: inner, exchange: .ikeAuth, phase: .childSA(request.configuration.name),
            keyMaterial: context.sa.keyMaterial, sharedSecret: nil,
            initiatorNonce: context.initiatorNonce, responderNonce: context.responderNonce,
            generation: 0)
        switch outcome {
        case .established(let child):
            established.children.append(child)
            return [.childSAEstablished(child)]
        case .refused(let failure):
            return [.failed(failure)]
        case .unacceptable(let child, let failure):
            // We cannot use what the responder granted: delete it at once.
            established.replacedChildren.append(child)
            established.queue.append(.deleteReplacedChild(child))
            return [.failed(failure)]
        }
    }

    /// The summary of an established IKE SA.
    func makeSummary(
        sa: SecurityAssociationContext, localAuthentication: AuthenticationSummary,
        remoteAuthentication: AuthenticationSummary, remoteIdentity: Identity?
    ) -> IKESASummary {
        IKESASummary(
            version: .v2, role: sa.weAreInitiator ? .initiator : .responder,
            initiatorSPI: sa.initiatorSPI, responderSPI: sa.responderSPI,
            selectedProposal: sa.keyMaterial.proposal,
            localIdentity: configuration.localIdentity, remoteIdentity: remoteIdentity,
            localAuthentication: localAuthentication, remoteAuthentication: remoteAuthentication,
            keys: .v2(sa.keyMaterial.keys), usesUDPEncapsulation: usesUDPEncapsulation,
            lifetimeSeconds: configuration.ikeLifetime.seconds, generation: sa.generation)
    }
}
