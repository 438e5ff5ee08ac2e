// ikec-bench: speed figures for ikec, each measured in one run against its own baseline.
//
//     swift run -c release ikec-bench            # every suite
//     swift run -c release ikec-bench policy     # one suite
//
// Each suite prints its measurements and the ratio that the project's goals are stated in.
// Suites live one per file; add a new one to `suites` below.

#if canImport(Glibc)
    import Glibc
#endif

let suites: [BenchmarkSuite] = [
    PolicyBenchmark.suite,
    IKEv2Benchmark.suite,
    IKEv1Benchmark.suite,
]

let requested = Array(CommandLine.arguments.dropFirst())
let unknown = requested.filter { name in !suites.contains { $0.name == name } }
if !unknown.isEmpty {
    let names = suites.map(\.name).joined(separator: ", ")
    print("unknown suite \(unknown.joined(separator: ", ")); suites: \(names)")
    exit(2)
}
for suite in suites where requested.isEmpty || requested.contains(suite.name) {
    print("== \(suite.name): \(suite.summary)")
    do {
        try suite.run()
    } catch {
        print("suite \(suite.name) failed: \(error)")
        exit(1)
    }
    print("")
}
