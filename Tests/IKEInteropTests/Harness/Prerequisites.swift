import Foundation

/// What the interop suites need from the machine, checked before anything starts. A
/// missing piece fails the suite with what to do; nothing is skipped.
enum Prerequisites {
    /// Programs and the Debian packages that bring them (Tests/prepare.sh installs them).
    static let programs: [(program: String, package: String)] = [
        ("ip", "iproute2"), ("ss", "iproute2"), ("charon-systemd", "charon-systemd"),
        ("swanctl", "strongswan-swanctl"), ("tshark", "tshark"), ("dumpcap", "tshark"),
        ("openssl", "openssl"),
    ]

    /// Throws unless we are root and every program is installed.
    static func check(_ extra: [(program: String, package: String)] = []) throws {
        guard geteuid() == 0 else {
            throw InteropSetupError(
                "the interop suite makes network namespaces and needs root: run "
                    + "'sudo Tests/prepare.sh && sudo swift test' (CI runs as root)")
        }
        let missing = (programs + extra).filter { Command.which($0.program) == nil }
        guard missing.isEmpty else {
            let packages = Set(missing.map(\.package)).sorted().joined(separator: " ")
            let names = missing.map(\.program).joined(separator: ", ")
            throw InteropSetupError(
                "missing \(names): run Tests/prepare.sh, or apt-get install \(packages)")
        }
        _ = try IkecBinary.path()
    }
}
