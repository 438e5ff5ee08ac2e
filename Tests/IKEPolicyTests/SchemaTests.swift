import Foundation
import IKEDiagnostics
import IKEPolicy
import Testing

/// `schemas/ikec-policy.schema.json` must judge the structure of every example and corpus
/// file as the checker does. Problems the schema cannot see (`checkedBySchema == false`:
/// algorithms, addresses, version rules, files...) count as valid structure; files that are
/// not a single YAML document have no JSON and are left out.
@Suite struct SchemaTests {
    struct Case {
        let name: String
        let json: JSONValue
        let structurallyValid: Bool
    }

    static func cases() throws -> [Case] {
        let files =
            TestSupport.files(under: "examples", suffix: ".yaml")
            + TestSupport.files(under: "Tests/IKEPolicyTests/Fixtures/good", suffix: ".yaml")
            + TestSupport.files(under: "Tests/IKEPolicyTests/Fixtures/malformed", suffix: ".yaml")
        var cases: [Case] = []
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            guard let text = String(validating: bytes, as: UTF8.self),
                let json = PolicyLoader.jsonDocument(text: text)
            else { continue }
            let result = PolicyLoader.load(path: file.path)
            let structural = result.diagnostics.filter { diagnostic in
                diagnostic.severity == .error
                    && PolicyDiagnosticID(rawValue: diagnostic.id)?.checkedBySchema ?? true
            }
            cases.append(
                Case(
                    name: file.lastPathComponent, json: json, structurallyValid: structural.isEmpty)
            )
        }
        return cases
    }

    static func schemaVerdicts(_ documents: [JSONValue]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ikec-schema-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("documents.json")
        try JSONValue.array(documents).serialized(pretty: false).write(
            to: input, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestSupport.fixtures.appendingPathComponent("schema_verdicts.py").path,
            TestSupport.root.appendingPathComponent("schemas/ikec-policy.schema.json").path,
            input.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(
                .executableLoad, userInfo: ["reason": "python3 with jsonschema failed"])
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func schemaAndCheckerAgreeOnStructure() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 60)
        #expect(cases.contains { $0.structurallyValid } && cases.contains { !$0.structurallyValid })
        let verdicts = try Self.schemaVerdicts(cases.map(\.json))
        try #require(verdicts.count == cases.count)
        for (testCase, verdict) in zip(cases, verdicts) {
            let schemaValid = verdict == "valid"
            let checker = testCase.structurallyValid ? "valid" : "invalid"
            #expect(
                schemaValid == testCase.structurallyValid,
                "\(testCase.name): schema says \(verdict), checker says \(checker)"
            )
        }
    }

    @Test func jsonReadsScalarsAsTheCheckerDoes() throws {
        let json = try #require(
            PolicyLoader.jsonDocument(text: "a: no\nb: 010\nc: 10\nd: '10'\ne:\nf: 0x10\n"))
        #expect(json["a"] == "no")
        #expect(json["b"] == "010")
        #expect(json["c"] == 10)
        #expect(json["d"] == "10")
        #expect(json["e"] == .null)
        #expect(json["f"] == "0x10")
    }
}
