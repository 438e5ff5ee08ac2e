import IKECore
import IKECrypto
import IKEWire
import Testing

@testable import IKEEngine

/// Disagreements with strongSwan's charon found by the interop suite, each pinned in
/// memory so it cannot return unnoticed.
@Suite("Interop regressions")
struct InteropRegressionTests {
    /// The inner payloads of the first message the initiator sent in `exchange`.
    static func openedRequest(
        _ exchange: LoopbackExchange, _ type: IKEv2ExchangeType
    ) throws -> [IKEv2Payload] {
        let delivery = try #require(
            exchange.deliveries.first {
                $0.sender == .initiator && $0.datagram.message.count > 18
                    && $0.datagram.message[18] == type.rawValue
            })
        let message = try IKEv2Message(decoding: delivery.datagram.message)
        let summary = try #require(exchange.responder.ikeSA)
        guard case .v2(let keys) = summary.keys else {
            Issue.record("an IKEv2 SA holds IKEv2 keys")
            return []
        }
        let protection = try MessageProtection(
            proposal: summary.selectedProposal, keys: keys, weAreInitiator: false)
        return try protection.open(
            datagram: delivery.datagram.message,
            encrypted: try #require(message.encryptedPayload))
    }

    // charon: "no acceptable EXTENDED_SEQUENCE_NUMBERS found" for a Child SA proposal
    // without an ESN transform (RFC 7296 section 3.3.3 makes it mandatory for ESP).
    @Test func childProposalsWithoutESNCarryNoExtendedSequenceNumbers() throws {
        let (initiator, responder) = TestSupport.pskPair(esp: [TestSupport.esp("aes256gcm16")])
        #expect(TestSupport.esp("aes256gcm16").esn.isEmpty)
        let exchange = try TestSupport.loopback(initiator, responder)
        exchange.negotiate()

        let inner = try Self.openedRequest(exchange, .ikeAuth)
        let offer = try #require(
            inner.compactMap { payload -> IKEv2SAPayload? in
                if case .securityAssociation(let sa) = payload { return sa }
                return nil
            }.first)
        for proposal in offer.proposals {
            let esn = proposal.transforms.filter { $0.type == TransformType.esn.rawValue }
            #expect(esn.map(\.transformID) == [ExtendedSequenceNumbers.disabled.rawValue])
        }
    }
}
