import IKECore
import IKEEngine
import IKETransport
import Testing

@Suite("UDPTransport")
struct UDPTransportTests {
    let zero = TransportPorts(ike: 0, natTraversal: 0)

    @Test func anUnspecifiedAddressIsRefused() {
        let error = #expect(throws: TransportError.self) {
            try UDPTransport(localAddress: IPAddress("0.0.0.0")!, localPorts: zero)
        }
        #expect(error?.code == .invalidEndpoint)
    }

    @Test func anAddressNotOnThisHostIsUnavailable() {
        let error = #expect(throws: TransportError.self) {
            try UDPTransport(localAddress: IPAddress("192.0.2.254")!, localPorts: zero)
        }
        #expect(error?.code == .addressUnavailable)
        #expect(error?.systemError != nil)
    }

    @Test func aTakenPortIsInUse() throws {
        let first = try UDPTransport(localAddress: IPAddress("127.0.0.1")!, localPorts: zero)
        let error = #expect(throws: TransportError.self) {
            try UDPTransport(
                localAddress: IPAddress("127.0.0.1")!,
                localPorts: TransportPorts(ike: first.localPorts.ike, natTraversal: 0))
        }
        #expect(error?.code == .addressInUse)
    }

    @Test func portsMapBetweenLogicalAndReal() {
        let ports = TransportPorts(ike: 40_500, natTraversal: 44_500)
        #expect(ports.real(500) == 40_500 && ports.real(4500) == 44_500 && ports.real(9) == 9)
        #expect(ports.logical(40_500) == 500 && ports.logical(44_500) == 4500)
        #expect(TransportPorts.standard.real(4500) == 4500)
    }

    @Test func ikeOnTheNATTraversalPortCarriesTheMarkerOnTheWire() throws {
        let address = IPAddress("127.0.0.1")!
        let receiver = try UDPTransport(localAddress: address, localPorts: zero)
        let sender = try UDPTransport(
            localAddress: address, localPorts: zero, remotePorts: receiver.localPorts)
        receiver.remotePorts = sender.localPorts
        var records: [TransportRecord] = []
        receiver.observer = { records.append($0) }

        let message = [UInt8](repeating: 0x22, count: 40)
        try sender.send(
            Datagram(
                source: Endpoint(address: address, port: 4500),
                destination: Endpoint(address: address, port: 4500), message: message))
        var received: [ReceivedDatagram] = []
        for _ in 0..<100 where received.isEmpty {
            received = try receiver.receive(timeout: 0.02)
        }
        #expect(records.first?.payload == [0, 0, 0, 0] + message)
        #expect(
            received == [
                .ike(
                    Datagram(
                        source: Endpoint(address: address, port: 4500),
                        destination: Endpoint(address: address, port: 4500), message: message))
            ])
    }

    @Test func aDatagramFromAnotherAddressIsRefused() throws {
        let transport = try UDPTransport(localAddress: IPAddress("127.0.0.1")!, localPorts: zero)
        let error = #expect(throws: TransportError.self) {
            try transport.send(
                Datagram(
                    source: Endpoint(address: IPAddress("127.0.0.2")!),
                    destination: Endpoint(address: IPAddress("127.0.0.1")!), message: [1]))
        }
        #expect(error?.code == .invalidEndpoint)
    }
}
