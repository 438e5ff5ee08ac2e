/// A libFuzzer entry point: the octets of one input.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`). SwiftPM gives every
/// executable its own `main`, which keeps libFuzzer's from being linked, so each harness
/// calls the driver from its top-level code instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ target: FuzzTarget
) -> CInt

/// Runs libFuzzer over `target` with the process's arguments; returns its exit status.
public func runFuzzer(_ target: FuzzTarget) -> CInt {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    return runDriver(&argc, &argv, target)
}

/// The input as an array (libFuzzer passes a null pointer for the empty input).
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
