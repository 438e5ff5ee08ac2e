// A libFuzzer harness for IKEWire's decoders. Not a package target: build it by hand from
// the repository root (IKECore first as a module, then IKEWire with this file):
//
//   mkdir -p /tmp/ikewire-fuzz && cd /tmp/ikewire-fuzz
//   swiftc -sanitize=fuzzer,address -parse-as-library -emit-module -emit-library -static \
//       -module-name IKECore $(find "$REPO/Sources/IKECore" -name '*.swift') -o libIKECore.a
//   swiftc -sanitize=fuzzer,address -parse-as-library -module-name IKEWire -I . \
//       $(find "$REPO/Sources/IKEWire" -name '*.swift') \
//       "$REPO/Tests/IKEWireTests/Fixtures/fuzz/IKEWireFuzz.swift" -L . -lIKECore -o fuzz
//   ./fuzz -max_total_time=60 corpus/
//
// It is compiled into the IKEWire module itself, so it reaches the same entry points the
// engine uses. A crash, trap or sanitizer report is a bug; thrown WireErrors are expected.
import IKECore

/// libFuzzer's entry point: decodes one input with every decoder and checks that what
/// decodes re-encodes to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let selector = bytes.first ?? 0

    if let message = try? IKEv2Message(decoding: bytes), let again = try? message.encode() {
        precondition((try? IKEv2Message(decoding: again)) == message, "IKEv2 re-encoding differs")
        _ = message.authenticatedPrefixLength
    }
    _ = try? IKEv2Message.authenticatedPrefixLength(of: bytes)
    let v2Chain = try? IKEv2PayloadChain.decode(
        Array(bytes.dropFirst()), firstPayload: IKEv2PayloadType(rawValue: selector))
    for case .securityAssociation(let sa) in v2Chain ?? [] {
        _ = sa.proposals.map { ($0.proposal, IKEv2SelectedProposal($0)) }
    }

    if let message = try? ISAKMPMessage(decoding: bytes), let again = try? message.encode() {
        precondition((try? ISAKMPMessage(decoding: again)) == message, "ISAKMP re-encoding differs")
    }
    let v1Chain = try? ISAKMPPayloadChain.decode(
        Array(bytes.dropFirst()), firstPayload: ISAKMPPayloadType(rawValue: selector),
        allowPadding: selector & 1 == 1)
    for payload in v1Chain ?? [] {
        switch payload {
        case .securityAssociation(let sa):
            _ = sa.proposals.map { ($0.phase1Transforms, $0.phase2Transforms) }
        case .identification(let id):
            _ = (id.trafficSelector, id.identification.identity)
        default:
            break
        }
    }
    return 0
}
