import Foundation
import Testing

/// One policy pair of Fixtures/cases: `ikec.yaml` (ikec's side) and `peer.yaml` (the
/// daemon's side, compiled with `ikec compile`).
struct InteropCase: Sendable, CustomTestStringConvertible {
    /// The folder name, which says version, authentication and suite.
    let name: String
    /// The Child SAs (phase 2 entries) both policies name.
    let children: [String]
    /// For a mismatched pair: the notify both sides must report.
    let expectedNotify: String?
    /// A notify the responder must send on the way to success (INVALID_KE_PAYLOAD
    /// before the initiator's retry), in charon's short form.
    var recoveredNotify: String? = nil

    var testDescription: String { name }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    var folder: String { Self.fixtures.appendingPathComponent("cases/\(name)").path }
    var ikecPolicy: String { "\(folder)/ikec.yaml" }
    var peerPolicy: String { "\(folder)/peer.yaml" }
    var isIKEv1: Bool { name.contains("v1-") }
    /// Whether the case runs over IPv6 (outer and inner addresses).
    var isIPv6: Bool { name.contains("-ipv6-") }
    /// ikec's outer address in this case.
    var ikecAddress: String { isIPv6 ? NamespacePair.ikecAddress6 : NamespacePair.ikecAddress }
    /// Whether the daemon can install Child SAs on this kernel (pluto cannot: the kernel
    /// has no ESP and pluto no userspace ESP).
    var daemonInstallsChildSAs: Bool { !name.hasPrefix("pluto-") }
}
