import IKECore
import Testing

@testable import IKEWire

/// Feeds every decoder random octets, truncations and single-octet mutations of valid
/// encodings (fixed seed) and checks that each call either decodes, and then re-encodes
/// to something that decodes to the same value, or throws a `WireError` whose offset lies
/// inside the input. A trap anywhere ends the test process, which fails the run.
@Suite("Robustness against arbitrary input")
struct WireRobustnessTests {
    /// Outcomes of one run, so each test can check that both paths were exercised.
    struct Tally {
        var decoded = 0
        var rejected = 0
    }

    static let ikev2Types: [IKEv2PayloadType] =
        Samples.ikev2Payloads.map(\.type) + [
            .encrypted, .encryptedFragment, .none,
        ]
    static let isakmpTypes: [ISAKMPPayloadType] =
        Samples.isakmpPayloads.map(\.type) + [
            .proposal, .transform, .none,
        ]

    static func validEncodings() throws -> (v2: [[UInt8]], v1: [[UInt8]]) {
        var v2 = try Samples.ikev2Messages.map { try $0.encode() }
        v2 += [
            try Fixture.hex("ikev2-sa-init-request.hex"),
            try Fixture.hex("ikev2-sa-init-response.hex"),
        ]
        var v1 = try Samples.isakmpMessages.map { try $0.encode() }
        v1.append(try Fixture.hex("ikev1-main-mode-1.hex"))
        return (v2, v1)
    }

    // Records a rejection, checking that its offset points into the input. The checks in
    // these loops use `if` and `Issue.record` rather than `#expect`, whose bookkeeping
    // would dominate the run time over hundreds of thousands of calls.
    static func reject(_ error: WireError, count: Int, tally: inout Tally) {
        if error.offset < 0 || error.offset > count {
            Issue.record("offset outside the input of \(count) octets: \(error)")
        }
        tally.rejected += 1
    }

    static func same<T: Equatable>(_ first: T, _ second: T, _ what: String) {
        if first != second { Issue.record("\(what) changed after re-encoding") }
    }

    static func checkIKEv2(_ bytes: [UInt8], firstPayload: IKEv2PayloadType, tally: inout Tally) {
        do {
            let message = try IKEv2Message(decoding: bytes)
            same(try IKEv2Message(decoding: try message.encode()), message, "IKEv2 message")
            exerciseAccessors(message.payloads)
            let walked = try IKEv2Message.authenticatedPrefixLength(of: bytes)
            same(walked, message.authenticatedPrefixLength, "authenticated prefix")
            tally.decoded += 1
        } catch {
            reject(error, count: bytes.count, tally: &tally)
        }

        do {
            let chain = try IKEv2PayloadChain.decode(bytes, firstPayload: firstPayload)
            let reencoded = try IKEv2PayloadChain.encode(chain)
            same(
                try IKEv2PayloadChain.decode(reencoded, firstPayload: firstPayload), chain, "chain")
            exerciseAccessors(chain)
            tally.decoded += 1
        } catch {
            reject(error, count: bytes.count, tally: &tally)
        }

        if let error = wireError({ try IKEv2Header(decoding: bytes) }) {
            reject(error, count: bytes.count, tally: &tally)
        }
        if let error = wireError({ try IKEv2DigitalSignature(authenticationData: bytes) }) {
            reject(error, count: bytes.count, tally: &tally)
        }
    }

    static func checkISAKMP(
        _ bytes: [UInt8], firstPayload: ISAKMPPayloadType, padding: Bool, tally: inout Tally
    ) {
        do {
            let message = try ISAKMPMessage(decoding: bytes)
            same(try ISAKMPMessage(decoding: try message.encode()), message, "ISAKMP message")
            exerciseAccessors(message.payloads ?? [])
            tally.decoded += 1
        } catch {
            reject(error, count: bytes.count, tally: &tally)
        }

        do {
            let chain = try ISAKMPPayloadChain.decode(
                bytes, firstPayload: firstPayload, allowPadding: padding)
            let reencoded = try ISAKMPPayloadChain.encode(chain)
            same(
                try ISAKMPPayloadChain.decode(reencoded, firstPayload: firstPayload), chain, "chain"
            )
            exerciseAccessors(chain)
            tally.decoded += 1
        } catch {
            reject(error, count: bytes.count, tally: &tally)
        }

        if let error = wireError({
            try ISAKMPPayloadChain.payloadBodies(bytes, firstPayload: firstPayload)
        }) {
            reject(error, count: bytes.count, tally: &tally)
        }
    }

