import IKECore
import IKEDiagnostics
import IKEEngine
import IKEPolicy

/// A plan as one JSON document (`schemas/ikec-plan.schema.json`).
public enum PlanJSONRenderer {
    /// The document.
    public static func render(_ plan: Plan) -> JSONValue {
        .object([
            ("ikec-plan", 1),
            ("files", .array(plan.files.map(JSONValue.string))),
            ("connections", .array(plan.connections.map(connection))),
            ("rules", .string(PlanTextRenderer.rules)),
        ])
    }

    /// One connection.
    public static func connection(_ connection: ConnectionPlan) -> JSONValue {
        let paired: JSONValue =
            connection.matches.map { matches in
                .object([
                    ("a", .string(matches.a.description)), ("b", .string(matches.b.description)),
                ])
            } ?? .null
        return .object([
            ("a", end(connection.a)),
            ("b", end(connection.b)),
            ("paired-by", paired),
            ("versions-agree", .bool(connection.versionsAgree)),
            ("directions", .array(connection.directions.map(direction))),
        ])
    }

    static func end(_ end: EndProfile) -> JSONValue {
        let phase1 = end.phase1
        return .object([
            ("label", .string(end.label)),
            ("file", .string(end.file)),
            ("peer", .string(end.peerName)),
            ("mirror", .bool(end.isMirror)),
            ("ike", .string(end.version.description)),
            ("identity", .string(end.localIdentity.description)),
            ("expects-identity", JSONEncoding.identity(end.remoteIdentity)),
            (
                "auth",
                .object([
                    ("local", .string(end.auth.local.rawValue)),
                    ("remote", .string(end.auth.remote.rawValue)),
                    ("psk", .optional(end.auth.psk?.description)),
                ])
            ),
            (
                "phase1",
                .object([
                    ("proposals", .array(phase1.proposals.proposals.map { .string($0.text) })),
                    ("order", .string(phase1.order.rawValue)),
                    ("lifetime", .int(phase1.lifetimeSeconds)),
                    ("mode", end.version == .v1 ? .string(phase1.mode.rawValue) : .null),
                    (
                        "lifetime-check",
                        end.version == .v1 ? .string(phase1.lifetimeCheck.rawValue) : .null
                    ),
                ])
            ),
            ("phase2", .array(end.children.map(child))),
        ])
    }

    static func child(_ child: ChildProfile) -> JSONValue {
        .object([
            ("name", .string(child.name)),
            ("protocol", .string(child.ipsecProtocol.rawValue)),
            ("mode", .string(child.mode.rawValue)),
            ("local-ts", JSONEncoding.selectors(child.localSelectors)),
            (
                "remote-ts",
                child.remoteIsDynamic ? "dynamic" : JSONEncoding.selectors(child.remoteSelectors)
            ),
            ("proposals", .array(child.proposals.proposals.map { .string($0.text) })),
            ("lifetime", .int(child.lifetimeSeconds)),
            ("lifetime-bytes", JSONEncoding.optionalInt(child.lifetimeBytes)),
            ("lifetime-packets", JSONEncoding.optionalInt(child.lifetimePackets)),
        ])
    }

    /// One direction.
    public static func direction(_ direction: DirectionPlan) -> JSONValue {
        .object([
            ("initiator", .string(direction.initiator)),
            ("responder", .string(direction.responder)),
            ("ike", .string(direction.version.description)),
            ("outcome", .string(direction.allFailures.isEmpty ? "works" : "fails")),
            ("phase1", direction.phase1.map(phase1) ?? .null),
            ("authentication", direction.authentication.map(authentication) ?? .null),
            ("children", .array(direction.children.map(child))),
            ("ike-rekey", direction.ikeRekey.map(rekey) ?? .null),
            ("exchanges", .array(direction.exchanges.map(exchange))),
            ("messages", .int(direction.messages)),
            ("round-trips", .double(direction.roundTrips)),
            ("failure", JSONEncoding.failure(direction.failure)),
            ("failures", .array(direction.allFailures.map(JSONEncoding.failure))),
        ])
    }

    static func phase1(_ phase1: Phase1Prediction) -> JSONValue {
        .object([
            ("offered", JSONEncoding.proposals(phase1.offered)),
            ("configured", JSONEncoding.proposals(phase1.configured)),
            ("order", .string(phase1.order.rawValue)),
            ("selected", JSONEncoding.proposal(phase1.selected)),
            ("ke-group", JSONEncoding.group(phase1.keyExchangeGroup)),
            ("invalid-ke-round-trip", .bool(phase1.invalidKERoundTrip)),
            ("mode", .optional(phase1.mode?.rawValue)),
            ("lifetime", lifetime(phase1.lifetime)),
        ])
    }

