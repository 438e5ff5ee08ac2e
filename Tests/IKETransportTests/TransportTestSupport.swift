import IKECore
import IKECrypto
import IKEEngine
import IKETransport

/// Two peers on one loopback address, each with its own loop and real ports chosen by the
/// kernel, mapped to the logical 500 and 4500 the engine speaks.
final class LoopbackPeers {
    let initiatorLoop: TransportLoop
    let responderLoop: TransportLoop
    let initiatorID: SessionID
    var initiatorRecords: [TransportRecord] = []
    var responderRecords: [TransportRecord] = []
    var initiatorEvents: [TransportEvent] = []
    var responderEvents: [TransportEvent] = []
    var responderSessions: [SessionID] = []

    /// Binds both transports on `address`, makes an initiator session with a PSK
    /// configuration, and an acceptor that answers with the matching responder one.
    init(
        address: IPAddress, retransmission: RetransmissionPolicy = RetransmissionPolicy(),
        keepaliveInterval: Double? = nil, initiatorPeerPorts: TransportPorts? = nil,
        esp: [Proposal] = [TransportTestSupport.proposal("aes128gcm16", .esp)]
    ) throws {
        let zero = TransportPorts(ike: 0, natTraversal: 0)
        let responderTransport = try UDPTransport(localAddress: address, localPorts: zero)
        let initiatorTransport = try UDPTransport(
            localAddress: address, localPorts: zero,
            remotePorts: initiatorPeerPorts ?? responderTransport.localPorts)
        responderTransport.remotePorts = initiatorTransport.localPorts

        let (initiatorConfiguration, responderConfiguration) = TransportTestSupport.pskPair(
            address: address, esp: esp)
        initiatorLoop = TransportLoop(
            transport: initiatorTransport, random: SystemRandom(),
            retransmission: retransmission, keepaliveInterval: keepaliveInterval)
        responderLoop = TransportLoop(
            transport: responderTransport, random: SystemRandom(),
            retransmission: retransmission, keepaliveInterval: keepaliveInterval)
        let session = try SessionFactory.makeSession(
            configuration: initiatorConfiguration, role: .initiator, random: SystemRandom())
        initiatorID = initiatorLoop.add(session)
        responderLoop.acceptor = { _ in
            try? SessionFactory.makeSession(
                configuration: responderConfiguration, role: .responder, random: SystemRandom())
        }
        initiatorTransport.observer = { [unowned self] in initiatorRecords.append($0) }
        responderTransport.observer = { [unowned self] in responderRecords.append($0) }
    }

    /// Starts the initiator.
    func start() throws {
        initiatorEvents += try initiatorLoop.handle(.start, for: initiatorID)
    }

    /// Polls both loops in turn until `isDone` or `seconds` pass; the responder is left
    /// alone while `responderSilentUntil` (on the monotonic clock) lies ahead.
    @discardableResult
    func run(
        seconds: Double, responderSilentUntil: Double = 0, isDone: (LoopbackPeers) -> Bool
    ) throws -> Bool {
        let deadline = SystemClock.monotonic() + seconds
        while SystemClock.monotonic() < deadline {
            if isDone(self) { return true }
            initiatorEvents += try initiatorLoop.poll(timeout: 0.005)
            if SystemClock.monotonic() >= responderSilentUntil {
                for event in try responderLoop.poll(timeout: 0.005) {
                    if case .accepted(let id, _) = event { responderSessions.append(id) }
                    responderEvents.append(event)
                }
            }
        }
        return isDone(self)
    }

    var initiator: any IKESession { initiatorLoop.sessions[initiatorID]! }

    var responder: (any IKESession)? {
        responderSessions.first.flatMap { responderLoop.sessions[$0] }
    }

    /// Whether both sides hold the IKE SA and `children` Child SAs.
    func established(children: Int = 1) -> Bool {
        initiator.isEstablished && initiator.childSAs.count == children
            && responder?.isEstablished == true && responder?.childSAs.count == children
    }
}

enum TransportTestSupport {
    static func proposal(_ keywords: String, _ protocolID: SecurityProtocol) -> Proposal {
        var result = Proposal(protocolID: protocolID)
        for word in keywords.split(separator: "-") {
            switch AlgorithmKeywords.transform(forKeyword: String(word)) {
            case .encryption(let cipher): result.encryption.append(cipher)
            case .prf(let prf): result.prf.append(prf)
            case .integrity(let integrity): result.integrity.append(integrity)
            case .dhGroup(let group): result.dhGroups.append(group)
            case .esn(let esn): result.esn.append(esn)
            case nil: preconditionFailure("the tests name only known keywords: \(word)")
            }
        }
        return result
    }

    static let initiatorInner = IPAddress("10.1.0.1")!
    static let responderInner = IPAddress("10.2.0.1")!

    /// PSK configurations for two peers on one address that force UDP encapsulation, as
    /// strongSwan's kernel-libipsec does.
    static func pskPair(address: IPAddress, esp: [Proposal])
        -> (IKEPeerConfiguration, IKEPeerConfiguration)
    {
        let endpoint = Endpoint(address: address)
        let psk = SecretBytes(utf8: "transport test key")
        let ike = [proposal("aes128gcm16-prfsha256-x25519", .ike)]
        func child(_ local: IPAddress, _ remote: IPAddress) -> ChildConfiguration {
            ChildConfiguration(
                name: "lan",
                localSelectors: [TrafficSelector(startAddress: local, endAddress: local)],
                remoteSelectors: [TrafficSelector(startAddress: remote, endAddress: remote)],
                proposals: esp)
        }
        let initiator = IKEPeerConfiguration(
            version: .v2, local: endpoint, remote: endpoint, localIdentity: .fqdn("a.example"),
            remoteIdentity: .fqdn("b.example"), ikeProposals: ike,
            localAuthentication: .preSharedKey(psk), remoteAuthentication: .preSharedKey(psk),
            children: [child(initiatorInner, responderInner)], forceUDPEncapsulation: true,
            validationTime: 1_735_689_600)
        let responder = IKEPeerConfiguration(
            version: .v2, local: endpoint, remote: endpoint, localIdentity: .fqdn("b.example"),
            remoteIdentity: .fqdn("a.example"), ikeProposals: ike,
            localAuthentication: .preSharedKey(psk), remoteAuthentication: .preSharedKey(psk),
            children: [child(responderInner, initiatorInner)], forceUDPEncapsulation: true,
            validationTime: 1_735_689_600)
        return (initiator, responder)
    }
}
