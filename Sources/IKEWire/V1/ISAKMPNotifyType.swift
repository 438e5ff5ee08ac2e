/// ISAKMP Notify Message Types (RFC 2408 section 3.14.1, RFC 2407 section 4.6.3, RFC
/// 3706 for dead peer detection). Errors are 1 to 16383, status types 16384 and up; any
/// number is carried as it is.
public struct ISAKMPNotifyType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The Notify Message Type number.
    public let rawValue: UInt16

    /// A notify type from its number.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Whether the type is an error (below 16384).
    public var isError: Bool { rawValue < 16384 }

    /// The registry's name, or nil for a number not in this table.
    public var name: String? { Self.names[rawValue] }

    /// The registry's name, or the number as text.
    public var description: String { name ?? "NOTIFY(\(rawValue))" }

    /// 1: INVALID-PAYLOAD-TYPE (RFC 2408 section 3.14.1).
    public static let invalidPayloadType = Self(rawValue: 1)
    /// 2: DOI-NOT-SUPPORTED (RFC 2408 section 3.14.1).
    public static let doiNotSupported = Self(rawValue: 2)
    /// 3: SITUATION-NOT-SUPPORTED (RFC 2408 section 3.14.1).
    public static let situationNotSupported = Self(rawValue: 3)
    /// 4: INVALID-COOKIE (RFC 2408 section 3.14.1).
    public static let invalidCookie = Self(rawValue: 4)
    /// 5: INVALID-MAJOR-VERSION (RFC 2408 section 3.14.1).
    public static let invalidMajorVersion = Self(rawValue: 5)
    /// 6: INVALID-MINOR-VERSION (RFC 2408 section 3.14.1).
    public static let invalidMinorVersion = Self(rawValue: 6)
    /// 7: INVALID-EXCHANGE-TYPE (RFC 2408 section 3.14.1).
    public static let invalidExchangeType = Self(rawValue: 7)
    /// 8: INVALID-FLAGS (RFC 2408 section 3.14.1).
    public static let invalidFlags = Self(rawValue: 8)
    /// 9: INVALID-MESSAGE-ID (RFC 2408 section 3.14.1).
    public static let invalidMessageID = Self(rawValue: 9)
    /// 10: INVALID-PROTOCOL-ID (RFC 2408 section 3.14.1).
    public static let invalidProtocolID = Self(rawValue: 10)
    /// 11: INVALID-SPI (RFC 2408 section 3.14.1).
    public static let invalidSPI = Self(rawValue: 11)
    /// 12: INVALID-TRANSFORM-ID (RFC 2408 section 3.14.1).
    public static let invalidTransformID = Self(rawValue: 12)
    /// 13: ATTRIBUTES-NOT-SUPPORTED (RFC 2408 section 3.14.1).
    public static let attributesNotSupported = Self(rawValue: 13)
    /// 14: NO-PROPOSAL-CHOSEN (RFC 2408 section 3.14.1).
    public static let noProposalChosen = Self(rawValue: 14)
    /// 15: BAD-PROPOSAL-SYNTAX (RFC 2408 section 3.14.1).
    public static let badProposalSyntax = Self(rawValue: 15)
    /// 16: PAYLOAD-MALFORMED (RFC 2408 section 3.14.1).
    public static let payloadMalformed = Self(rawValue: 16)
    /// 17: INVALID-KEY-INFORMATION (RFC 2408 section 3.14.1).
    public static let invalidKeyInformation = Self(rawValue: 17)
    /// 18: INVALID-ID-INFORMATION (RFC 2408 section 3.14.1).
    public static let invalidIDInformation = Self(rawValue: 18)
    /// 19: INVALID-CERT-ENCODING (RFC 2408 section 3.14.1).
    public static let invalidCertEncoding = Self(rawValue: 19)
    /// 20: INVALID-CERTIFICATE (RFC 2408 section 3.14.1).
    public static let invalidCertificate = Self(rawValue: 20)
    /// 21: CERT-TYPE-UNSUPPORTED (RFC 2408 section 3.14.1).
    public static let certTypeUnsupported = Self(rawValue: 21)
    /// 22: INVALID-CERT-AUTHORITY (RFC 2408 section 3.14.1).
    public static let invalidCertAuthority = Self(rawValue: 22)
    /// 23: INVALID-HASH-INFORMATION (RFC 2408 section 3.14.1).
    public static let invalidHashInformation = Self(rawValue: 23)
    /// 24: AUTHENTICATION-FAILED (RFC 2408 section 3.14.1).
    public static let authenticationFailed = Self(rawValue: 24)
    /// 25: INVALID-SIGNATURE (RFC 2408 section 3.14.1).
    public static let invalidSignature = Self(rawValue: 25)
    /// 26: ADDRESS-NOTIFICATION (RFC 2408 section 3.14.1).
    public static let addressNotification = Self(rawValue: 26)
    /// 27: NOTIFY-SA-LIFETIME (RFC 2408 section 3.14.1).
    public static let notifySALifetime = Self(rawValue: 27)
    /// 28: CERTIFICATE-UNAVAILABLE (RFC 2408 section 3.14.1).
    public static let certificateUnavailable = Self(rawValue: 28)
    /// 29: UNSUPPORTED-EXCHANGE-TYPE (RFC 2408 section 3.14.1).
    public static let unsupportedExchangeType = Self(rawValue: 29)
    /// 30: UNEQUAL-PAYLOAD-LENGTHS (RFC 2408 section 3.14.1).
    public static let unequalPayloadLengths = Self(rawValue: 30)
    /// 16384: CONNECTED (RFC 2408 section 3.14.1).
    public static let connected = Self(rawValue: 16384)
    /// 24576: RESPONDER-LIFETIME (RFC 2407 section 4.6.3).
    public static let responderLifetime = Self(rawValue: 24576)
    /// 24577: REPLAY-STATUS (RFC 2407 section 4.6.3).
    public static let replayStatus = Self(rawValue: 24577)
    /// 24578: INITIAL-CONTACT (RFC 2407 section 4.6.3).
    public static let initialContact = Self(rawValue: 24578)
    /// 36136: R-U-THERE (RFC 3706).
    public static let rUThere = Self(rawValue: 36136)
    /// 36137: R-U-THERE-ACK (RFC 3706).
    public static let rUThereAck = Self(rawValue: 36137)

    private static let names: [UInt16: String] = [
        1: "INVALID-PAYLOAD-TYPE",
        2: "DOI-NOT-SUPPORTED",
        3: "SITUATION-NOT-SUPPORTED",
        4: "INVALID-COOKIE",
        5: "INVALID-MAJOR-VERSION",
        6: "INVALID-MINOR-VERSION",
        7: "INVALID-EXCHANGE-TYPE",
        8: "INVALID-FLAGS",
        9: "INVALID-MESSAGE-ID",
        10: "INVALID-PROTOCOL-ID",
        11: "INVALID-SPI",
        12: "INVALID-TRANSFORM-ID",
        13: "ATTRIBUTES-NOT-SUPPORTED",
        14: "NO-PROPOSAL-CHOSEN",
        15: "BAD-PROPOSAL-SYNTAX",
        16: "PAYLOAD-MALFORMED",
        17: "INVALID-KEY-INFORMATION",
        18: "INVALID-ID-INFORMATION",
        19: "INVALID-CERT-ENCODING",
        20: "INVALID-CERTIFICATE",
        21: "CERT-TYPE-UNSUPPORTED",
        22: "INVALID-CERT-AUTHORITY",
        23: "INVALID-HASH-INFORMATION",
        24: "AUTHENTICATION-FAILED",
        25: "INVALID-SIGNATURE",
        26: "ADDRESS-NOTIFICATION",
        27: "NOTIFY-SA-LIFETIME",
        28: "CERTIFICATE-UNAVAILABLE",
        29: "UNSUPPORTED-EXCHANGE-TYPE",
        30: "UNEQUAL-PAYLOAD-LENGTHS",
        16384: "CONNECTED",
        24576: "RESPONDER-LIFETIME",
        24577: "REPLAY-STATUS",
        24578: "INITIAL-CONTACT",
        36136: "R-U-THERE",
        36137: "R-U-THERE-ACK",
    ]
}
