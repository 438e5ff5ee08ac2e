import Foundation
import IKECore
import IKEDiagnostics
import IKEPlan
import IKEPolicy
import Testing

/// Policies and helpers shared by the plan tests.
enum TestSupport {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/IKEPlanTests/Fixtures`: `pair.psk` and `other.psk` hold two different keys.
    static let fixtures = root.appendingPathComponent("Tests/IKEPlanTests/Fixtures")

    /// A checked policy from text, its files resolved in the fixtures folder.
    static func policy(_ text: String, path: String) throws -> CheckedPolicy {
        let result = PolicyLoader.load(text: text, path: path, baseDirectory: fixtures.path)
        let rendered = TextRenderer(files: result.source.map { [$0] } ?? []).render(
            result.diagnostics)
        return try #require(result.policy, "\(rendered)")
    }

    /// A checked example policy (`examples/<folder>/<file>`).
    static func example(_ folder: String, _ file: String) throws -> CheckedPolicy {
        let path = root.appendingPathComponent("examples/\(folder)/\(file)").path
        let result = PolicyLoader.load(path: path)
        return try #require(result.policy)
    }

    /// One gateway with one peer, every part replaceable.
    static func gateway(
        name: String, address: String, id: String, peer: String, peerAddress: String,
        peerID: String?, ike: String = "v2", auth: String = "method: psk",
        psk: String = "{ file: pair.psk }", phase1: String = "[aes256gcm16-prfsha384-ecp384]",
        phase1Extra: String = "", lifetime: String = "8h", local: String, remote: String,
        phase2: String = "[aes256gcm16-ecp384]", childLifetime: String = "1h",
        childExtra: String = "", gatewayExtra: String = ""
    ) -> String {
        var text = "ikec: 1\ngateway:\n  name: \(name)\n  address: \(address)\n  id: \(id)\n"
        text += gatewayExtra
        text += "peers:\n  \(peer):\n    address: \(peerAddress)\n"
        if let peerID { text += "    id: \(peerID)\n" }
        text += "    ike: \(ike)\n    auth:\n      \(auth)\n"
        if !psk.isEmpty { text += "      psk: \(psk)\n" }
        text += "    phase1:\n      proposals: \(phase1)\n      lifetime: \(lifetime)\n"
        text += phase1Extra
        text +=
            "    phase2:\n      lan:\n        local-ts: \(local)\n        remote-ts: \(remote)\n"
        text += "        proposals: \(phase2)\n        lifetime: \(childLifetime)\n"
        text += childExtra
        return text
    }

    /// hq (198.51.100.1, 10.1.0.0/16) and branch (203.0.113.7, 10.2.0.0/16), each
    /// adjustable.
    static func hq(
        phase1: String = "[aes256gcm16-prfsha384-ecp384]", phase2: String = "[aes256gcm16-ecp384]",
        ike: String = "v2", lifetime: String = "8h", childLifetime: String = "1h",
        psk: String = "{ file: pair.psk }", peerID: String? = "fqdn:branch.example.net",
        remote: String = "10.2.0.0/16", phase1Extra: String = "", auth: String = "method: psk"
    ) throws -> CheckedPolicy {
        try policy(
            gateway(
                name: "hq", address: "198.51.100.1", id: "fqdn:hq.example.net", peer: "branch",
                peerAddress: "203.0.113.7", peerID: peerID, ike: ike, auth: auth, psk: psk,
                phase1: phase1, phase1Extra: phase1Extra, lifetime: lifetime,
                local: "10.1.0.0/16", remote: remote, phase2: phase2,
                childLifetime: childLifetime),
            path: "hq.yaml")
    }

    /// The branch side of `hq`.
    static func branch(
        phase1: String = "[aes256gcm16-prfsha384-ecp384]", phase2: String = "[aes256gcm16-ecp384]",
        ike: String = "v2", lifetime: String = "8h", childLifetime: String = "1h",
        psk: String = "{ file: pair.psk }", id: String = "fqdn:branch.example.net",
        local: String = "10.2.0.0/16", phase1Extra: String = "", auth: String = "method: psk",
        gatewayExtra: String = ""
    ) throws -> CheckedPolicy {
        try policy(
            gateway(
                name: "branch", address: "203.0.113.7", id: id, peer: "hq",
                peerAddress: "198.51.100.1", peerID: "fqdn:hq.example.net", ike: ike, auth: auth,
                psk: psk, phase1: phase1, phase1Extra: phase1Extra, lifetime: lifetime,
                local: local, remote: "10.1.0.0/16", phase2: phase2,
                childLifetime: childLifetime, gatewayExtra: gatewayExtra),
            path: "branch.yaml")
    }

    /// The plan of hq and branch: hq initiates first.
    static func plan(_ hq: CheckedPolicy, _ branch: CheckedPolicy) throws -> ConnectionPlan {
        Planner.plan(try PolicyPairer.pair(hq, branch)).connections[0]
    }

    /// A proposal from strongSwan keywords.
    static func proposal(_ keywords: String, _ protocolID: SecurityProtocol) -> Proposal {
        var result = Proposal(protocolID: protocolID)
        for word in keywords.split(separator: "-") {
            switch AlgorithmKeywords.transform(forKeyword: String(word)) {
            case .encryption(let cipher)?: result.encryption.append(cipher)
            case .prf(let prf)?: result.prf.append(prf)
            case .integrity(let integrity)?: result.integrity.append(integrity)
            case .dhGroup(let group)?: result.dhGroups.append(group)
            case .esn(let esn)?: result.esn.append(esn)
            case nil: Issue.record("unknown keyword \(word)")
            }
        }
        return result
    }

    /// Validates JSON documents against a schema in `schemas/` with python3 and
    /// jsonschema; one verdict per document ("valid" or "invalid: ...").
    static func schemaVerdicts(_ documents: [JSONValue], schema: String) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ikec-plan-schema-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("documents.json")
        try JSONValue.array(documents).serialized(pretty: false).write(
            to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", fixtures.appendingPathComponent("validate.py").path,
            root.appendingPathComponent("schemas").path, schema, input.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with jsonschema failed")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
