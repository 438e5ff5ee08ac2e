import Foundation
import FuzzSupport
import IKECore
import IKECrypto
import IKEEngine

// A fresh responder session (the `ikec respond` side, facing the network) is fed up to
// four datagrams from one input: octet 0 picks IKEv2 (even) or IKEv1 main mode (odd);
// then each datagram is a two-octet big-endian length and that many octets. Every answer
// must be a typed action, and the session must stay readable afterwards.

/// The responder's configuration for `version`: PSK, X25519 (cheap enough to run per
/// input), one ESP Child SA.
func responderConfiguration(_ version: IKEVersion) -> IKEPeerConfiguration {
    var ike = Proposal(protocolID: .ike)
    ike.encryption = [Cipher(.aesCBC, keyBits: 256)]
    ike.prf = [.hmacSHA256]
    ike.integrity = [.hmacSHA256_128]
    ike.dhGroups = [.curve25519]
    var esp = Proposal(protocolID: .esp)
    esp.encryption = [Cipher(.aesGCM16, keyBits: 128)]
    let psk = SecretBytes(utf8: "fuzzing pre-shared key")
    let child = ChildConfiguration(
        name: "lan", protocolID: .esp, mode: .tunnel,
        localSelectors: [TrafficSelector(network: IPNetwork("10.2.0.0/16")!)],
        remoteSelectors: [TrafficSelector(network: IPNetwork("10.1.0.0/16")!)],
        proposals: [esp])
    return IKEPeerConfiguration(
        version: version, local: Endpoint(address: IPAddress("192.0.2.2")!),
        remote: Endpoint(address: IPAddress("192.0.2.1")!),
        localIdentity: .fqdn("hq.example.net"), remoteIdentity: .fqdn("branch.example.net"),
        ikeProposals: [ike], localAuthentication: .preSharedKey(psk),
        remoteAuthentication: .preSharedKey(psk), children: [child],
        validationTime: 1_735_689_600)
}

let configurations = [responderConfiguration(.v2), responderConfiguration(.v1)]

let status = runFuzzer { data, size in
    let bytes = fuzzInput(data, size)
    guard let selector = bytes.first else { return 0 }
    let configuration = configurations[Int(selector & 1)]
    guard
        let session = try? SessionFactory.makeSession(
            configuration: configuration, role: .responder, random: SeededRandom(seed: "fuzz"))
    else { preconditionFailure("the fuzzing configuration does not make a session") }

    var offset = 1
    var step = 0.0
    while step < 4, offset + 2 <= bytes.count {
        let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        let end = min(bytes.count, offset + 2 + length)
        let datagram = Datagram(
            source: configuration.remote, destination: configuration.local,
            message: Array(bytes[(offset + 2)..<end]))
        _ = session.receive(datagram, now: step)
        offset = end
        step += 1
    }
    _ = session.handle(.checkLiveness, now: step)
    _ = session.childSAs
    _ = session.transcript.map(\.summary)
    return 0
}
exit(status)
