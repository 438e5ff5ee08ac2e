import IKECore
import IKEEngine
import Testing

@testable import IKETransport

/// RFC 3948 section 2.2: what shares the NAT-T port is told apart by its first octets.
@Suite("DatagramDemultiplexer")
struct DatagramDemultiplexerTests {
    let peer = Endpoint(address: IPAddress("198.51.100.7")!, port: 4500)
    let natT = Endpoint(address: IPAddress("198.51.100.1")!, port: 4500)
    let ike = Endpoint(address: IPAddress("198.51.100.1")!, port: 500)
    let header = [UInt8](repeating: 0x11, count: 28)

    @Test func markerAnnouncesIKEAndIsStripped() {
        let result = DatagramDemultiplexer.classify(
            [0, 0, 0, 0] + header, source: peer, destination: natT)
        #expect(result == .ike(Datagram(source: peer, destination: natT, message: header)))
    }

    @Test func nonZeroSPIIsESP() {
        let esp: [UInt8] = [0xC0, 0, 0, 1, 0, 0, 0, 9, 1, 2, 3]
        let result = DatagramDemultiplexer.classify(esp, source: peer, destination: natT)
        guard case .esp(let datagram) = result else {
            Issue.record("expected ESP, got \(result)")
            return
        }
        #expect(datagram.spi == 0xC000_0001 && datagram.packet == esp)
    }

    @Test func singleFFIsAKeepalive() {
        #expect(
            DatagramDemultiplexer.classify([0xFF], source: peer, destination: natT)
                == .natKeepalive(source: peer))
    }

    @Test func shortPayloadsAndBareMarkersAreMalformed() {
        for payload: [UInt8] in [[], [1, 2, 3], [0, 0, 0, 0, 1, 2, 3, 4]] {
            guard
                case .malformed = DatagramDemultiplexer.classify(
                    payload, source: peer, destination: natT)
            else {
                Issue.record("\(payload) was not refused")
                continue
            }
        }
    }

    @Test func everythingOnTheIKEPortIsIKE() {
        let message: [UInt8] = [0, 0, 0, 0] + header
        #expect(
            DatagramDemultiplexer.classify(message, source: peer, destination: ike)
                == .ike(Datagram(source: peer, destination: ike, message: message)))
    }

    @Test func messageFactsTellRequestsFromResponsesAndFirstMessages() throws {
        var initRequest = [UInt8](repeating: 0, count: 28)
        initRequest[7] = 1
        initRequest[17] = 0x20
        initRequest[18] = 34
        initRequest[19] = 0x08
        let request = try #require(MessageFacts(initRequest))
        #expect(request.opensSA && !request.isIKEv2Response && request.initiatorSPI == 1)

        var response = initRequest
        response[19] = 0x20
        response[15] = 9
        let facts = try #require(MessageFacts(response))
        #expect(facts.isIKEv2Response && !facts.opensSA && facts.responderSPI == 9)

        var mainMode = [UInt8](repeating: 0, count: 28)
        mainMode[17] = 0x10
        mainMode[18] = 2
        #expect(MessageFacts(mainMode)?.opensSA == true)
        #expect(MessageFacts(Array(mainMode.prefix(27))) == nil)
    }
}
