import Foundation
import FuzzPeers
import FuzzSupport
import IKECrypto
import IKEEngine

// A fresh responder session (the `ikec respond` side, facing the network) is fed up to
// four datagrams from one input: octet 0 picks IKEv2 (even) or IKEv1 main mode (odd);
// then each datagram is a two-octet big-endian length and that many octets. Every answer
// must be a typed action, and the session must stay readable afterwards.

let configurations = [
    FuzzPeers.configuration(.v2, responder: true),
    FuzzPeers.configuration(.v1, responder: true),
]

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
