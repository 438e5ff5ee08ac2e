import IKECore

/// One end of one IKE SA, in either IKE version: a pure state machine, sans I/O.
///
/// Inputs are commands and received datagrams, each with the caller's current time;
/// outputs are actions (send this, install these keys, this failed). Randomness comes
/// from the `RandomSource` the session was made with. A session never reads a clock,
/// opens a socket or sets a timer: retransmitting a request is the transport's job (the
/// session answers a repeated request with its stored response), and so is giving up.
public protocol IKESession: AnyObject {
    /// The IKE version.
    var version: IKEVersion { get }
    /// Our role in the IKE SA.
    var role: IKERole { get }
    /// Whether the IKE SA is established (and not closed).
    var isEstablished: Bool { get }
    /// Whether the session is over: failed, deleted or closed.
    var isClosed: Bool { get }
    /// Whether we have a request in flight, awaiting its response.
    var isAwaitingResponse: Bool { get }
    /// The established IKE SA, if any.
    var ikeSA: IKESASummary? { get }
    /// The Child SAs currently installed, in the order they were made.
    var childSAs: [ChildSA] { get }
    /// Every message sent and received so far, in order.
    var transcript: [ExchangeRecord] { get }

    /// Carries out a command.
    func handle(_ command: SessionCommand, now: Double) -> [SessionAction]
    /// Processes a received datagram (without any non-ESP marker).
    func receive(_ datagram: Datagram, now: Double) -> [SessionAction]
}
