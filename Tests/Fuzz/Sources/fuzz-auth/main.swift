import Foundation
import FuzzPeers
import FuzzSupport
import IKECore
import IKECrypto
import IKEEngine
import IKEWire

// The IKE_AUTH responder on arbitrary decrypted content. Anyone who completes
// IKE_SA_INIT (no credentials needed) can send an IKE_AUTH request whose SK payload opens
// correctly and holds anything at all; random datagrams never get past the integrity
// check, so this harness plays the initiator itself. A real initiator session makes the
// IKE_SA_INIT request; the harness recovers its X25519 private value, derives the IKE SA
// keys as RFC 7296 section 2.14 says, and seals the input as the inner payloads of the
// IKE_AUTH request (octet 0 names the first inner payload type), AES-GCM-256 per RFC 5282.

/// Remembers every draw, to recover the initiator's private value.
final class RecordingRandom: RandomSource, @unchecked Sendable {
    private let inner = SeededRandom(seed: "fuzz-auth/initiator")
    private(set) var draws: [[UInt8]] = []

    func bytes(_ count: Int) -> [UInt8] {
        let value = inner.bytes(count)
        draws.append(value)
        return value
    }
}

let gcm = Cipher(.aesGCM16, keyBits: 256)
/// For checking the harness: print what the responder made of each input.
let showsOutcome = ProcessInfo.processInfo.environment["IKEC_FUZZ_SHOW"] != nil
let initiatorConfiguration = FuzzPeers.configuration(.v2, responder: false, encryption: gcm)
let responderConfiguration = FuzzPeers.configuration(.v2, responder: true, encryption: gcm)

/// A responder that has answered IKE_SA_INIT, with what the initiator needs to seal and
/// authenticate its IKE_AUTH request.
struct Responded {
    let session: any IKESession
    let spis: [UInt8]
    let skEi: SecretBytes
    let skPi: SecretBytes
    let firstMessage: [UInt8]
    let responderNonce: [UInt8]
}

func respondedSession() throws -> Responded {
    let random = RecordingRandom()
    let initiator = try SessionFactory.makeSession(
        configuration: initiatorConfiguration, role: .initiator, random: random)
    let responder = try SessionFactory.makeSession(
        configuration: responderConfiguration, role: .responder,
        random: SeededRandom(seed: "fuzz-auth/responder"))
    guard case .send(let request)? = initiator.handle(.start, now: 0).first,
        case .send(let response)? = responder.receive(request, now: 0).first
    else { preconditionFailure("IKE_SA_INIT did not run") }

    let sent = try IKEv2Message(decoding: request.message)
    let answer = try IKEv2Message(decoding: response.message)
    func parts(_ message: IKEv2Message) -> (ke: [UInt8], nonce: [UInt8]) {
        var result: ([UInt8], [UInt8]) = ([], [])
        for payload in message.payloads {
            if case .keyExchange(let ke) = payload { result.0 = ke.keyData }
            if case .nonce(let nonce) = payload { result.1 = nonce.data }
        }
        return result
    }
    let (ourKE, ni) = parts(sent)
    let (theirKE, nr) = parts(answer)
    let pair = try random.draws.lazy.filter { $0.count == 32 }
        .compactMap { try? DHKeyPair(group: .curve25519, privateValue: SecretBytes($0)) }
        .first { $0.publicValue == ourKE }
        .unwrapped("the initiator's private value")
    let secret = try pair.sharedSecret(peerPublicValue: theirKE)

    var spis: [UInt8] = []
    for spi in [answer.header.initiatorSPI, answer.header.responderSPI] {
        for shift in stride(from: 56, through: 0, by: -8) {
            spis.append(UInt8(truncatingIfNeeded: spi >> UInt64(shift)))
        }
    }
    let prf = try PRF(.hmacSHA256)
    let skeyseed = try prf(key: SecretBytes(ni + nr), data: secret.revealed)
    // SK_d (32), SK_ai and SK_ar (none with AEAD), SK_ei and SK_er (key and salt, 36
    // each), SK_pi (32).
    let keys = try prf.plus(key: skeyseed, seed: ni + nr + spis, length: 32 + 72 + 32)
    return Responded(
        session: responder, spis: spis, skEi: keys.slice(32..<68), skPi: keys.slice(104..<136),
        firstMessage: request.message, responderNonce: nr)
}

/// The inner payloads with the AUTH payload's data made right for the IDi payload beside
/// it (RFC 7296 section 2.15, shared key), so that inputs with both get past
/// authentication to the Child SA; other inputs go as they are.
func authenticated(_ inner: [UInt8], first: UInt8, _ state: Responded) -> [UInt8] {
    guard
        var payloads = try? IKEv2PayloadChain.decode(
            inner, firstPayload: IKEv2PayloadType(rawValue: first)),
        let authIndex = payloads.firstIndex(where: {
            if case .authentication = $0 { return true }
            return false
        })
    else { return inner }
    var identity: IKEv2IdentificationPayload?
    for case .identificationInitiator(let id) in payloads { identity = id }
    guard let identity, let prf = try? PRF(.hmacSHA256),
        let macedID = try? prf(key: state.skPi.revealed, data: identity.bodyOctets),
        let padded = try? prf(
            key: Array("fuzzing pre-shared key".utf8), data: Array("Key Pad for IKEv2".utf8)),
        let mac = try? prf(key: padded, data: state.firstMessage + state.responderNonce + macedID)
    else { return inner }
    payloads[authIndex] = .authentication(IKEv2AuthenticationPayload(methodNumber: 2, data: mac))
    return (try? IKEv2PayloadChain.encode(payloads)) ?? inner
}

let status = runFuzzer { data, size in
    let bytes = fuzzInput(data, size)
    guard let first = bytes.first, let state = try? respondedSession(),
        let cipher = try? AEADCipher(gcm, keyMaterial: state.skEi)
    else { return 0 }
    let responder = state.session
    let spis = state.spis

    // RFC 5282 section 5.1: the SK payload carries IV | ciphertext | ICV; the plaintext
    // ends with a pad length octet (no padding for GCM); the AAD runs from the IKE header
    // to the end of the SK payload's generic header.
    let plaintext = authenticated(Array(bytes.dropFirst()), first: first, state) + [0]
    let skLength = 4 + 8 + plaintext.count + 16
    let total = 28 + skLength
    var header = spis + [46, 0x20, 35, 0x08, 0, 0, 0, 1]
    header += withUnsafeBytes(of: UInt32(total).bigEndian, Array.init)
    header += [first, 0, UInt8(skLength >> 8), UInt8(truncatingIfNeeded: skLength)]
    let iv: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 1]
    guard let sealed = try? cipher.seal(plaintext, additionalData: header, iv: iv) else {
        return 0
    }
    let request = Datagram(
        source: initiatorConfiguration.local, destination: responderConfiguration.local,
        message: header + iv + sealed)
    let actions = responder.receive(request, now: 1)
    if showsOutcome {
        print(actions)
        print(responder.transcript.map(\.summary))
    }
    _ = responder.childSAs
    _ = responder.transcript.map(\.summary)
    return 0
}
exit(status)

extension Optional {
    func unwrapped(_ what: String) throws -> Wrapped {
        guard let self else { throw FuzzSetupError(what: what) }
        return self
    }
}

struct FuzzSetupError: Error {
    let what: String
}
