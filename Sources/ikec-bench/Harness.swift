#if canImport(Glibc)
    import Glibc
#endif

/// One group of measurements, run by name from the command line.
struct BenchmarkSuite {
    /// The name given on the command line.
    let name: String
    /// One line saying what is measured against what.
    let summary: String
    /// Runs the suite and prints its figures.
    let run: () throws -> Void
}

/// A monotonic clock reading in seconds.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The best (lowest) time per iteration of `body` over `rounds` rounds of `iterations`
/// calls each, after one warm-up round. Best-of-rounds is robust against a noisy, shared
/// machine: interference only ever adds time.
func bestSecondsPerIteration(
    iterations: Int, rounds: Int = 5, _ body: () throws -> Void
) rethrows -> Double {
    for _ in 0..<iterations { try body() }
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = monotonicSeconds()
        for _ in 0..<iterations { try body() }
        best = min(best, (monotonicSeconds() - start) / Double(iterations))
    }
    return best
}

/// The best time per iteration of two workloads (an engine run and its cryptographic
/// floor, or the front end and raw parsing), measured in `rounds` alternating rounds of
/// `iterations` calls each, so that a neighbour's load on a shared machine falls on both
/// alike.
func alternatingBest(
    iterations: Int, rounds: Int, _ first: () throws -> Void, _ second: () throws -> Void
) rethrows -> (first: Double, second: Double) {
    var best = (first: Double.infinity, second: Double.infinity)
    for _ in 0..<rounds {
        best.first = min(
            best.first, try bestSecondsPerIteration(iterations: iterations, rounds: 1, first))
        best.second = min(
            best.second, try bestSecondsPerIteration(iterations: iterations, rounds: 1, second))
    }
    return best
}

/// `alternatingBest` for an engine run against its cryptographic floor.
func engineAgainstFloor(
    iterations: Int, rounds: Int, engine: () throws -> Void, floor: () throws -> Void
) rethrows -> (engine: Double, floor: Double) {
    let best = try alternatingBest(iterations: iterations, rounds: rounds, engine, floor)
    return (best.first, best.second)
}

/// Prints the figures of `engineAgainstFloor` under `title`: the engine's time per run
/// and runs per second, the floor's time, and the ratio floor / engine with the `goal`
/// it should reach, if any.
func printEngineAgainstFloor(
    _ title: String, engineLabel: String, engine: Double, floor: Double, goal: Double? = nil
) {
    func row(_ label: String, _ value: String) -> String {
        "  " + label + String(repeating: " ", count: max(1, 19 - label.count)) + value
    }

    print(title)
    print(row(engineLabel, "\(formatSeconds(engine))  (\(Int(1 / engine)) per second)"))
    print(row("crypto floor", formatSeconds(floor)))
    let target = goal.map { "  (goal >= \(format3($0)))" } ?? ""
    print(row("floor / engine", format3(floor / engine) + target))
}

/// `base` iterations times IKEC_BENCH_SCALE (1 when unset), at least one: a scale of 0.1
/// runs a tenth of them, for profiling.
func scaledIterations(_ base: Int) -> Int {
    let scale = environment("IKEC_BENCH_SCALE").flatMap(Double.init) ?? 1
    return max(1, Int(Double(base) * scale))
}

/// Formats seconds with a unit that keeps three significant figures readable.
func formatSeconds(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format3(seconds)) + " s" }
    if seconds >= 1e-3 { return String(format3(seconds * 1e3)) + " ms" }
    return String(format3(seconds * 1e6)) + " µs"
}

/// A number with three decimals.
func format3(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    var text = String(scaled)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < 3 { text += String(repeating: "0", count: 3 - decimals) }
    } else {
        text += ".000"
    }
    return text
}

/// A benchmark that could not measure what it set out to.
struct BenchmarkFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// A failure with its explanation.
    init(_ description: String) { self.description = description }
}

/// The value of an environment variable, if set.
func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}
