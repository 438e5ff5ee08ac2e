/// How an outbound ESP SA makes the IV each packet carries.
public enum ESPIVGeneration: Sendable, Hashable {
    /// Random octets from the caller's `RandomSource`. Required for CBC ciphers, whose IV
    /// must be unpredictable (RFC 3602 section 3, RFC 4303 section 2.3).
    case random
    /// The packet's 64-bit sequence number, big-endian. Counter and AEAD modes need only
    /// uniqueness under a key (RFC 3686 section 3, RFC 4106 section 3.1, RFC 7634
    /// section 2), which a counter that never cycles guarantees.
    case sequenceNumber
}
