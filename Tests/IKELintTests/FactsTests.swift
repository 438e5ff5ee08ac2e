import Foundation
import IKECore
import IKEPolicy
import Testing

@testable import IKELint

/// The helpers rules rely on: entropy estimates, proposal matching and selection, address
/// classes, dates, requirement tables.
@Suite struct FactsTests {
    @Test func randomTextKeysEstimateHighAndRepetitiveOnesLow() {
        #expect(SecretStrength.estimatedBits(Array("Kq3vZ8pL2xW7mN4bR9tY6uH1jF5dS0aQ".utf8)) > 150)
        #expect(SecretStrength.estimatedBits(Array(String(repeating: "a", count: 40).utf8)) < 64)
        #expect(SecretStrength.estimatedBits(Array("abcdefghijklmnopqrstuvwxyz".utf8)) < 64)
        #expect(SecretStrength.estimatedBits(Array("abababababababababababab".utf8)) < 64)
        #expect(SecretStrength.estimatedBits([]) == 0)
    }

    @Test func binaryKeysCountEightBitsPerUnpredictableOctet() {
        let octets: [UInt8] = [0x00, 0x9F, 0x31, 0xC4, 0x07, 0xEE, 0x52, 0x18]
        #expect(SecretStrength.estimatedBits(octets) == 64)
    }

    static func proposal(_ keywords: String) -> Proposal {
        var proposal = Proposal(protocolID: .ike)
        for keyword in keywords.split(separator: "-") {
            switch AlgorithmKeywords.transform(forKeyword: String(keyword)) {
            case .encryption(let cipher): proposal.encryption.append(cipher)
            case .prf(let prf): proposal.prf.append(prf)
            case .integrity(let integrity): proposal.integrity.append(integrity)
            case .dhGroup(let group): proposal.dhGroups.append(group)
            case .esn(let esn): proposal.esn.append(esn)
            case nil: Issue.record("unknown keyword \(keyword)")
            }
        }
        return proposal
    }

    @Test func responderWithOwnOrderPicksItsFirstMatchingProposal() {
        let offered = [
            Self.proposal("aes128gcm16-prfsha256-x25519"),
            Self.proposal("aes256gcm16-prfsha384-ecp384"),
        ]
        let responder = [
            Self.proposal("aes256gcm16-prfsha384-ecp384"),
            Self.proposal("aes128gcm16-prfsha256-x25519"),
        ]
        let ours = ProposalMatching.select(offered: offered, responder: responder, order: .ours)
        #expect(ours?.proposal.dhGroups == [.ecp384])
        #expect(ours?.offeredIndex == 1)
        let theirs = ProposalMatching.select(offered: offered, responder: responder, order: .theirs)
        #expect(theirs?.proposal.dhGroups == [.curve25519])
    }

    @Test func selectionFailsWithoutACommonProposal() {
        let offered = [Self.proposal("aes128-sha256-modp2048")]
        let responder = [Self.proposal("aes256gcm16-prfsha384-ecp384")]
        #expect(
            ProposalMatching.select(offered: offered, responder: responder, order: .ours) == nil)
        #expect(
            ProposalMatching.differences(offered[0], responder[0])
                == [.encryption, .prf, .integrity, .dhGroup])
    }

    @Test func coverageNeedsEveryChoiceOfTheLaterProposal() {
        let broad = Self.proposal("aes256gcm16-aes128gcm16-prfsha384-ecp384-ecp256")
        let narrow = Self.proposal("aes128gcm16-prfsha384-ecp256")
        #expect(ProposalMatching.covers(broad, narrow))
        #expect(!ProposalMatching.covers(narrow, broad))
    }

    @Test func privateAndSharedRangesAreRecognised() {
        for text in ["10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "fd00::1", "fe80::1"] {
            #expect(AddressFacts.isPrivate(IPAddress(text)!), "\(text)")
        }
        for text in ["198.51.100.1", "172.32.0.1", "2001:db8::1"] {
            #expect(!AddressFacts.isPrivate(IPAddress(text)!), "\(text)")
        }
    }

    @Test func calendarDatesAreUTC() {
        #expect(CalendarDate.text(Date(timeIntervalSince1970: 0)) == "1970-01-01")
        #expect(CalendarDate.text(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
        #expect(CalendarDate.text(Date(timeIntervalSince1970: 2_111_616_000)) == "2036-11-30")
    }

    @Test func strongestRequirementWinsAcrossTables() {
        // Blowfish: MUST NOT for ESP (RFC 8221) beats Deprecated (RFC 9395).
        let blowfish = Transform.encryption(Cipher(.blowfish, keyBits: 128))
        #expect(AlgorithmJudge.requirement(for: blowfish, use: .esp)?.level == .mustNot)
        #expect(AlgorithmJudge.requirement(for: blowfish, use: .ike)?.level == .deprecated)
        // 3DES: MAY for the IKE SA, SHOULD NOT for ESP.
        let tripleDES = Transform.encryption(Cipher(.tripleDES))
        #expect(AlgorithmJudge(profile: .default).verdict(for: tripleDES, use: .ike) == nil)
        #expect(
            AlgorithmJudge(profile: .default).verdict(for: tripleDES, use: .esp)?.severity
                == .warning)
        #expect(
            AlgorithmJudge(profile: .legacy).verdict(for: tripleDES, use: .esp)?.severity == .note)
    }

    @Test func durationsAndSizesReadNaturally() {
        #expect(Durations.text(5400) == "1h30m")
        #expect(Durations.text(86_400) == "1d")
        #expect(Durations.size(1 << 20) == "1 MiB")
        #expect(Durations.size(1000) == "1000 bytes")
    }
}
