import IKECore
import IKECrypto
import IKEWire

/// The phase 1 transform both peers agreed on, with the lifetime they ended on.
struct IKEv1Phase1Choice {
    /// The cipher and key length.
    var cipher: Cipher
    /// The hash; its HMAC is the PRF.
    var hash: HashAlgorithm
    /// The authentication method.
    var authMethod: IKEv1AuthMethod
    /// The Diffie-Hellman group.
    var group: DHGroup
    /// The lifetime both sides use (RFC 2407 section 4.5, RFC 2409 appendix A).
    var lifetime: IKELifetime
}

/// The initiator's first message, before the responder has chosen a transform.
struct Phase1Offer {
    /// Main or aggressive mode.
    var mode: IKEv1Options.Mode
    /// CKY-I.
    var initiatorCookie: UInt64
    /// The transforms offered, numbered from 1.
    var transforms: [IKEv1Phase1Transform]
    /// The message as sent.
    var message: [UInt8]
    /// SAi_b: the SA payload body as sent.
    var saBody: [UInt8]
    /// Aggressive mode: what the first message already carried.
    var aggressive: AggressiveOffer?
}

/// What an aggressive mode initiator sends with its offer (RFC 2409 section 5).
struct AggressiveOffer {
    /// Our Diffie-Hellman key pair, for the group of every offered transform.
    var keyPair: DHKeyPair
    /// Ni_b.
    var nonce: [UInt8]
    /// IDii_b, in clear.
    var idBody: [UInt8]
}

/// Everything one phase 1 exchange knows once the transform is agreed, on either side.
struct Phase1Exchange {
    /// Main or aggressive mode.
    var mode: IKEv1Options.Mode
    /// CKY-I.
    var initiatorCookie: UInt64
    /// CKY-R.
    var responderCookie: UInt64
    /// The agreed transform and lifetime.
    var choice: IKEv1Phase1Choice
    /// SAi_b.
    var saBody: [UInt8]
    /// Our key pair.
    var keyPair: DHKeyPair
    /// Ni_b (empty until known).
    var initiatorNonce: [UInt8]
    /// Nr_b (empty until known).
    var responderNonce: [UInt8]
    /// g^xi (empty until known).
    var initiatorPublicValue: [UInt8]
    /// g^xr (empty until known).
    var responderPublicValue: [UInt8]
    /// The ISAKMP SA keys, once derived.
    var keys: IKEv1KeyMaterial?
    /// The CBC IV of the next phase 1 message (RFC 2409 appendix B).
    var iv: [UInt8]
    /// Our ID payload body.
    var ourIDBody: [UInt8]
    /// The peer's ID payload body (empty until known).
    var peerIDBody: [UInt8]
    /// The peer's identity, once accepted.
    var peerIdentity: Identity?
    /// Whether the peer announced RFC 3947 NAT traversal.
    var peerSupportsNATTraversal: Bool
    /// Whether the peer announced dead peer detection (RFC 3706).
    var peerSupportsDPD: Bool
    /// Whether IKE moves to port 4500 and ESP travels in UDP.
    var usesUDPEncapsulation: Bool
    /// Responder: whether RESPONDER-LIFETIME must be sent (RFC 2407 section 4.6.3.1).
    var announcesLifetime: Bool
    /// How we authenticate, once we have.
    var localAuthentication: AuthenticationSummary?
    /// The last message we sent, for retransmission.
    var lastSent: [UInt8]
    /// The last message we received, to recognise its retransmission.
    var lastReceived: [UInt8]
}

/// The ISAKMP SA of an established session.
struct EstablishedISAKMPSA {
    /// CKY-I.
    var initiatorCookie: UInt64
    /// CKY-R.
    var responderCookie: UInt64
    /// The keys.
    var keys: IKEv1KeyMaterial
    /// The last CBC output block of phase 1, the base of every phase 2 IV.
    var lastPhase1Block: [UInt8]
    /// Whether the peer announced dead peer detection.
    var peerSupportsDPD: Bool
    /// Whether IKE and ESP travel in UDP on port 4500.
    var usesUDPEncapsulation: Bool
    /// The peer's last phase 1 message, to recognise its retransmission.
    var lastPhase1Received: [UInt8]
    /// Our last phase 1 message, sent again when the peer repeats its own.
    var lastPhase1Sent: [UInt8]
}

