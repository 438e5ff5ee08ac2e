import Foundation
import IKECore
import IKEDiagnostics
import IKEEngine
import IKEPolicy
import Testing

@testable import IKEPlan

@Suite struct NegotiationTests {
    /// 2030-01-01, inside the demo PKI's validity.
    static let time: Double = 1_893_456_000

    static func run(
        _ a: CheckedPolicy, _ b: CheckedPolicy, seed: String? = "negotiation tests",
        initiators: [NegotiationOptions.Initiator] = [.a, .b]
    ) throws -> NegotiationReport {
        try Negotiation.run(
            try PolicyPairer.pair(a, b),
            options: NegotiationOptions(initiators: initiators, seed: seed, validationTime: time))
    }

    @Test func aMatchingPairIsVerifiedInBothDirections() throws {
        let report = try Self.run(try TestSupport.hq(), try TestSupport.branch())
        #expect(report.verified)
        for direction in report.directions {
            #expect(direction.status == .verified)
            let sa = try #require(direction.ikeSA)
            #expect(sa.keysAgree && sa.proposalsAgree)
            #expect(sa.fingerprint.count == 8)
            let child = try #require(direction.children.first)
            #expect(child.keysMirrored && child.parametersAgree)
            #expect(direction.checks.map(\.result).allSatisfy { $0 == .passed })
            #expect(
                direction.checks.map(\.name) == [
                    "phase 1", "authentication", "IKE SA keys", "phase 2 'lan'",
                    "packet check 'lan'", "rekey of Child SA 'lan'", "IKE SA rekey",
                ])
            #expect(direction.rekeys.count == 2)
            #expect(direction.rekeys.allSatisfy { $0.failures.isEmpty })
        }
    }

    @Test func aSeedMakesTheRunRepeatable() throws {
        let hq = try TestSupport.hq()
        let branch = try TestSupport.branch()
        let first = NegotiationJSONRenderer.render(try Self.run(hq, branch)).serialized()
        let second = NegotiationJSONRenderer.render(try Self.run(hq, branch)).serialized()
        #expect(first == second)
        let unseeded = try Self.run(hq, branch, seed: nil)
        let again = try Self.run(hq, branch, seed: nil)
        #expect(unseeded.directions[0].ikeSA?.fingerprint != again.directions[0].ikeSA?.fingerprint)
    }

    @Test func noKeyOrSecretReachesTheReport() throws {
        let report = try Self.run(try TestSupport.hq(), try TestSupport.branch())
        let text = NegotiationTextRenderer.render(report)
        let json = NegotiationJSONRenderer.render(report).serialized()
        var secrets = ["aCorrectHorseBatteryStapleKey2025x"]
        for direction in report.directions {
            let sa = try #require(direction.ikeSA)
            secrets += sa.initiatorSummary.keys.named.map { $0.key.revealed.hexString }
            for child in direction.children {
                secrets.append(child.initiatorView.keys.outboundEncryptionKey.revealed.hexString)
            }
        }
        for secret in secrets where !secret.isEmpty {
            #expect(!text.contains(secret) && !json.contains(secret))
            // Not even a fragment as long as a fingerprint.
            #expect(!json.contains(String(secret.prefix(16))))
        }
    }

    @Test func aFailureNamesPhaseExchangeNotifyAndRefusingEnd() throws {
        let report = try Self.run(
            try TestSupport.hq(),
            try TestSupport.branch(phase1: "[aes256gcm16-prfsha384-modp2048]"),
            initiators: [.a])
        let direction = try #require(report.directions.first)
        #expect(direction.status == .failed)
        let failure = try #require(direction.failures.first)
        #expect(failure.failure.phase == .ikeSA && failure.failure.exchange == "IKE_SA_INIT")
        #expect(failure.failure.notify?.name == "NO_PROPOSAL_CHOSEN")
        #expect(failure.refusedBy == "branch")
        #expect(
            failure.nearestMiss?.summary
                == "proposals differ only in the DH group: ecp384 vs modp2048")
        #expect(failure.changes.first?.replacement == "aes256gcm16-prfsha384-modp2048-ecp384")
        #expect(direction.disagreements.isEmpty)
    }

    @Test func aPlanThatDisagreesWithTheEngineIsReportedAsABug() throws {
        // The plan of one pair, the engine run with another's configurations.
        let planned = try PolicyPairer.pair(try TestSupport.hq(), try TestSupport.branch())
        let actual = try PolicyPairer.pair(
            try TestSupport.hq(phase1: "[aes128gcm16-prfsha256-x25519]"),
            try TestSupport.branch(phase1: "[aes128gcm16-prfsha256-x25519]"))
        let plan = Planner.plan(planned).connections[0]
        let profiles = actual.profiles
        let runner = DirectionRunner(
            plan: plan.directions[0], initiator: profiles.a, responder: profiles.b,
            initiatorConfiguration: try ConfigurationTranslator.configuration(
                for: actual.a, profile: profiles.a, endpoints: actual.endpoints,
                validationTime: Self.time),
            responderConfiguration: try ConfigurationTranslator.configuration(
                for: actual.b, profile: profiles.b, endpoints: actual.endpoints.reversed,
                validationTime: Self.time),
            options: NegotiationOptions(seed: "x", validationTime: Self.time))
        let run = runner.run()
        #expect(run.status == .disagreement)
        #expect(
            run.disagreements.first
                == "phase 1: the plan selects aes256gcm16-prfsha384-ecp384, the engine "
                + "aes128gcm16-prfsha256-curve25519")
        let report = NegotiationReport(
            a: profiles.a, b: profiles.b, matches: (.identityAndAddress, .identityAndAddress),
            seed: "x", validationTime: Self.time, directions: [run])
        #expect(
            NegotiationTextRenderer.render(report).contains(
                "internal disagreement between plan and engine: phase 1:"))
    }

    @Test func aBrokenKeyFailsThePacketCheck() throws {
        let report = try Self.run(try TestSupport.hq(), try TestSupport.branch(), initiators: [.a])
        let direction = try #require(report.directions.first)
        let child = try #require(direction.children.first)
        var tampered = child.responderView
        var keys = tampered.keys
        var bytes = keys.inboundEncryptionKey.revealed
        bytes[0] ^= 0x01
        keys.inboundEncryptionKey = SecretBytes(bytes)
        tampered.keys = keys
        let broken = AgreementBuilder.child(child.initiatorView, tampered)
        #expect(!broken.keysMirrored)
        let check = PacketCheck(
            initiatorAddress: IPAddress("198.51.100.1")!,
            responderAddress: IPAddress("203.0.113.7")!,
            random: CountingRandom())
        let result = check.run(broken, initiator: "hq", responder: "branch")
        #expect(!result.passed)
        #expect(result.detail.contains("authentication-failed"))
    }

    @Test func theCaptureHoldsEveryDatagramAndTestPacket() throws {
        let report = try Self.run(try TestSupport.hq(), try TestSupport.branch(), initiators: [.a])
        let direction = try #require(report.directions.first)
        let pcap = try NegotiationCapture.pcap(report)
        // Every message of the transcript, and a request and a reply per Child SA checked.
        #expect(pcap.records.count == direction.transcript.count + 4)
        let tables = NegotiationCapture.keyTables(report)
        #expect(tables.ikev2.count == 2)
        #expect(tables.esp.count == 4)
    }

    @Test func anIKEv1PairIsVerifiedWithResponderLifetime() throws {
        let report = try Self.run(
            try TestSupport.example("ikev1-lifetime", "hq.yaml"),
            try TestSupport.example("ikev1-lifetime", "partner.yaml"))
        #expect(report.verified)
        let direction = try #require(report.directions.first)
        #expect(direction.ikeSA?.keyNames == ["SKEYID", "SKEYID_d", "SKEYID_a", "SKEYID_e", "Ka"])
        let announced = direction.transcript.filter {
            $0.payloads.contains { $0.contains("N(RESPONDER-LIFETIME)") }
        }
        #expect(announced.map(\.exchange) == ["Main Mode", "Quick Mode", "Quick Mode"])
    }

    @Test func anIKEv1ModeMismatchGoesUnansweredAsPlanned() throws {
        let hq = try TestSupport.hq(
            phase1: "[aes256-sha256-modp3072]", phase2: "[aes256-sha256-modp3072]", ike: "v1",
            phase1Extra: "      mode: aggressive\n")
        let branch = try TestSupport.branch(
            phase1: "[aes256-sha256-modp3072]", phase2: "[aes256-sha256-modp3072]", ike: "v1")
        let report = try Self.run(hq, branch)
        for direction in report.directions {
            #expect(direction.status == .failed)
            #expect(direction.disagreements.isEmpty)
            #expect(direction.failures.first?.failure.code == .noResponse)
        }
    }

    @Test func aVersionMismatchIsRunAndTheFirstMessageGoesUnanswered() throws {
        let report = try Self.run(
            try TestSupport.example("version-mismatch", "hq.yaml"),
            try TestSupport.example("version-mismatch", "branch.yaml"))
        for direction in report.directions {
            #expect(direction.status == .failed)
            #expect(direction.transcript.count == 1)
            #expect(direction.failures.first?.failure.code == .unsupportedVersion)
        }
    }
}

/// Predictable octets for IVs in tests (never for keys).
final class CountingRandom: RandomSource {
    private var next: UInt8 = 0

    func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            next &+= 1
            return next
        }
    }
}
