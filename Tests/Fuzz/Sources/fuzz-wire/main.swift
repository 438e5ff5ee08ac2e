import Foundation
import FuzzSupport
import IKEWire

// Whole IKEv2 and ISAKMP messages, then payload chains as they are decoded after
// decryption (the first octet names the first payload type). Whatever decodes must encode
// again and decode to the same value.
let status = runFuzzer { data, size in
    let bytes = fuzzInput(data, size)

    if let message = try? IKEv2Message(decoding: bytes), let again = try? message.encode() {
        precondition((try? IKEv2Message(decoding: again)) == message, "IKEv2 round trip")
    }
    if let message = try? ISAKMPMessage(decoding: bytes), let again = try? message.encode() {
        precondition((try? ISAKMPMessage(decoding: again)) == message, "ISAKMP round trip")
    }

    guard let first = bytes.first else { return 0 }
    let chain = Array(bytes.dropFirst())
    let v2Type = IKEv2PayloadType(rawValue: first)
    if let payloads = try? IKEv2PayloadChain.decode(chain, firstPayload: v2Type) {
        _ = try? IKEv2PayloadChain.encode(payloads)
    }
    let v1Type = ISAKMPPayloadType(rawValue: first)
    _ = try? ISAKMPPayloadChain.decode(chain, firstPayload: v1Type, allowPadding: true)
    return 0
}
exit(status)
