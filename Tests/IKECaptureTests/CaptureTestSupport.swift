import Foundation
import IKECore
import IKECrypto

/// Helpers shared by the capture tests: temporary folders and running tshark.
enum CaptureTestSupport {
    static func address(_ text: String) -> IPAddress {
        guard let address = IPAddress(text) else { preconditionFailure("bad address") }
        return address
    }

    static func temporaryDirectory(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "ikec-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The tshark binary; CI installs it, so its absence is a failure, not a skip.
    static let tsharkPath = "/usr/bin/tshark"

    /// Runs tshark with `arguments` and `configDirectory` as WIRESHARK_CONFIG_DIR; returns
    /// standard output and standard error.
    static func tshark(_ arguments: [String], configDirectory: String) throws -> (String, String) {
        guard FileManager.default.isExecutableFile(atPath: tsharkPath) else {
            throw TsharkMissing()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tsharkPath)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["WIRESHARK_CONFIG_DIR"] = configDirectory
        environment["HOME"] = configDirectory
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

/// tshark is not installed: install it with `apt-get install -y tshark` (CI does).
struct TsharkMissing: Error, CustomStringConvertible {
    var description: String {
        "tshark is missing at /usr/bin/tshark: run "
            + "'DEBIAN_FRONTEND=noninteractive apt-get install -y tshark'"
    }
}
