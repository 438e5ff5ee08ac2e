/// What the caller asks a session to do; the session answers with actions.
public enum SessionCommand: Sendable, Hashable {
    /// Initiator: begin the negotiation (send IKE_SA_INIT, or the first main mode
    /// message). A responder refuses it.
    case start
    /// Rekey the named Child SA (CREATE_CHILD_SA with REKEY_SA; IKEv1: a new quick mode).
    case rekeyChildSA(name: String)
    /// Rekey the IKE SA (CREATE_CHILD_SA with a new IKE SA; IKEv1: a new main mode).
    case rekeyIKESA
    /// Delete the named Child SA (INFORMATIONAL with a Delete payload).
    case deleteChildSA(name: String)
    /// Delete the IKE SA and with it every Child SA.
    case close
    /// Send an empty INFORMATIONAL request (liveness check, RFC 7296 section 2.4).
    case checkLiveness
}
