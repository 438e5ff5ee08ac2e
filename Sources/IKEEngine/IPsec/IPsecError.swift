/// The one error type of the IPsec packet layer (IP, ICMP and UDP codecs, ESP, AH and
/// ESP-in-UDP): a stable `code` to compare against and a short `context` naming what was
/// wrong.
///
/// A peer's bad packet or a caller's bad configuration is always one of these, never a
/// crash. The context is written by this layer from lengths, numbers and algorithm names;
/// it never holds key material or packet contents.
public struct IPsecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases; tests and callers compare these.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Fewer octets than a header or a length field requires.
        case truncated = "truncated"
        /// A field holds a value the format does not allow (bad version, lengths that
        /// disagree, a zero SPI).
        case malformed = "malformed"
        /// An IPv4 header, ICMP or UDP checksum does not verify.
        case badChecksum = "bad-checksum"
        /// The packet carries another protocol than the one expected here.
        case unexpectedProtocol = "unexpected-protocol"
        /// Source and destination are of different address families, or an inner packet's
        /// family disagrees with its ESP/AH next header.
        case addressFamilyMismatch = "address-family-mismatch"
        /// A packet would exceed the 65,535 octets an IP length field can express.
        case packetTooLarge = "packet-too-large"
        /// The packet's SPI is not the SA's.
        case unknownSPI = "unknown-spi"
        /// The ICV (or AEAD tag) does not verify: the packet was modified or the keys differ.
        case authenticationFailed = "authentication-failed"
        /// The decrypted ESP trailer is inconsistent (RFC 4303 section 2.4: the pad length
        /// exceeds the payload or the padding is not 1, 2, 3, ...).
        case invalidPadding = "invalid-padding"
        /// The sequence number was already received (RFC 4303 section 3.4.3).
        case replayedPacket = "replayed-packet"
        /// The sequence number lies left of the anti-replay window (RFC 4303 section 3.4.3).
        case staleSequenceNumber = "stale-sequence-number"
        /// The sender's counter would cycle: the SA must be rekeyed (RFC 4303 section 3.3.3).
        case sequenceNumberOverflow = "sequence-number-overflow"
        /// The packet is an ESP dummy packet, next header 59 (RFC 4303 section 2.6), which
        /// is discarded.
        case dummyPacket = "dummy-packet"
        /// The SA cannot be built from the given algorithms and keys.
        case invalidConfiguration = "invalid-configuration"
        /// The algorithm is known but this layer does not implement it for this protocol.
        case unsupportedAlgorithm = "unsupported-algorithm"
        /// An IPv6 extension header or IPv4 option this layer does not process.
        case unsupportedHeader = "unsupported-header"
        /// The ICMP message is not the echo request or reply that was expected.
        case notAnEcho = "not-an-echo"
        /// The cryptographic library failed for a reason no other code describes.
        case cryptoFailure = "crypto-failure"
    }

    /// The stable code.
    public let code: Code
    /// What was wrong, in this layer's words (never secret).
    public let context: String

    /// An error with its code and context.
    public init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    /// `code: context`.
    public var description: String { "\(code.rawValue): \(context)" }
}
