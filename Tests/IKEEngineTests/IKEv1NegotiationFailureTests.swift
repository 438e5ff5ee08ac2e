import IKECore
import IKECrypto
import IKEEngine
import IKEWire
import Testing

@Suite("IKEv1 negotiation failures name the notify a real peer sends")
struct IKEv1NegotiationFailureTests {
    typealias Support = IKEv1TestSupport

    static func outcome(_ pair: (IKEPeerConfiguration, IKEPeerConfiguration)) throws
        -> LoopbackExchange.Outcome
    {
        try TestSupport.loopback(pair.0, pair.1).negotiate()
    }

    @Test(arguments: [IKEv1Options.Mode.main, .aggressive])
    func noCommonProposalReportsBothLists(mode: IKEv1Options.Mode) throws {
        var pair = Support.pskPair(mode: mode)
        pair.0.ikeProposals = [TestSupport.ike("aes128-sha1-modp1024")]
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .noProposalChosen)
        #expect(refusal.notify?.name == "NO-PROPOSAL-CHOSEN")
        #expect(refusal.phase == .ikeSA)
        #expect(
            refusal.proposals?.received.map(\.keywordString) == ["aes128-prfsha1-sha1-modp1024"])
        #expect(refusal.proposals?.configured == pair.1.ikeProposals)
        let reported = try #require(outcome.failures(of: .initiator).first)
        #expect(reported.code == .noProposalChosen)
        #expect(reported.refusedBy == .responder)
        #expect(reported.notify?.isakmpType == .noProposalChosen)
    }

    @Test func aWrongPreSharedKeyGarblesMainModeMessage5() throws {
        var pair = Support.pskPair()
        pair.1.localAuthentication = .preSharedKey(SecretBytes(utf8: "another key"))
        pair.1.remoteAuthentication = .preSharedKey(SecretBytes(utf8: "another key"))
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .sharedKeyMismatch)
        #expect(refusal.notify?.name == "PAYLOAD-MALFORMED")
        #expect(refusal.exchange == "Main Mode")
        let reported = try #require(outcome.failures(of: .initiator).first)
        #expect(reported.code == .sharedKeyMismatch)
        #expect(reported.refusedBy == .responder)
    }

    @Test func aWrongPreSharedKeyFailsHASHRInAggressiveMode() throws {
        var pair = Support.pskPair(mode: .aggressive)
        pair.0.localAuthentication = .preSharedKey(SecretBytes(utf8: "another key"))
        pair.0.remoteAuthentication = .preSharedKey(SecretBytes(utf8: "another key"))
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .initiator).first)
        #expect(refusal.code == .sharedKeyMismatch)
        #expect(refusal.notify?.name == "INVALID-HASH-INFORMATION")
        #expect(refusal.reason == "peer's HASH does not verify with the configured pre-shared key")
        let reported = try #require(outcome.failures(of: .responder).first)
        #expect(reported.code == .sharedKeyMismatch)
        #expect(reported.refusedBy == .initiator)
    }

    @Test(arguments: [IKEv1Options.Mode.main, .aggressive])
    func aWrongInitiatorIdentityIsInvalidIDInformation(mode: IKEv1Options.Mode) throws {
        var pair = Support.pskPair(mode: mode)
        pair.1.remoteIdentity = .fqdn("someone-else.example.net")
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .identityMismatch)
        #expect(refusal.notify?.name == "INVALID-ID-INFORMATION")
        #expect(
            refusal.reason
                == "peer identified as 'fqdn:branch.example.net', expected "
                + "'fqdn:someone-else.example.net'")
        #expect(outcome.failures(of: .initiator).map(\.code) == [.identityMismatch])
    }

    @Test(arguments: [false, true])
    func withPublicKeyEncryptionAWrongInitiatorIdentityIsRefusedAtMessage3(revised: Bool)
        throws
    {
        var pair = try Support.encryptionPair(revised: revised)
        pair.1.remoteIdentity = .fqdn("someone-else.example.net")
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .identityMismatch)
        #expect(refusal.notify?.name == "INVALID-ID-INFORMATION")
        // Messages 1 to 3, then the clear notification instead of message 4.
        #expect(outcome.messages == 4)
        #expect(outcome.failures(of: .initiator).map(\.code) == [.identityMismatch])
    }

    @Test func aWrongResponderIdentityIsRefusedByTheInitiator() throws {
        var pair = Support.pskPair()
        pair.0.remoteIdentity = .fqdn("someone-else.example.net")
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .initiator).first)
        #expect(refusal.code == .identityMismatch)
        #expect(refusal.refusedBy == .initiator)
        // The responder had established the SA; the notification ends it.
        let reported = try #require(outcome.failures(of: .responder).first)
        #expect(reported.code == .identityMismatch)
        #expect(reported.refusedBy == .initiator)
    }

    @Test func aWrongAuthenticationMethodIsNoProposalChosenWithTheNearestMiss() throws {
        var pair = try Support.certificatePair("ecdsa")
        pair.0.localAuthentication = .preSharedKey(SecretBytes(utf8: Support.psk))
        pair.0.remoteAuthentication = .preSharedKey(SecretBytes(utf8: Support.psk))
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .authMethodMismatch)
        #expect(refusal.notify?.name == "NO-PROPOSAL-CHOSEN")
        #expect(
            refusal.reason
                == "proposals differ only in the authentication method: psk offered, "
                + "ecdsa-256 configured")
    }

    @Test func anUntrustedCertificateIsRefused() throws {
        let pair = try Support.certificatePair("ecdsa", initiatorCertificate: "rogue-branch")
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .certificateUntrusted)
        #expect(refusal.notify?.name == "AUTHENTICATION-FAILED")
        #expect(refusal.reason.hasPrefix("peer's certificate is not trusted"))
        #expect(outcome.failures(of: .initiator).map(\.code) == [.authenticationFailed])
    }

    @Test func theCertificateMustVouchForTheIdentity() throws {
        var pair = try Support.certificatePair("rsa", mode: .aggressive)
        pair.0.localIdentity = .fqdn("other.example.net")
        pair.1.remoteIdentity = nil
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .certificateIdentityMismatch)
        #expect(refusal.notify?.name == "INVALID-ID-INFORMATION")
    }

    @Test func aNonceEncryptedToAnotherKeyDoesNotDecrypt() throws {
        var pair = try Support.encryptionPair(revised: false)
        pair.0.remoteAuthentication = .rsaEncryption(
            peerPublicKey: try Support.key("branch-rsa").publicKey, revised: false)
        let outcome = try Self.outcome(pair)
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .authenticationFailed)
        #expect(
            refusal.reason == "peer's encrypted nonce or ID does not decrypt with our private key")
    }

    @Test func originalAndRevisedEncryptionDoNotMix() throws {
        var pair = try Support.encryptionPair(revised: false)
        let revised = try Support.encryptionPair(revised: true)
        pair.1.localAuthentication = revised.1.localAuthentication
        pair.1.remoteAuthentication = revised.1.remoteAuthentication
        let refusal = try #require(try Self.outcome(pair).failures(of: .responder).first)
        #expect(refusal.code == .authMethodMismatch)
    }

    @Test func configurationsIKEv1CannotUseAreRefusedUpFront() throws {
        var aead = Support.pskPair()
        aead.0.ikeProposals = [TestSupport.ike("aes256gcm16-prfsha256-modp2048")]
        var null = Support.pskPair()
        null.0.localAuthentication = .null
        var mixed = try Support.certificatePair("ecdsa")
        mixed.0.remoteAuthentication = .preSharedKey(SecretBytes(utf8: "x"))
        for broken in [aead.0, null.0, mixed.0] {
            #expect(throws: NegotiationFailure.self) {
                try SessionFactory.makeSession(
                    configuration: broken, role: .initiator, random: SeededRandom(seed: "x"))
            }
        }
        #expect(throws: Never.self) {
            try SessionFactory.makeSession(
                configuration: Support.pskPair().0, role: .initiator,
                random: SeededRandom(seed: "x"))
        }
    }

    // strongSwan answers a message 5 it cannot decrypt (another pre-shared key) with a
    // PAYLOAD-MALFORMED encrypted under its own keys, which we cannot open either.
    @Test func anUndecryptableAnswerToMessage5MeansAnotherPreSharedKey() throws {
        let pair = Support.pskPair()
        let initiator = try SessionFactory.makeSession(
            configuration: pair.0, role: .initiator, random: SeededRandom(seed: "i"))
        let responder = try SessionFactory.makeSession(
            configuration: pair.1, role: .responder, random: SeededRandom(seed: "r"))
        var inFlight = initiator.handle(.start, now: 0)
        var message5: Datagram?
        for step in 0..<4 {
            guard case .send(let datagram)? = inFlight.first else { break }
            let target = step % 2 == 0 ? responder : initiator
            inFlight = target.receive(datagram, now: 0)
            if step == 3, case .send(let sent)? = inFlight.first { message5 = sent }
        }
        let sent = try #require(message5)
        let header = try ISAKMPHeader(decoding: sent.message)
        let forged = ISAKMPMessage(
            header: ISAKMPHeader(
                initiatorCookie: header.initiatorCookie, responderCookie: header.responderCookie,
                exchangeType: .informational, flags: .encryption, messageID: 7,
                nextPayload: .hash),
            body: .encrypted([UInt8](repeating: 0x5A, count: 48)))
        let actions = initiator.receive(
            Datagram(
                source: sent.destination, destination: sent.source, message: try forged.encode()),
            now: 0)
        guard case .failed(let failure)? = actions.first else {
            Issue.record("expected a failure, got \(actions)")
            return
        }
        #expect(failure.code == .sharedKeyMismatch)
        #expect(failure.refusedBy == .responder)
        #expect(initiator.isClosed)
    }
}