    // Every conversion accessor must return a value or nil, never trap.
    static func exerciseAccessors(_ payloads: [IKEv2Payload]) {
        for payload in payloads {
            switch payload {
            case .securityAssociation(let sa):
                for proposal in sa.proposals {
                    _ = proposal.proposal
                    _ = IKEv2SelectedProposal(proposal)
                }
            case .identificationInitiator(let id), .identificationResponder(let id):
                _ = id.identification.identity
            case .trafficSelectorInitiator(let ts), .trafficSelectorResponder(let ts):
                _ = ts.trafficSelectors
            case .notify(let notify):
                _ = (
                    notify.signatureHashAlgorithms, notify.acceptedGroupNumber,
                    notify.type.description
                )
            case .authentication(let auth):
                _ = try? IKEv2DigitalSignature(authenticationData: auth.data)
            case .certificate(let cert):
                _ = cert.hashAndURL
            case .certificateRequest(let request):
                _ = request.authorityKeyHashes
            default:
                break
            }
        }
    }

    static func exerciseAccessors(_ payloads: [ISAKMPPayload]) {
        for payload in payloads {
            switch payload {
            case .securityAssociation(let sa):
                for proposal in sa.proposals {
                    _ = (proposal.phase1Transforms, proposal.phase2Transforms)
                    _ = proposal.phase2Transforms.map { $0.cipher(for: .esp) }
                }
            case .identification(let id):
                _ = (id.identification.identity, id.trafficSelector)
            case .notification(let notification):
                _ = try? notification.responderLifetimeAttributes()
                _ = notification.dpdSequenceNumber
            case .natOriginalAddress(let oa):
                _ = oa.address
            default:
                break
            }
        }
    }

    @Test("20,000 random octet strings give a message or a typed error in every decoder")
    func randomInput() {
        var random = SplitMix64(seed: 0x1CEC_0001)
        var tally = Tally()
        for round in 0..<20_000 {
            var bytes = random.bytes(Int.random(in: 0...320, using: &random))
            // Every other round, give the random body a plausible header so the payload
            // decoders behind the header checks are reached too.
            if round % 2 == 1, bytes.count >= 28 {
                bytes[17] = round % 4 == 1 ? 0x20 : 0x10
                IKEv2Header.patchLength(UInt32(bytes.count), in: &bytes)
            }
            let v2First = Self.ikev2Types[round % Self.ikev2Types.count]
            let v1First = Self.isakmpTypes[round % Self.isakmpTypes.count]
            Self.checkIKEv2(bytes, firstPayload: v2First, tally: &tally)
            Self.checkISAKMP(bytes, firstPayload: v1First, padding: round % 3 == 0, tally: &tally)
        }
        #expect(tally.rejected > 0)
        #expect(tally.decoded > 0)
    }

    @Test("every truncation of every valid encoding is rejected with a typed error")
    func truncations() throws {
        let (v2, v1) = try Self.validEncodings()
        var tally = Tally()
        for octets in v2 {
            for length in 0..<octets.count {
                var cut = Array(octets.prefix(length))
                Self.checkIKEv2(cut, firstPayload: .securityAssociation, tally: &tally)
                if length >= 28 {
                    IKEv2Header.patchLength(UInt32(length), in: &cut)
                    Self.checkIKEv2(cut, firstPayload: .securityAssociation, tally: &tally)
                }
            }
        }
        for octets in v1 {
            for length in 0..<octets.count {
                var cut = Array(octets.prefix(length))
                Self.checkISAKMP(
                    cut, firstPayload: .securityAssociation, padding: true, tally: &tally)
                if length >= 28 {
                    ISAKMPHeader.patchLength(UInt32(length), in: &cut)
                    Self.checkISAKMP(
                        cut, firstPayload: .securityAssociation, padding: false, tally: &tally)
                }
            }
        }
        #expect(tally.rejected > 1_000)
    }

    @Test("20,000 single-octet mutations of valid encodings decode or fail with typed errors")
    func mutations() throws {
        let (v2, v1) = try Self.validEncodings()
        let v2Chain = try IKEv2PayloadChain.encode(Samples.ikev2Payloads)
        let v1Chain = try ISAKMPPayloadChain.encode(Samples.isakmpPayloads)
        var random = SplitMix64(seed: 0x1CEC_0002)
        var tally = Tally()
        for round in 0..<20_000 {
            func mutate(_ octets: [UInt8]) -> [UInt8] {
                var copy = octets
                let index = Int.random(in: 0..<copy.count, using: &random)
                copy[index] = UInt8.random(in: 0...255, using: &random)
                return copy
            }
            // Rotate over the four kinds of input, 5,000 mutations each.
            switch round % 4 {
            case 0:
                Self.checkIKEv2(
                    mutate(v2[round / 4 % v2.count]), firstPayload: .securityAssociation,
                    tally: &tally)
            case 1:
                Self.checkISAKMP(
                    mutate(v1[round / 4 % v1.count]), firstPayload: .securityAssociation,
                    padding: false, tally: &tally)
            case 2:
                Self.checkIKEv2(
                    mutate(v2Chain), firstPayload: Samples.ikev2Payloads[0].type, tally: &tally)
            default:
                Self.checkISAKMP(
                    mutate(v1Chain), firstPayload: Samples.isakmpPayloads[0].type, padding: true,
                    tally: &tally)
            }
        }
        #expect(tally.decoded > 1_000)
        #expect(tally.rejected > 1_000)
    }
}