/// A quick mode of ours awaiting its second message.
struct PendingQuickMode {
    /// The M-ID.
    var messageID: UInt32
    /// The Child SA configuration.
    var configuration: ChildConfiguration
    /// Our inbound SPI.
    var spi: UInt32
    /// The transforms offered, numbered from 1.
    var transforms: [IKEv1Phase2Transform]
    /// Ni_b.
    var nonce: [UInt8]
    /// Our PFS key pair.
    var keyPair: DHKeyPair?
    /// Our side's selector (IDci).
    var localSelector: TrafficSelector
    /// The peer's side's selector (IDcr).
    var remoteSelector: TrafficSelector
    /// Whether IDci and IDcr were sent.
    var sendsClientIDs: Bool
    /// The CBC IV of the exchange's next message.
    var iv: [UInt8]
    /// The Child SA being replaced, for a rekey.
    var rekeying: ChildSA?
}

/// A quick mode the peer started, answered and awaiting its third message.
struct RespondingQuickMode {
    /// The M-ID.
    var messageID: UInt32
    /// The Child SA it makes, installed when HASH(3) verifies.
    var child: ChildSA
    /// Ni_b.
    var initiatorNonce: [UInt8]
    /// Nr_b.
    var responderNonce: [UInt8]
    /// The CBC IV of the third message.
    var iv: [UInt8]
    /// The first message as received, to recognise its retransmission.
    var request: [UInt8]
    /// Our answer as sent.
    var response: [UInt8]
    /// The Child SA it replaces, if one of the same configuration is installed.
    var replacing: ChildSA?
}

/// Work an established session starts when no quick mode of ours is in flight.
enum IKEv1QueuedWork {
    /// A command from the caller.
    case command(SessionCommand)
    /// A quick mode for a configured Child SA, or to rekey an installed one.
    case quickMode(ChildConfiguration, rekeying: ChildSA?)
}

/// An established ISAKMP SA and its IPsec SAs.
struct IKEv1Established {
    /// The ISAKMP SA.
    var sa: EstablishedISAKMPSA
    /// The summary reported.
    var summary: IKESASummary
    /// Installed Child SAs.
    var children: [ChildSA]
    /// Child SAs replaced by rekeys whose deletion is still to come.
    var replacedChildren: [ChildSA]
    /// Our quick mode in flight.
    var pending: PendingQuickMode?
    /// The peer's quick modes awaiting their third message.
    var responding: [RespondingQuickMode]
    /// The sequence number of our unanswered R-U-THERE, if any.
    var pendingLiveness: UInt32?
    /// The next DPD sequence number.
    var nextDPDSequence: UInt32
    /// Work waiting for the window.
    var queue: [IKEv1QueuedWork]
}

/// The end of a session.
struct IKEv1Closed {
    /// Why, in words.
    var reason: String
}

/// The states of an IKEv1 session (STYLE habit 4). Each case names what the session
/// waits for and carries what it knows; a transition assigns a new case.
enum IKEv1State {
    /// Initiator before `start`; responder before the first message.
    case idle
    /// Initiator: main mode message 1 sent, message 2 (SA) awaited.
    case awaitingMainModeSA(Phase1Offer)
    /// Responder: message 2 sent, message 3 (KE, Ni) awaited.
    case awaitingMainModeInitiatorKeys(Phase1Exchange)
    /// Initiator: message 3 sent, message 4 (KE, Nr) awaited.
    case awaitingMainModeResponderKeys(Phase1Exchange)
    /// Responder: message 4 sent, message 5 (the initiator's authentication) awaited.
    case awaitingMainModeInitiatorAuth(Phase1Exchange)
    /// Initiator: message 5 sent, message 6 (the responder's authentication) awaited.
    case awaitingMainModeResponderAuth(Phase1Exchange)
    /// Initiator: aggressive mode message 1 sent, message 2 awaited.
    case awaitingAggressiveResponse(Phase1Offer)
    /// Responder: aggressive mode message 2 sent, message 3 awaited.
    case awaitingAggressiveInitiatorAuth(Phase1Exchange)
    /// The ISAKMP SA is up.
    case established(IKEv1Established)
    /// Failed, deleted or closed.
    case closed(IKEv1Closed)
}
