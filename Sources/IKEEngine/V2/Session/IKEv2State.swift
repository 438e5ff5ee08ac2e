import IKECore
import IKECrypto
import IKEWire

/// The protection and message counters of one IKE SA.
struct SecurityAssociationContext {
    /// SPIi.
    var initiatorSPI: UInt64
    /// SPIr.
    var responderSPI: UInt64
    /// Whether we are this SA's initiator (we set the I flag). After an IKE SA rekey the
    /// peer that rekeyed becomes the new SA's initiator (RFC 7296 section 2.18).
    var weAreInitiator: Bool
    /// Keys and protection.
    var keyMaterial: IKEv2KeyMaterial
    /// The Message ID of our next request (RFC 7296 section 2.2).
    var nextRequestID: UInt32
    /// The Message ID we expect on the peer's next request.
    var expectedRequestID: UInt32
    /// Our last response and the Message ID it answered, for retransmitted requests.
    var lastResponse: (requestID: UInt32, message: [UInt8])?
    /// 0 for the IKE SA made by IKE_SA_INIT, +1 per rekey.
    var generation: Int

    /// Whether a header names this SA.
    func owns(_ header: IKEv2Header) -> Bool {
        header.initiatorSPI == initiatorSPI && header.responderSPI == responderSPI
    }
}

/// A Child SA request of ours awaiting its CREATE_CHILD_SA response.
struct PendingChild {
    /// The request.
    var request: ChildRequest
    /// Ni.
    var nonce: [UInt8]
    /// Our KE key pair, with PFS.
    var keyPair: DHKeyPair?
    /// The Child SA being rekeyed, if this is a rekey.
    var rekeying: ChildSA?
    /// Groups already tried (INVALID_KE_PAYLOAD retries).
    var triedGroups: [DHGroup]
}

/// An IKE SA rekey of ours awaiting its response.
struct PendingIKERekey {
    /// Our SPI for the new SA.
    var spi: UInt64
    /// Ni.
    var nonce: [UInt8]
    /// Our KE key pair.
    var keyPair: DHKeyPair
    /// Groups already tried.
    var triedGroups: [DHGroup]
}

/// What an INFORMATIONAL request of ours was for.
enum InformationalPurpose {
    /// Deleting these Child SAs, reported when answered.
    case deleteChildren([ChildSA])
    /// Deleting a Child SA a rekey replaced; nothing to report.
    case deleteReplacedChild(ChildSA)
    /// Deleting the IKE SA.
    case deleteIKESA
    /// Deleting the IKE SA a rekey replaced (sent on that old SA).
    case deleteRetiredIKESA
    /// A liveness check.
    case liveness
}

/// A request of ours awaiting its response.
enum PendingRequest {
    /// CREATE_CHILD_SA for a new or rekeyed Child SA.
    case createChild(PendingChild)
    /// CREATE_CHILD_SA rekeying the IKE SA.
    case rekeyIKESA(PendingIKERekey)
    /// INFORMATIONAL.
    case informational(InformationalPurpose)
}

/// Work an established session does when no request is in flight.
enum QueuedWork {
    /// A command from the caller.
    case command(SessionCommand)
    /// A configured Child SA to set up with CREATE_CHILD_SA.
    case createChild(ChildConfiguration)
    /// Delete a Child SA replaced by a rekey.
    case deleteReplacedChild(ChildSA)
    /// Delete the IKE SA replaced by a rekey.
    case deleteRetiredIKESA
}

/// The states of an IKEv2 session (STYLE habit 4): each case carries what that state
/// knows, and a transition assigns a new case.
enum IKEv2State {
    /// Initiator before `start`; responder before the first IKE_SA_INIT request.
    case idle
    /// Initiator: IKE_SA_INIT request sent.
    case initiatorInitSent(InitiatorInitSent)
    /// Responder: IKE_SA_INIT answered, IKE_AUTH awaited.
    case responderAwaitingAuth(ResponderAwaitingAuth)
    /// Initiator: IKE_AUTH request sent.
    case initiatorAuthSent(InitiatorAuthSent)
    /// The IKE SA is up.
    case established(Established)
    /// Failed, deleted or closed.
    case closed(Closed)
}

/// Initiator state after sending IKE_SA_INIT.
struct InitiatorInitSent {
    /// SPIi.
    var spi: UInt64
    /// Ni.
    var nonce: [UInt8]
    /// Our KE key pair.
    var keyPair: DHKeyPair
    /// The cookie to echo, after a COOKIE answer.
    var cookie: [UInt8]?
    /// The request as last sent (RealMessage1).
    var request: [UInt8]
    /// Groups tried so far.
    var triedGroups: [DHGroup]
    /// COOKIE answers received so far.
    var cookieRounds: Int
}

/// What both sides keep between IKE_SA_INIT and the end of IKE_AUTH.
struct AuthenticationContext {
    /// The new IKE SA.
    var sa: SecurityAssociationContext
    /// Ni.
    var initiatorNonce: [UInt8]
    /// Nr.
    var responderNonce: [UInt8]
    /// The IKE_SA_INIT request as sent (RealMessage1).
    var message1: [UInt8]
    /// The IKE_SA_INIT response as sent (RealMessage2).
    var message2: [UInt8]
    /// The hashes the peer announced for RFC 7427 signatures.
    var peerHashes: [IKEv2HashAlgorithm]?
}

/// Responder state after answering IKE_SA_INIT.
struct ResponderAwaitingAuth {
    /// The IKE_SA_INIT results.
    var context: AuthenticationContext
}

/// Initiator state after sending IKE_AUTH.
struct InitiatorAuthSent {
    /// The IKE_SA_INIT results.
    var context: AuthenticationContext
    /// The first Child SA requested, if any.
    var child: ChildRequest?
    /// How we authenticated.
    var localAuthentication: AuthenticationSummary
}

/// An established IKE SA.
struct Established {
    /// The current IKE SA.
    var sa: SecurityAssociationContext
    /// The IKE SA a rekey replaced, until its deletion is done.
    var retiring: SecurityAssociationContext?
    /// The summary last reported.
    var summary: IKESASummary
    /// Installed Child SAs.
    var children: [ChildSA]
    /// Child SAs replaced by rekeys whose deletion is still to be exchanged.
    var replacedChildren: [ChildSA]
    /// Our request in flight and the Message ID it carries.
    var pending: (messageID: UInt32, onRetiringSA: Bool, request: PendingRequest)?
    /// Work waiting for the request window.
    var queue: [QueuedWork]
}

/// The end of a session.
struct Closed {
    /// Why the session ended, in words.
    var reason: String
}
