import IKECore
import IKEEngine

/// Two UDP sockets on one local address: the IKE port and the NAT traversal port, where
/// IKE (behind the non-ESP marker), ESP in UDP and NAT-keepalives share one socket
/// (RFC 3948).
///
/// The transport speaks the engine's logical ports (500 and 4500) on both sides and maps
/// them to real ports with `localPorts` and `remotePorts`. It keeps no protocol state:
/// `TransportLoop` adds sessions, timers and tunnels.
public final class UDPTransport {
    /// Our address.
    public let localAddress: IPAddress
    /// The real ports we are bound to (the kernel's choice where 0 was asked for).
    public let localPorts: TransportPorts
    /// The real ports the peers listen on.
    public var remotePorts: TransportPorts
    /// Told about every datagram sent and received, for captures.
    public var observer: ((TransportRecord) -> Void)?

    private let ikeSocket: UDPSocket
    private let natTraversalSocket: UDPSocket

    /// Binds both ports on `localAddress`. A port of 0 lets the kernel choose (tests);
    /// errors as the system gives them (`addressUnavailable` when the address is not on
    /// this host, `addressInUse`, `permissionDenied` below 1024 without privileges).
    public init(
        localAddress: IPAddress, localPorts: TransportPorts = .standard,
        remotePorts: TransportPorts = .standard
    ) throws(TransportError) {
        let ike = try UDPSocket(binding: Endpoint(address: localAddress, port: localPorts.ike))
        let natTraversal = try UDPSocket(
            binding: Endpoint(address: localAddress, port: localPorts.natTraversal))
        self.localAddress = localAddress
        self.localPorts = TransportPorts(
            ike: ike.localEndpoint.port, natTraversal: natTraversal.localEndpoint.port)
        self.remotePorts = remotePorts
        self.ikeSocket = ike
        self.natTraversalSocket = natTraversal
    }

    /// Our endpoint for a logical port.
    public func localEndpoint(port logical: UInt16) -> Endpoint {
        Endpoint(address: localAddress, port: logical)
    }

    /// Sends an IKE message the engine produced; the marker is added on the NAT-T port.
    /// `invalidEndpoint` when the datagram's source is not ours.
    public func send(_ datagram: Datagram) throws(TransportError) {
        try send(datagram.udpPayload, from: datagram.source, to: datagram.destination)
    }

    /// Sends an ESP packet in UDP from our NAT-T port to `destination` (RFC 3948 section
    /// 2.1); `malformedDatagram` for a packet whose SPI could pass for the marker.
    public func sendESP(_ packet: [UInt8], to destination: Endpoint) throws(TransportError) {
        let payload: [UInt8]
        do {
            payload = try UDPEncapsulation.frameESP(packet)
        } catch {
            throw TransportError(.malformedDatagram, error.description)
        }
        try send(payload, from: localEndpoint(port: Endpoint.natTraversalPort), to: destination)
    }

    /// Sends a NAT-keepalive from our NAT-T port (RFC 3948 section 2.3).
    public func sendKeepalive(to destination: Endpoint) throws(TransportError) {
        try send(
            UDPEncapsulation.natKeepalive, from: localEndpoint(port: Endpoint.natTraversalPort),
            to: destination)
    }

    /// Waits up to `timeout` seconds for datagrams and returns all that are waiting, each
    /// classified, with logical ports. Empty when the time ran out.
    public func receive(timeout: Double) throws(TransportError) -> [ReceivedDatagram] {
        let sockets = [ikeSocket, natTraversalSocket]
        let ready = try Poller.readable(sockets.map(\.descriptor), timeout: timeout)
        var received: [ReceivedDatagram] = []
        for socket in sockets where ready.contains(socket.descriptor) {
            while let (payload, source) = try socket.receive() {
                observer?(
                    TransportRecord(
                        direction: .received, source: source, destination: socket.localEndpoint,
                        payload: payload,
                        microsecondsSinceEpoch: SystemClock.microsecondsSinceEpoch()))
                let logicalSource = Endpoint(
                    address: source.address, port: remotePorts.logical(source.port))
                let logicalDestination = localEndpoint(
                    port: localPorts.logical(socket.localEndpoint.port))
                received.append(
                    DatagramDemultiplexer.classify(
                        payload, source: logicalSource, destination: logicalDestination))
            }
        }
        return received
    }

    private func send(_ payload: [UInt8], from source: Endpoint, to destination: Endpoint)
        throws(TransportError)
    {
        guard source.address == localAddress else {
            throw TransportError(
                .invalidEndpoint, "a datagram from \(source) cannot leave \(localAddress)")
        }
        guard destination.address.isIPv4 == localAddress.isIPv4 else {
            throw TransportError(
                .invalidEndpoint, "\(destination) is not of the family of \(localAddress)")
        }
        let socket = source.port == Endpoint.natTraversalPort ? natTraversalSocket : ikeSocket
        let real = Endpoint(address: destination.address, port: remotePorts.real(destination.port))
        try socket.send(payload, to: real)
        observer?(
            TransportRecord(
                direction: .sent, source: socket.localEndpoint, destination: real,
                payload: payload, microsecondsSinceEpoch: SystemClock.microsecondsSinceEpoch()))
    }
}
