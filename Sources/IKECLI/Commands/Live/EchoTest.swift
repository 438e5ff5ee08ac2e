import IKECore
import IKEEngine

/// The echo test's addresses and pacing: an ICMP echo request from an address in our
/// selector to one in the peer's, sealed with the outbound SA; its reply must come back
/// through the inbound SA.
struct EchoSettings {
    /// `--source-address`, or nil for the first host of the local selector.
    var source: IPAddress?
    /// `--target-address`, or nil for the first host of the remote selector.
    var target: IPAddress?
    /// Requests sent before the test fails.
    var attempts = 4
    /// Seconds between requests.
    var interval = 1.0

    /// The source and target for `child`, or why there are none.
    func addresses(for child: ChildSA) -> Result<(IPAddress, IPAddress), EchoProblem> {
        guard let source = source ?? child.localSelectors.first.map(Self.firstHost),
            let target = target ?? child.remoteSelectors.first.map(Self.firstHost)
        else { return .failure(EchoProblem(text: "the Child SA has no selectors")) }
        guard source.isIPv4 == target.isIPv4 else {
            return .failure(EchoProblem(text: "\(source) and \(target) are of two families"))
        }
        return .success((source, target))
    }

    /// The first host a selector covers: the address after the network's own for a prefix
    /// of more than two addresses, else the first address.
    static func firstHost(_ selector: TrafficSelector) -> IPAddress {
        guard let network = selector.network, network.prefixLength < network.address.bitWidth - 1
        else { return selector.startAddress }
        var octets = network.first.octets
        for index in octets.indices.reversed() {
            let (sum, carry) = octets[index].addingReportingOverflow(1)
            octets[index] = sum
            if !carry { break }
        }
        return IPAddress(octets: octets) ?? selector.startAddress
    }

    /// The payload of our requests: recognisable in a capture.
    static let payload = Array("ikec echo test".utf8)
}

/// Why an echo test could not run.
struct EchoProblem: Error {
    /// In words.
    let text: String
}
