import IKEWire

//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +---------------------------------------------------------------+
//     |       IKE SA Initiator's SPI (IKEv1: Initiator Cookie)        |
//     |                                                               |
//     +---------------------------------------------------------------+
//     |       IKE SA Responder's SPI (IKEv1: Responder Cookie)        |
//     |                                                               |
//     +---------------+-------+-------+---------------+---------------+
//     | Next Payload  | MjVer | MnVer | Exchange Type |     Flags     |
//     +---------------+-------+-------+---------------+---------------+
//
// RFC 7296 section 3.1 and RFC 2408 section 3.1 share this layout; the transport reads
// only these fields, to route a message to its session and to tell requests from
// responses, and leaves every other check to the engine.

/// The routing facts of an IKE message's header.
struct MessageFacts: Equatable {
    /// The initiator's SPI or cookie.
    let initiatorSPI: UInt64
    /// The responder's SPI or cookie (0 in a first message).
    let responderSPI: UInt64
    /// The major version: 2 for IKEv2, 1 for IKEv1.
    let majorVersion: UInt8
    /// The exchange type number.
    let exchangeType: UInt8
    /// The flags octet.
    let flags: UInt8

    /// The facts of `message`; nil when it is shorter than a header.
    init?(_ message: [UInt8]) {
        guard message.count >= 28 else { return nil }
        initiatorSPI = message[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        responderSPI = message[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
        majorVersion = message[17] >> 4
        exchangeType = message[18]
        flags = message[19]
    }

    /// Whether an IKEv2 message is a response (the R flag). IKEv1 has no such flag.
    var isIKEv2Response: Bool { majorVersion == 2 && flags & 0x20 != 0 }

    /// Whether the message opens a new IKE SA: an IKE_SA_INIT request, or an IKEv1 Main or
    /// Aggressive Mode message without a responder cookie.
    var opensSA: Bool {
        guard responderSPI == 0 else { return false }
        switch majorVersion {
        case 2: return exchangeType == IKEv2ExchangeType.ikeSAInit.rawValue && !isIKEv2Response
        case 1:
            return exchangeType == ISAKMPExchangeType.identityProtection.rawValue
                || exchangeType == ISAKMPExchangeType.aggressive.rawValue
        default: return false
        }
    }

    /// The exchange's name in the RFC's spelling.
    var exchangeName: String {
        majorVersion == 1
            ? ISAKMPExchangeType(rawValue: exchangeType).description
            : IKEv2ExchangeType(rawValue: exchangeType).description
    }
}
