import IKELint
import IKEPolicy

extension PolicyBenchmark {
    /// The `policy` suite: how much the front end (tree, checker) and the lint rules cost
    /// on top of libyaml parsing the same text. Goal: parse + check + lint within 3x raw
    /// parsing.
    static var suite: BenchmarkSuite {
        BenchmarkSuite(
            name: "policy",
            summary: "parse + check + lint of a 1,000-peer policy vs raw libyaml parsing",
            run: run)
    }

    private static func run() throws {
        let text = PolicyBenchmark.generate(peers: 1000)
        if let stage = environment("IKEC_BENCH_PROFILE") {
            try profile(stage: stage, text: text)
            return
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        print("policy: \(lines) lines, \(text.utf8.count) bytes, 1000 peers")

        // (a) libyaml alone, every event and no tree, against (b) the whole front end and
        // every lint rule, in alternating rounds so that a neighbour's load on a shared
        // machine falls on both alike.
        var events = 0
        var findings = 0
        let (full, raw) = try alternatingBest(
            iterations: 3, rounds: 15,
            {
                let result = PolicyLoader.load(text: text, path: "bench.yaml")
                guard let policy = result.policy else {
                    throw BenchmarkFailure("the generated policy does not check")
                }
                findings = Linter().lint(policy, checkerDiagnostics: result.diagnostics).count
            },
            { events = RawYAMLParse.countEvents(text: text) ?? -1 })
        guard events > 0 else { throw BenchmarkFailure("libyaml rejected the generated policy") }

        // Where (b) goes: the front end alone, and the rules alone on a loaded policy.
        let loaded = PolicyLoader.load(text: text, path: "bench.yaml")
        guard let policy = loaded.policy else {
            throw BenchmarkFailure("the generated policy does not check")
        }
        let (loadOnly, lintOnly) = alternatingBest(
            iterations: 3, rounds: 5,
            { _ = PolicyLoader.load(text: text, path: "bench.yaml") },
            { _ = Linter().lint(policy, checkerDiagnostics: loaded.diagnostics) })

        print("(a) raw libyaml parse:      \(formatSeconds(raw))  (\(events) events)")
        print("(b) parse + check + lint:   \(formatSeconds(full))  (\(findings) findings)")
        print("    of which parse + check: \(formatSeconds(loadOnly))")
        print("    of which lint:          \(formatSeconds(lintOnly))")
        print("ratio b/a:                  \(format3(full / raw))  (goal <= 3.000)")
    }
}

extension PolicyBenchmark {
    /// Runs one stage `IKEC_BENCH_REPEAT` times (default 1) without timing, for instruction
    /// counting under `valgrind --tool=callgrind`: the difference between two repeat counts
    /// is the stage's own cost, free of process start-up and of the other stages.
    static func profile(stage: String, text: String) throws {
        let repeats = Int(environment("IKEC_BENCH_REPEAT") ?? "1") ?? 1
        let loaded = PolicyLoader.load(text: text, path: "bench.yaml")
        guard let policy = loaded.policy else {
            throw BenchmarkFailure("the generated policy does not check")
        }
        for _ in 0..<repeats {
            switch stage {
            case "raw": _ = RawYAMLParse.countEvents(text: text)
            case "load": _ = PolicyLoader.load(text: text, path: "bench.yaml")
            case "lint": _ = Linter().lint(policy, checkerDiagnostics: loaded.diagnostics)
            case "none": break
            default: throw BenchmarkFailure("IKEC_BENCH_PROFILE is raw, load, lint or none")
            }
        }
    }
}

/// Generates realistic policies: a hub with many branches, named proposal sets, a YAML
/// anchor merged into every peer, a mix of IKEv2 and IKEv1, keyword and map proposals,
/// several phase 2 entries with port selectors, and map lifetimes.
enum PolicyBenchmark {
    static func generate(peers count: Int) -> String {
        var out = """
            ikec: 1
            gateway:
              name: hub
              address: [198.51.100.10, 2001:db8:10::1]
              id: fqdn:hub.example.net

            proposals:
              ike-modern: [aes256gcm16-prfsha384-ecp384, aes128gcm16-prfsha256-x25519]
              ike-compat: [aes256-sha256-modp3072, aes128-sha256-ecp256]
              esp-modern: [aes256gcm16-ecp384, aes128gcm16-x25519]
              esp-compat: [aes256-sha256-modp3072, aes128-sha256-ecp256]
              ike-v1: [aes256-sha256-modp2048, aes128-sha256-modp2048]
              esp-v1: [aes256-sha256-modp2048]

            peers:

            """
        for index in 0..<count {
            out += peer(index)
        }
        return out
    }

    private static func peer(_ index: Int) -> String {
        let name = "branch\(index)"
        let third = index / 250
        let fourth = index % 250 + 1
        let v1 = index % 5 == 4
        var text = index == 0 ? "  \(name): &branch\n" : "  \(name):\n    <<: *branch\n"
        text += """
                address: 203.\(third).113.\(fourth)
                id: fqdn:\(name).example.net

            """
        if v1 { text += "    ike: v1\n" }
        text += """
                auth:
                  method: psk
                  psk: { env: BENCH_PSK_\(index % 7) }
                phase1:

            """
        switch (v1, index % 3) {
        case (true, _): text += "      proposals: ike-v1\n"
        case (false, 0): text += "      proposals: ike-modern\n"
        case (false, 1): text += "      proposals: ike-compat\n"
        default:
            text += """
                      proposals:
                        - encryption: [aes256gcm16, aes128gcm16]
                          prf: [prfsha384, prfsha256]
                          dh: [ecp384, ecp256]
                        - aes256-sha384-ecp384

                """
        }
        text += "      lifetime: \(v1 ? "8h" : "\(4 + index % 20)h")\n"
        text += "    phase2:\n"
        let net = "10.\(index / 200 + 1).\(index % 200).0"
        text += """
                  lan:
                    local-ts: [10.0.0.0/16]
                    remote-ts: [\(net)/24]
                    proposals: \(v1 ? "esp-v1" : (index % 2 == 0 ? "esp-modern" : "esp-compat"))
                    lifetime: { time: 1h, bytes: 4GiB }

            """
        if index % 4 == 0 {
            text += """
                      web:
                        local-ts: ["10.0.1.0/24[tcp/443]", "10.0.2.10[tcp/8443]"]
                        remote-ts: [\(net)/25]
                        proposals:
                          - { encryption: [aes256gcm16], pfs: [ecp384, ecp256] }
                        lifetime: 45m

                """
        }
        return text
    }
}
