/// Options of the IKEv1 engine (RFC 2409).
public struct IKEv1Options: Sendable, Hashable {
    /// The phase 1 exchange.
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
        /// Main mode (identity protection, RFC 2409 section 5).
        case main
        /// Aggressive mode (RFC 2409 section 5, three messages, identities in clear).
        case aggressive
    }

    /// How a responder treats a proposed lifetime that differs from its own (the
    /// practice of Cisco and Libreswan; RFC 2409 leaves it open).
    public enum LifetimePolicy: String, Sendable, Hashable, CaseIterable, Codable {
        /// Accept the initiator's lifetime.
        case accept
        /// Accept, and send RESPONDER-LIFETIME with our shorter lifetime.
        case notify
        /// Refuse proposals whose lifetime differs from ours.
        case reject
    }

    /// The phase 1 mode.
    public var mode: Mode
    /// The responder lifetime policy.
    public var lifetimePolicy: LifetimePolicy

    /// Options; the defaults are main mode and `notify`.
    public init(mode: Mode = .main, lifetimePolicy: LifetimePolicy = .notify) {
        self.mode = mode
        self.lifetimePolicy = lifetimePolicy
    }
}

/// Options of the IKEv2 engine that a policy does not express but tests and real peers
/// need.
public struct IKEv2Options: Sendable, Hashable {
    /// As responder, answer an IKE_SA_INIT request without a cookie with a COOKIE
    /// notification (RFC 7296 section 2.6), as a responder under load does.
    public var requireCookie: Bool
    /// Announce IKEV2_FRAGMENTATION_SUPPORTED (RFC 7383) in IKE_SA_INIT. The engine does
    /// not yet fragment its own messages nor reassemble SKF payloads (RFC 7383 section
    /// 2.6), so announcing it invites fragments it will drop; off by default.
    public var announceFragmentation: Bool
    /// Send INITIAL_CONTACT in the first IKE_AUTH message (RFC 7296 section 2.4).
    public var sendInitialContact: Bool
    /// Nonce length in octets (RFC 7296 section 2.10: at least 16, and at least half the
    /// PRF's key size); nil picks 32.
    public var nonceLength: Int?

    /// Options; the defaults send no cookie challenge, do not announce fragmentation,
    /// send INITIAL_CONTACT, and use 32-octet nonces.
    public init(
        requireCookie: Bool = false, announceFragmentation: Bool = false,
        sendInitialContact: Bool = true, nonceLength: Int? = nil
    ) {
        self.requireCookie = requireCookie
        self.announceFragmentation = announceFragmentation
        self.sendInitialContact = sendInitialContact
        self.nonceLength = nonceLength
    }
}
