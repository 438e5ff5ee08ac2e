import IKECore
import IKEDiagnostics
import IKEEngine

/// A dry run as one JSON document (`schemas/ikec-negotiate.schema.json`): the same as the
/// text, with stable keys. Times are whole seconds; nothing depends on the clock or on
/// signature randomness, so a seeded run repeats byte for byte.
public enum NegotiationJSONRenderer {
    /// The document.
    public static func render(_ report: NegotiationReport) -> JSONValue {
        .object([
            ("ikec-negotiate", 1),
            (
                "a",
                .object([
                    ("label", .string(report.a.label)), ("file", .string(report.a.file)),
                    ("peer", .string(report.a.peerName)),
                    ("paired-by", .string(report.matches.a.description)),
                ])
            ),
            (
                "b",
                .object([
                    ("label", .string(report.b.label)), ("file", .string(report.b.file)),
                    ("peer", .string(report.b.peerName)),
                    ("paired-by", .string(report.matches.b.description)),
                ])
            ),
            ("seed", .optional(report.seed)),
            ("validation-time", .string(Timestamp.rfc3339(report.validationTime))),
            ("verified", .bool(report.verified)),
            ("disagreement", .bool(report.hasDisagreement)),
            ("directions", .array(report.directions.map(direction))),
        ])
    }

    static func direction(_ run: DirectionRun) -> JSONValue {
        .object([
            ("initiator", .string(run.initiator)),
            ("responder", .string(run.responder)),
            ("status", .string(run.status.rawValue)),
            ("exchanges", .array(run.transcript.map(entry))),
            ("ike-sa", run.ikeSA.map(ikeSA) ?? .null),
            ("children", .array(run.children.map(child))),
            ("rekeys", .array(run.rekeys.map(rekey))),
            ("checks", .array(run.checks.map(check))),
            ("failures", .array(run.failures.map(failure))),
            ("disagreements", .array(run.disagreements.map(JSONValue.string))),
            ("plan", PlanJSONRenderer.direction(run.plan)),
        ])
    }

    static func entry(_ entry: TranscriptEntry) -> JSONValue {
        .object([
            ("step", .string(entry.step)),
            ("exchange", .string(entry.exchange)),
            ("kind", .string(entry.isResponse ? "response" : "request")),
            ("message-id", .int(Int(entry.messageID))),
            ("from", .string(entry.from)),
            ("to", .string(entry.to)),
            ("payloads", .array(entry.payloads.map(JSONValue.string))),
        ])
    }

    static func ikeSA(_ sa: AgreedIKESA) -> JSONValue {
        .object([
            ("proposal", .string(PlanText.proposal(sa.proposal))),
            ("proposals-agree", .bool(sa.proposalsAgree)),
            ("initiator-spi", .string(NegotiationTextRenderer.hex(sa.initiatorSPI))),
            ("responder-spi", .string(NegotiationTextRenderer.hex(sa.responderSPI))),
            ("initiator-auth", .string(sa.initiatorAuthentication.description)),
            ("responder-auth", .string(sa.responderAuthentication.description)),
            ("initiator-identity", JSONEncoding.identity(sa.initiatorIdentity)),
            ("responder-identity", JSONEncoding.identity(sa.responderIdentity)),
            ("keys-agree", .bool(sa.keysAgree)),
            ("keys", .array(sa.keyNames.map(JSONValue.string))),
            ("fingerprint", .string(sa.fingerprint)),
        ])
    }

    static func child(_ child: AgreedChildSA) -> JSONValue {
        .object([
            ("name", .string(child.name)),
            ("responder-entry", .string(child.responderName)),
            ("protocol", .string(child.protocolID == .ah ? "ah" : "esp")),
            ("mode", .string(child.mode.rawValue)),
            ("proposal", .string(PlanText.childProposal(child.proposal))),
            ("tsi", JSONEncoding.selectors(child.initiatorSelectors)),
            ("tsr", JSONEncoding.selectors(child.responderSelectors)),
            ("spi-i-to-r", .string(NegotiationTextRenderer.hex32(child.initiatorToResponderSPI))),
            ("spi-r-to-i", .string(NegotiationTextRenderer.hex32(child.responderToInitiatorSPI))),
            ("parameters-agree", .bool(child.parametersAgree)),
            ("keys-mirrored", .bool(child.keysMirrored)),
            ("fingerprint-i-to-r", .string(child.initiatorToResponderFingerprint)),
            ("fingerprint-r-to-i", .string(child.responderToInitiatorFingerprint)),
            ("generation", .int(child.generation)),
        ])
    }

    static func rekey(_ run: RekeyRun) -> JSONValue {
        .object([
            ("subject", PlanJSONRenderer.rekey(run.prediction)["subject"] ?? .null),
            ("by", .string(run.prediction.by)),
            ("messages", .int(run.messages)),
            ("child", run.child.map(child) ?? .null),
            ("ike-sa", run.ikeSA.map(ikeSA) ?? .null),
            ("failures", .array(run.failures.map(failure))),
        ])
    }

    static func check(_ check: VerificationCheck) -> JSONValue {
        .object([
            ("name", .string(check.name)),
            ("result", .string(check.result.rawValue)),
            ("detail", .string(check.detail)),
        ])
    }

    static func failure(_ observed: ObservedFailure) -> JSONValue {
        let engine = observed.failure
        return .object([
            ("title", .string(observed.title)),
            ("phase", .string(engine.phase.description)),
            ("code", .string(engine.code.rawValue)),
            ("exchange", .string(engine.exchange)),
            ("notify", .optional(engine.notify?.name)),
            ("refused-by", .string(observed.refusedBy)),
            ("refused-by-role", .string(engine.refusedBy.rawValue)),
            ("reason", .string(engine.reason)),
            ("planned-reason", .optional(observed.plannedReason)),
            ("nearest-miss", JSONEncoding.nearestMiss(observed.nearestMiss)),
            ("changes", .array(observed.changes.map(JSONEncoding.change))),
        ])
    }
}
