import IKEDiagnostics
import IKEPlan
import IKEPolicy
import Testing

/// The plan and negotiation JSON match `schemas/ikec-plan.schema.json` and
/// `schemas/ikec-negotiate.schema.json` (checked by python3 with jsonschema).
@Suite struct SchemaTests {
    static let pairs: [(String, String, String)] = [
        ("site-to-site-psk", "hq.yaml", "branch.yaml"), ("certificates", "hq.yaml", "branch.yaml"),
        ("ikev1-lifetime", "hq.yaml", "partner.yaml"),
        ("version-mismatch", "hq.yaml", "branch.yaml"),
        ("wrong-identity", "hq.yaml", "branch.yaml"), ("ts-unacceptable", "hq.yaml", "branch.yaml"),
        ("pfs-mismatch-at-rekey", "hq.yaml", "branch.yaml"),
        ("no-common-proposal", "hq.yaml", "branch.yaml"),
    ]

    @Test func planOutputsMatchTheirSchema() throws {
        var documents: [JSONValue] = []
        for (folder, first, second) in Self.pairs {
            let pair = try PolicyPairer.pair(
                try TestSupport.example(folder, first), try TestSupport.example(folder, second))
            documents.append(PlanJSONRenderer.render(Planner.plan(pair)))
        }
        documents.append(
            PlanJSONRenderer.render(
                Planner.plan(try TestSupport.example("hub-and-spoke", "hub.yaml"))))
        let verdicts = try TestSupport.schemaVerdicts(documents, schema: "ikec-plan.schema.json")
        #expect(verdicts == Array(repeating: "valid", count: documents.count))
    }

    @Test func negotiationOutputsMatchTheirSchema() throws {
        var documents: [JSONValue] = []
        for (folder, first, second) in Self.pairs {
            let pair = try PolicyPairer.pair(
                try TestSupport.example(folder, first), try TestSupport.example(folder, second))
            let report = try Negotiation.run(
                pair,
                options: NegotiationOptions(seed: "schema", validationTime: NegotiationTests.time))
            documents.append(NegotiationJSONRenderer.render(report))
        }
        let verdicts = try TestSupport.schemaVerdicts(
            documents, schema: "ikec-negotiate.schema.json")
        #expect(verdicts == Array(repeating: "valid", count: documents.count))
    }

    @Test func theSchemaRejectsWhatItShould() throws {
        let verdicts = try TestSupport.schemaVerdicts(
            [
                .object([
                    ("ikec-plan", 1), ("files", []), ("connections", []), ("rules", "r"),
                    ("extra", true),
                ])
            ],
            schema: "ikec-plan.schema.json")
        #expect(verdicts.first?.hasPrefix("invalid") == true)
    }
}
