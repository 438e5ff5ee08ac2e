import Foundation
import IKECore
import IKEEngine

/// A dry run as text: per direction the exchanges in order with their payloads, what was
/// selected, the verification checks with key fingerprints, and for a failure its phase,
/// exchange, notify, refusing end, nearest miss and smallest change. No key is shown.
public enum NegotiationTextRenderer {
    /// The report.
    public static func render(_ report: NegotiationReport) -> String {
        var out =
            "negotiate \(report.a.label) (\(report.a.file) \(report.a.peerKeyPath)) with "
            + "\(report.b.label) (\(report.b.file) \(report.b.peerKeyPath))\n"
        out +=
            "  paired: \(report.a.label)'s entry by \(report.matches.a), "
            + "\(report.b.label)'s entry by \(report.matches.b)\n"
        out +=
            "  randomness: "
            + (report.seed.map { "seeded with '\($0)' (reproducible)" } ?? "system generator")
            + "; certificates validated at \(Timestamp.rfc3339(report.validationTime))\n"
        for direction in report.directions {
            out += "\n" + render(direction)
        }
        out += "\n" + summary(report)
        return out
    }

    /// The last line(s): the verdict.
    static func summary(_ report: NegotiationReport) -> String {
        var out = ""
        for direction in report.directions where direction.status == .disagreement {
            out +=
                "internal disagreement between plan and engine: "
                + direction.disagreements.joined(separator: "; ") + "\n"
        }
        let names = report.directions.map { "\($0.initiator) initiates: \($0.status.rawValue)" }
        let verdict =
            report.verified ? "verified" : report.hasDisagreement ? "ikec bug" : "not verified"
        return out + "result: \(verdict) (\(names.joined(separator: "; ")))\n"
    }

    /// One direction.
    public static func render(_ run: DirectionRun) -> String {
        var out = "== \(run.initiator) initiates, \(run.responder) responds\n"
        out += transcript(run.transcript)
        if let ikeSA = run.ikeSA {
            out += "  phase 1: \(PlanText.proposal(ikeSA.proposal))"
            out +=
                run.plan.phase1?.invalidKERoundTrip == true
                ? " (after an INVALID_KE_PAYLOAD round trip, as planned)\n" : " (as planned)\n"
            out +=
                "  IKE SA: SPIs \(hex(ikeSA.initiatorSPI))/\(hex(ikeSA.responderSPI)), "
                + "keys fingerprint \(ikeSA.fingerprint)\n"
        }
        for child in run.children where child.generation == 0 {
            out +=
                "  Child SA '\(child.name)': \(PlanText.childProposal(child.proposal)), "
                + "SPIs \(hex32(child.initiatorToResponderSPI)) (\(run.initiator) -> "
                + "\(run.responder)) and \(hex32(child.responderToInitiatorSPI)) "
                + "(\(run.responder) -> \(run.initiator))\n"
        }
        out += "  checks:\n"
        for check in run.checks {
            out += "    [\(mark(check.result))] \(check.name): \(check.detail)\n"
        }
        for failure in run.failures + run.rekeys.flatMap(\.failures) {
            out += failureText(failure, run)
        }
        return out + "  status: \(run.status.rawValue)\n"
    }

    /// `IKE_SA_INIT request   hq -> branch  SA(2 proposals) KE(ecp384) Ni(32) ...`, grouped
    /// under each step.
    static func transcript(_ entries: [TranscriptEntry]) -> String {
        var out = ""
        var step: String?
        let nameWidth = entries.map(\.exchange.count).max() ?? 0
        let routeWidth = entries.map { "\($0.from) -> \($0.to)".count }.max() ?? 0
        for entry in entries {
            if entry.step != step {
                out += "  exchanges (\(entry.step)):\n"
                step = entry.step
            }
            let name = entry.exchange.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let kind = (entry.isResponse ? "response" : "request").padding(
                toLength: 8, withPad: " ", startingAt: 0)
            let route = "\(entry.from) -> \(entry.to)".padding(
                toLength: routeWidth, withPad: " ", startingAt: 0)
            out += "    \(name) \(kind)  \(route)  \(entry.payloads.joined(separator: " "))\n"
        }
        return out
    }

    private static func failureText(_ failure: ObservedFailure, _ run: DirectionRun) -> String {
        let engine = failure.failure
        let notify = engine.notify.map { " with \($0.name)" } ?? ""
        var out =
            "  FAILED (\(failure.title)): \(engine.phase) failed in \(engine.exchange): "
            + "\(failure.refusedBy) refused\(notify)\n"
        let (from, to) = exchangeEnds(engine, run)
        if let planned = failure.plannedReason, planned != engine.reason {
            out += "    planned: \(planned)\n"
        }
        out += FailureText.details(
            reason: engine.reason, miss: failure.nearestMiss, initiator: from, responder: to,
            changes: failure.changes, indent: "    ")
        return out
    }

    /// Who initiated the failed exchange: the refusing end's peer when the responder of
    /// the exchange refused.
    private static func exchangeEnds(_ failure: NegotiationFailure, _ run: DirectionRun)
        -> (String, String)
    {
        let refuser = failure.refusedBy == .initiator ? run.initiator : run.responder
        let other = refuser == run.initiator ? run.responder : run.initiator
        return (other, refuser)
    }

    private static func mark(_ result: VerificationCheck.Result) -> String {
        switch result {
        case .passed: return "ok"
        case .failed: return "FAIL"
        case .unavailable: return "n/a"
        case .skipped: return "skip"
        }
    }

    static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - text.count)) + text
    }

    static func hex32(_ value: UInt32) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - text.count)) + text
    }
}

/// RFC 3339 times in UTC.
public enum Timestamp {
    /// `2025-06-01T00:00:00Z` for whole seconds since 1970.
    public static func rfc3339(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    /// Seconds since 1970 of an RFC 3339 time, or nil when it is not one.
    public static func parse(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
