import Foundation
import IKECore
import IKECrypto
import IKEEngine

/// Configurations and helpers shared by the engine tests.
enum TestSupport {
    static let initiatorAddress = IPAddress("192.0.2.1")!
    static let responderAddress = IPAddress("192.0.2.2")!
    /// 2025-01-01, inside the fixtures' validity.
    static let validationTime: Double = 1_735_689_600

    static func ike(_ keywords: String) -> Proposal {
        proposal(keywords, .ike)
    }

    static func esp(_ keywords: String) -> Proposal {
        proposal(keywords, .esp)
    }

    /// A proposal from strongSwan keywords.
    static func proposal(_ keywords: String, _ protocolID: SecurityProtocol) -> Proposal {
        var result = Proposal(protocolID: protocolID)
        for word in keywords.split(separator: "-") {
            guard let transform = AlgorithmKeywords.transform(forKeyword: String(word))
            else { fatalError("unknown keyword \(word)") }
            switch transform {
            case .encryption(let cipher): result.encryption.append(cipher)
            case .prf(let prf): result.prf.append(prf)
            case .integrity(let integrity): result.integrity.append(integrity)
            case .dhGroup(let group): result.dhGroups.append(group)
            case .esn(let esn): result.esn.append(esn)
            }
        }
        return result
    }

    static func network(_ text: String) -> TrafficSelector {
        TrafficSelector(network: IPNetwork(text)!)
    }

    /// A child named `lan` between 10.1.0.0/16 and 10.2.0.0/16, from the side given.
    static func child(
        initiatorSide: Bool, proposals: [Proposal] = [esp("aes256gcm16")],
        mode: IPsecMode = .tunnel, name: String = "lan", local: String? = nil,
        remote: String? = nil
    ) -> ChildConfiguration {
        let ours = local ?? (initiatorSide ? "10.1.0.0/16" : "10.2.0.0/16")
        let theirs = remote ?? (initiatorSide ? "10.2.0.0/16" : "10.1.0.0/16")
        return ChildConfiguration(
            name: name, protocolID: .esp, mode: mode, localSelectors: [network(ours)],
            remoteSelectors: [network(theirs)], proposals: proposals)
    }

    /// A pair of PSK configurations that agree.
    static func pskPair(
        ike: [Proposal] = [TestSupport.ike("aes256gcm16-prfsha384-x25519")],
        esp: [Proposal] = [TestSupport.esp("aes256gcm16")],
        psk: String = "correct horse battery staple"
    ) -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        let initiator = IKEPeerConfiguration(
            version: .v2, local: Endpoint(address: initiatorAddress),
            remote: Endpoint(address: responderAddress),
            localIdentity: .fqdn("branch.example.net"), remoteIdentity: .fqdn("hq.example.net"),
            ikeProposals: ike, localAuthentication: .preSharedKey(SecretBytes(utf8: psk)),
            remoteAuthentication: .preSharedKey(SecretBytes(utf8: psk)),
            children: [child(initiatorSide: true, proposals: esp)], validationTime: validationTime)
        let responder = IKEPeerConfiguration(
            version: .v2, local: Endpoint(address: responderAddress),
            remote: Endpoint(address: initiatorAddress),
            localIdentity: .fqdn("hq.example.net"), remoteIdentity: .fqdn("branch.example.net"),
            ikeProposals: ike, localAuthentication: .preSharedKey(SecretBytes(utf8: psk)),
            remoteAuthentication: .preSharedKey(SecretBytes(utf8: psk)),
            children: [child(initiatorSide: false, proposals: esp)], validationTime: validationTime)
        return (initiator, responder)
    }

    /// A loopback between two configurations with seeded randomness.
    static func loopback(
        _ initiator: IKEPeerConfiguration, _ responder: IKEPeerConfiguration,
        seed: String = "test"
    ) throws -> LoopbackExchange {
        try LoopbackExchange(
            initiator: initiator, responder: responder,
            initiatorRandom: SeededRandom(seed: seed + "/initiator"),
            responderRandom: SeededRandom(seed: seed + "/responder"))
    }

    /// The fixtures folder.
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures")
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}

extension LoopbackExchange.Outcome {
    /// The failures of one side.
    func failures(of role: IKERole) -> [NegotiationFailure] {
        (role == .initiator ? initiatorActions : responderActions).compactMap {
            if case .failed(let failure) = $0 { return failure }
            return nil
        }
    }

    /// The Child SAs one side established in the run.
    func children(of role: IKERole) -> [ChildSA] {
        (role == .initiator ? initiatorActions : responderActions).compactMap {
            if case .childSAEstablished(let child) = $0 { return child }
            return nil
        }
    }
}