    static func lifetime(_ lifetime: LifetimePrediction) -> JSONValue {
        .object([
            ("initiator", .int(lifetime.initiatorSeconds)),
            ("responder", .int(lifetime.responderSeconds)),
            ("negotiated", JSONEncoding.optionalInt(lifetime.negotiatedSeconds)),
            ("responder-lifetime-notify", .bool(lifetime.responderLifetimeNotify)),
            ("rekey-by", .string(lifetime.rekeyBy)),
            ("rekey-at", .int(lifetime.rekeyAt)),
            ("expires-at", .int(lifetime.expiresAt)),
        ])
    }

    static func authentication(_ auth: AuthPrediction) -> JSONValue {
        .object([
            (
                "legs",
                .array(
                    auth.legs.map { leg in
                        .object([
                            ("by", .string(leg.by)),
                            ("to", .string(leg.to)),
                            ("method", .string(leg.method.rawValue)),
                            ("expected-method", .string(leg.expectedMethod.rawValue)),
                            ("identity", .string(leg.identity.description)),
                            ("expected-identity", JSONEncoding.identity(leg.expectedIdentity)),
                            ("keys-agree", leg.keysAgree.map(JSONValue.bool) ?? .null),
                            ("signature-unchecked", .bool(leg.signatureUnchecked)),
                        ])
                    })
            ),
            ("failure", JSONEncoding.failure(auth.failure)),
        ])
    }

    static func child(_ child: ChildPrediction) -> JSONValue {
        .object([
            ("name", .string(child.name)),
            ("responder-entry", .optional(child.responderName)),
            ("exchange", .string(child.exchange)),
            ("protocol", .string(child.ipsecProtocol.rawValue)),
            ("requested-mode", .string(child.requestedMode.rawValue)),
            ("mode", .optional(child.mode?.rawValue)),
            ("offered", JSONEncoding.proposals(child.offered)),
            ("configured", JSONEncoding.proposals(child.configured)),
            ("order", .string(child.order.rawValue)),
            ("selected", child.selected.map { .string(PlanText.childProposal($0)) } ?? .null),
            ("ke-group", JSONEncoding.group(child.keyExchangeGroup)),
            ("invalid-ke-round-trip", .bool(child.invalidKERoundTrip)),
            ("proposed-tsi", JSONEncoding.selectors(child.proposedInitiatorSelectors)),
            ("proposed-tsr", JSONEncoding.selectors(child.proposedResponderSelectors)),
            ("tsi", JSONEncoding.selectors(child.initiatorSelectors)),
            ("tsr", JSONEncoding.selectors(child.responderSelectors)),
            ("selectors-assumed", .bool(child.selectorsAssumed)),
            ("lifetime", child.lifetime.map(lifetime) ?? .null),
            ("rekey", child.rekey.map(rekey) ?? .null),
            ("failure", JSONEncoding.failure(child.failure)),
        ])
    }

    static func rekey(_ rekey: RekeyPrediction) -> JSONValue {
        let subject: JSONValue
        switch rekey.subject {
        case .child(let name): subject = .string("child:\(name)")
        case .ikeSA: subject = "ike-sa"
        }
        return .object([
            ("subject", subject),
            ("by", .string(rekey.by)),
            ("by-role", .string(rekey.byRole.rawValue)),
            ("entry", .optional(rekey.entryName)),
            ("at", .int(rekey.at)),
            ("exchange", .string(rekey.exchange)),
            ("offered", JSONEncoding.proposals(rekey.offered)),
            ("configured", JSONEncoding.proposals(rekey.configured)),
            ("order", .string(rekey.order.rawValue)),
            ("selected", rekey.selected.map { .string(PlanText.childProposal($0)) } ?? .null),
            ("ke-group", JSONEncoding.group(rekey.keyExchangeGroup)),
            ("invalid-ke-round-trip", .bool(rekey.invalidKERoundTrip)),
            ("failure", JSONEncoding.failure(rekey.failure)),
        ])
    }

    static func exchange(_ exchange: PredictedExchange) -> JSONValue {
        .object([
            ("name", .string(exchange.name)),
            ("initiator", .string(exchange.initiator)),
            ("messages", .int(exchange.messages)),
            ("purpose", .string(exchange.purpose)),
        ])
    }
}
