import Foundation
import Testing

/// ikec against strongSwan's charon over real UDP between two network namespaces, in both
/// roles: the IKE SA and every Child SA come up, charon agrees on what was selected, an
/// echo crosses each tunnel both ways, and tshark decodes and decrypts every message ikec
/// wrote with the keys it exported. Mismatched pairs fail with the same notify on both
/// sides.
@Suite("Interop with strongSwan charon", .serialized, .charonInNamespaces)
struct CharonInteropTests {
    static let cases: [InteropCase] = [
        InteropCase(
            name: "v2-psk-aes256gcm16-ecp384", children: ["lan", "dmz"], expectedNotify: nil),
        InteropCase(
            name: "v2-ecdsa-aes128-sha256-modp2048", children: ["lan"], expectedNotify: nil),
        InteropCase(
            name: "v2-rsa-aes256ctr-sha384-modp3072", children: ["lan"], expectedNotify: nil),
        InteropCase(
            name: "v2-ecdsa-chain-aes256gcm16-ecp256", children: ["lan"], expectedNotify: nil),
        InteropCase(
            name: "v2-psk-ipv6-aes128gcm16-x25519", children: ["lan"], expectedNotify: nil),
        InteropCase(
            name: "v2-psk-invalid-ke-retry", children: ["lan"], expectedNotify: nil,
            recoveredNotify: "N(INVAL_KE)"),
        InteropCase(name: "v1-psk-3des-sha1-modp1024", children: ["lan"], expectedNotify: nil),
        InteropCase(
            name: "v1-ecdsa-aes128-sha256-modp2048", children: ["lan"], expectedNotify: nil),
        InteropCase(
            name: "v1-ecdsa-chain-aes128-sha256-modp2048", children: ["lan"],
            expectedNotify: nil),
        InteropCase(
            name: "v1-psk-aggressive-aes256-sha256-modp2048", children: ["lan"],
            expectedNotify: nil),
        InteropCase(
            name: "v1-rsa-aes256-sha384-modp3072", children: ["lan"], expectedNotify: nil),
    ]

    static let mismatches: [InteropCase] = [
        InteropCase(
            name: "v2-psk-mismatch", children: ["lan"], expectedNotify: "NO_PROPOSAL_CHOSEN"),
        // ISAKMP's registry spells its notify names with dashes (RFC 2408 section 3.14.1).
        InteropCase(
            name: "v1-psk-mismatch", children: ["lan"], expectedNotify: "NO-PROPOSAL-CHOSEN"),
    ]

    var environment: InteropEnvironment {
        get throws { try #require(DaemonScope.current) }
    }

    @Test(arguments: cases)
    func ikecInitiatesAndCharonAccepts(_ testCase: InteropCase) throws {
        let run = try environment.probe(testCase)
        try Self.expectEstablished(run, testCase, ikecInitiated: true)
    }

    @Test(arguments: cases)
    func charonInitiatesAndIkecAccepts(_ testCase: InteropCase) throws {
        let run = try environment.respond(testCase)
        try Self.expectEstablished(run, testCase, ikecInitiated: false)
    }

    @Test(arguments: mismatches)
    func mismatchFailsWithTheSameNotifyWhenIkecInitiates(_ testCase: InteropCase) throws {
        let run = try environment.probe(testCase)
        try Self.expectRefusal(run, testCase, ikecRefused: false)
    }

    @Test(arguments: mismatches)
    func mismatchFailsWithTheSameNotifyWhenCharonInitiates(_ testCase: InteropCase) throws {
        let run = try environment.respond(testCase)
        try Self.expectRefusal(run, testCase, ikecRefused: true)
    }

    // MARK: - Checks

    /// Both sides established everything, agree on the selections, the echoes came back,
    /// and the capture decodes and decrypts cleanly.
    static func expectEstablished(
        _ run: InteropEnvironment.CaseRun, _ testCase: InteropCase, ikecInitiated: Bool
    ) throws {
        let report = run.report
        let log = CharonLog(text: run.log)
        #expect(run.ikec.status == 0, "ikec failed:\n\(run.ikec.transcript)")
        #expect(report.result == "ok")

        // charon's view of the IKE SA and its selection equal ikec's.
        #expect(log.ikeSAEstablished, "charon did not establish the IKE SA")
        let ikeProposal = try #require(report.ikeProposal)
        #expect(
            log.selectedProposals("IKE").last == ProposalNames.keywords(ikec: ikeProposal),
            """
            charon selected \(log.lines(containing: "selected proposal: IKE")), \
            ikec \(ikeProposal)
            """)

        // Every Child SA: up on both sides, same proposal, echo answered through it.
        let espSelections = log.selectedProposals("ESP")
        for name in testCase.children {
            let child = try #require(report.child(name), "ikec reports no Child SA '\(name)'")
            #expect(child["established"] as? Bool == true, "Child SA '\(name)': \(child)")
            #expect(log.childSAEstablished(name), "charon did not establish '\(name)'")
            let proposal = try #require(child["proposal"] as? String)
            #expect(
                espSelections.contains(ProposalNames.keywords(ikec: proposal)),
                "charon's ESP selections \(espSelections) lack ikec's \(proposal)")
            #expect(report.echoReplied(name), "no echo reply through '\(name)': \(child)")
        }

        // A refusal the initiator recovered from: charon sent it (ikec initiated) or
        // received it from ikec.
        if let notify = testCase.recoveredNotify {
            let kind = ikecInitiated ? "generating" : "parsed"
            #expect(log.message(kind, carries: notify), "charon's log has no '\(kind) \(notify)'")
        }
        CaptureChecks.expectClean(run, expectESP: true)
    }

    /// The refusal carries the expected notify on both sides, and the capture is clean.
    static func expectRefusal(
        _ run: InteropEnvironment.CaseRun, _ testCase: InteropCase, ikecRefused: Bool
    ) throws {
        let notify = try #require(testCase.expectedNotify)
        let log = CharonLog(text: run.log)
        #expect(run.ikec.status == 1, "ikec should fail:\n\(run.ikec.transcript)")
        #expect(run.report.result == "failed")
        let failure = try #require(run.report.failures.first, "ikec reports no failure")
        #expect(failure["notify"] as? String == notify, "ikec's failure: \(failure)")
        #expect(failure["refusedBy"] as? String == (ikecRefused ? "responder" : "responder"))
        #expect(!log.ikeSAEstablished)

        // charon's log: it sent the notify (ikec initiated) or received it.
        let short = shortNotify(notify)
        let kind = ikecRefused ? "parsed" : "generating"
        #expect(
            log.message(kind, carries: short),
            """
            charon's log has no '\(kind) ... \(short)' line:
            \(log.lines(containing: "N(").joined(separator: "\n"))
            """)
        CaptureChecks.expectClean(run, expectESP: false)
    }

    /// charon's short notify names in its message lines.
    static func shortNotify(_ name: String) -> String {
        switch name.replacingOccurrences(of: "-", with: "_") {
        case "NO_PROPOSAL_CHOSEN": return "N(NO_PROP)"
        case "AUTHENTICATION_FAILED": return "N(AUTH_FAILED)"
        case "TS_UNACCEPTABLE": return "N(TS_UNACCEPT)"
        case "INVALID_KE_PAYLOAD": return "N(INVAL_KE)"
        default: return "N(\(name))"
        }
    }
}
