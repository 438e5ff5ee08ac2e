/// The one error of the wire layer: a byte string that is not a well-formed IKEv2 or ISAKMP
/// message or payload, or a value too large for its wire field when encoding.
///
/// Tests and callers compare `code`; `payloadType` and `offset` say where the problem was
/// found, and `description` adds a short human explanation. No peer octets other than
/// numbers and lengths ever appear in the text.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error category.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The stable spelling, for example `truncated`.
        public let rawValue: String

        /// A code from its stable spelling.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The input ends before a header, a field or a declared length is complete.
        public static let truncated = Code(rawValue: "truncated")
        /// The message header's Length disagrees with the size of the datagram.
        public static let lengthMismatch = Code(rawValue: "length-mismatch")
        /// A payload's Payload Length is below the payload's minimum size.
        public static let invalidPayloadLength = Code(rawValue: "invalid-payload-length")
        /// The lengths or counts inside a payload disagree with each other or with the
        /// payload's own length.
        public static let malformedPayload = Code(rawValue: "malformed-payload")
        /// Octets remain after the last payload of a chain, or inside a payload after its
        /// last field.
        public static let trailingOctets = Code(rawValue: "trailing-octets")
        /// The header's major version is not the one this decoder reads.
        public static let unsupportedVersion = Code(rawValue: "unsupported-version")
        /// A payload appears where the protocol does not allow it (an SK payload that is
        /// not last, a Proposal outside an SA payload).
        public static let misplacedPayload = Code(rawValue: "misplaced-payload")
        /// Padding after a decrypted ISAKMP payload chain is neither zeros nor a valid
        /// pad-length convention.
        public static let invalidPadding = Code(rawValue: "invalid-padding")
        /// A field value this decoder cannot interpret structurally (for example an ISAKMP
        /// situation with labeled-domain data).
        public static let unsupportedValue = Code(rawValue: "unsupported-value")
        /// When encoding: a value does not fit its wire field (a payload over 65,535
        /// octets, more than 255 transforms).
        public static let valueTooLarge = Code(rawValue: "value-too-large")

        /// The stable spelling.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The wire number of the payload being read or written (IKEv2 or ISAKMP numbering),
    /// or nil for the message header.
    public let payloadType: UInt8?
    /// Offset in octets from the start of the decoded buffer where the problem was found
    /// (for encoding errors, the offset in the output being built).
    public let offset: Int
    // A short explanation; carries lengths and numbers only, never payload contents.
    let detail: String

    /// An error with its context.
    public init(_ code: Code, payloadType: UInt8?, offset: Int, detail: String) {
        self.code = code
        self.payloadType = payloadType
        self.offset = offset
        self.detail = detail
    }

    /// `code at offset N (payload P): detail`.
    public var description: String {
        let payload = payloadType.map { " (payload \($0))" } ?? " (header)"
        return "\(code) at offset \(offset)\(payload): \(detail)"
    }
}
